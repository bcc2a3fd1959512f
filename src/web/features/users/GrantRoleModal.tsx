import { App, Form, Modal, Select, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useShowError } from '../../app/errors';
import { pickName, useLang, useT } from '../../app/i18n';
import type { UserSummary } from '../../app/types';
import { testId } from '../../components/testId';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { useGrantRole, useRoles } from './usersApi';

interface FormValues {
  orgId?: OrgOption;
  role?: string;
}

/** Grants a role on an organisation (it covers the organisation's whole subtree). */
export function GrantRoleModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const roles = useRoles();
  const grant = useGrantRole();
  const [form] = Form.useForm<FormValues>();
  const chosenRole = Form.useWatch('role', form);
  const chosen = roles.data?.find((role) => role.code === chosenRole);

  const submit = (values: FormValues) => {
    if (!values.orgId || !values.role) return;
    grant.mutate(
      { id: user.id, orgId: values.orgId.value, role: values.role },
      {
        onSuccess: () => {
          void message.success(t('users.grant.done', { name: user.displayName }));
          onClose();
        },
        onError: (error) => showError(error, form, ['orgId', 'role']),
      },
    );
  };

  return (
    <Modal
      open
      title={t('users.grant.title', { name: user.displayName })}
      okText={t('users.grant.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={grant.isPending}
      okButtonProps={testId<ButtonProps>('grant-submit')}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('users.grant.help')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        name="grantForm"
        layout="vertical"
        initialValues={{ orgId: user.homeOrg ? { value: user.homeOrg.id, label: user.homeOrg.name } : undefined }}
        onFinish={submit}
      >
        <Form.Item name="orgId" label={t('users.grant.org')} rules={[requiredChoiceRule(t)]}>
          <OrgTreeSelect data-testid="grant-org" allowClear={false} />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.grant.role')}
          rules={[requiredRule(t)]}
          extra={chosen ? (lang === 'en' ? chosen.descriptionEn : chosen.descriptionVi) : undefined}
        >
          <Select
            data-testid="grant-role"
            loading={roles.isPending}
            placeholder={t('users.grant.rolePlaceholder')}
            options={(roles.data ?? [])
              .filter((role) => role.grantable)
              .map((role) => ({ value: role.code, label: pickName(lang, role) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
