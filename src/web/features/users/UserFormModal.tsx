import { App, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { UserSummary } from '../../app/types';
import { testId } from '../../components/testId';
import { PasswordPolicyHint } from '../auth/PasswordPolicyHint';
import { requiredChoiceRule, requiredRule, sameAsRule } from '../../components/formRules';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { useCreateUser, useUpdateUser } from './usersApi';

interface FormValues {
  displayName: string;
  login: string;
  homeOrgId?: OrgOption;
  password: string;
  passwordConfirm: string;
}

type Props =
  | { mode: 'create'; defaultOrg?: OrgOption; user?: undefined; onClose: () => void }
  | { mode: 'edit'; user: UserSummary; defaultOrg?: undefined; onClose: () => void };

const FIELDS = ['displayName', 'login', 'homeOrgId', 'password'];

/** Creates a user (who must change the initial password at first login) or edits name and home organisation. */
export function UserFormModal(props: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const creating = props.mode === 'create';

  const submit = (values: FormValues) => {
    const onError = (error: unknown) => showError(error, form, FIELDS);
    const homeOrgId = values.homeOrgId?.value;
    if (props.mode === 'create') {
      if (!homeOrgId) return;
      create.mutate(
        {
          displayName: values.displayName.trim(),
          login: values.login.trim(),
          homeOrgId,
          password: values.password,
        },
        {
          onSuccess: (user) => {
            void message.success(t('users.form.created', { name: user.displayName }));
            props.onClose();
          },
          onError,
        },
      );
    } else {
      update.mutate(
        { id: props.user.id, body: { displayName: values.displayName.trim(), homeOrgId } },
        {
          onSuccess: () => {
            void message.success(t('users.form.saved'));
            props.onClose();
          },
          onError,
        },
      );
    }
  };

  const initialValues: Partial<FormValues> =
    props.mode === 'edit'
      ? {
          displayName: props.user.displayName,
          login: props.user.login,
          homeOrgId: props.user.homeOrg
            ? { value: props.user.homeOrg.id, label: props.user.homeOrg.name }
            : undefined,
        }
      : { homeOrgId: props.defaultOrg };

  return (
    <Modal
      open
      title={creating ? t('users.form.createTitle') : t('users.form.editTitle', { name: props.user.displayName })}
      okText={creating ? t('users.form.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={testId<ButtonProps>('user-form-submit')}
      mask={{ closable: false }}
    >
      <Form<FormValues>
        form={form}
        name="userForm"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        requiredMark="optional"
      >
        <Form.Item name="displayName" label={t('users.field.displayName')} rules={[requiredRule(t)]}>
          <Input maxLength={200} autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="login"
          label={t('users.field.login')}
          rules={creating ? [requiredRule(t)] : []}
          extra={creating ? t('users.form.loginHelp') : undefined}
        >
          <Input maxLength={100} disabled={!creating} autoCapitalize="none" autoComplete="off" />
        </Form.Item>
        <Form.Item name="homeOrgId" label={t('users.field.homeOrg')} rules={[requiredChoiceRule(t)]}>
          <OrgTreeSelect data-testid="user-form-home-org" allowClear={false} />
        </Form.Item>
        {creating && (
          <>
            <PasswordPolicyHint />
            <Form.Item
              name="password"
              label={t('users.field.initialPassword')}
              rules={[requiredRule(t)]}
              extra={t('users.form.passwordHelp')}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              name="passwordConfirm"
              label={t('users.field.passwordConfirm')}
              dependencies={['password']}
              rules={[requiredRule(t), sameAsRule(t, 'password')]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
