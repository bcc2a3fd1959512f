import { App, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { UserSummary } from '../../app/types';
import { testId } from '../../components/testId';
import { PasswordPolicyHint } from '../auth/PasswordPolicyHint';
import { requiredRule, sameAsRule } from '../../components/formRules';
import { useResetPassword } from './usersApi';

interface FormValues {
  newPassword: string;
  newPasswordConfirm: string;
}

/** Sets a new password that the user must change at the next login; their sessions end. */
export function ResetPasswordModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const reset = useResetPassword();
  const [form] = Form.useForm<FormValues>();

  const submit = (values: FormValues) =>
    reset.mutate(
      { id: user.id, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('users.reset.done', { name: user.displayName }));
          onClose();
        },
        onError: (error) => showError(error, form, ['newPassword']),
      },
    );

  return (
    <Modal
      open
      title={t('users.reset.title', { name: user.displayName })}
      okText={t('users.reset.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      okButtonProps={testId<ButtonProps>('user-reset-submit')}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('users.reset.help')}</Typography.Paragraph>
      <PasswordPolicyHint />
      <Form<FormValues> form={form} name="userReset" layout="vertical" onFinish={submit}>
        <Form.Item name="newPassword" label={t('password.new')} rules={[requiredRule(t)]}>
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="newPasswordConfirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[requiredRule(t), sameAsRule(t, 'newPassword')]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
