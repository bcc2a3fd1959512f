import { App, Form, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { OrgSummary } from '../../app/types';
import { testId } from '../../components/testId';
import { requiredChoiceRule } from '../../components/formRules';
import { OrgTreeSelect, type OrgOption } from './OrgTreeSelect';
import { useMoveOrg } from './orgApi';

interface FormValues {
  newParentId?: OrgOption;
}

/** Moves the organisation, with its whole subtree, under a new parent found by search. */
export function OrgMoveModal({ org, onClose }: { org: OrgSummary; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const move = useMoveOrg();
  const [form] = Form.useForm<FormValues>();

  const submit = (values: FormValues) => {
    if (!values.newParentId) return;
    move.mutate(
      { id: org.id, newParentId: values.newParentId.value },
      {
        onSuccess: () => {
          void message.success(t('org.move.done', { name: org.name }));
          onClose();
        },
        onError: (error) => showError(error, form, ['newParentId']),
      },
    );
  };

  return (
    <Modal
      open
      title={t('org.move.title', { name: org.name })}
      okText={t('org.move.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={move.isPending}
      okButtonProps={testId<ButtonProps>('org-move-submit')}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('org.move.help')}</Typography.Paragraph>
      <Form<FormValues> form={form} name="orgMove" layout="vertical" onFinish={submit}>
        <Form.Item name="newParentId" label={t('org.move.newParent')} rules={[requiredChoiceRule(t)]}>
          <OrgTreeSelect data-testid="org-move-parent" placeholder={t('org.move.placeholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
