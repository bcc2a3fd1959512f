import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../app/api';
import { meKey, useMe } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import { PasswordPolicyHint } from './PasswordPolicyHint';
import { requiredRule, sameAsRule } from '../../components/formRules';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirm'];

export function ChangePasswordPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<PasswordValues>();

  const change = useMutation({
    mutationFn: (values: PasswordValues) => api.post<void>('/auth/password', values),
    onSuccess: async () => {
      void message.success(t('password.changed'));
      await queryClient.invalidateQueries({ queryKey: meKey });
      navigate('/', { replace: true });
    },
    onError: (error) => showError(error, form, FIELDS),
  });

  return (
    <div className="narrow-page">
      <Card>
        <Typography.Title level={2} className="page-title">
          {t('password.title')}
        </Typography.Title>
        {me.data?.mustChangePassword && (
          <Alert
            type="warning"
            showIcon
            className="form-alert"
            data-testid="password-must-change"
            title={t('password.mustChange')}
          />
        )}
        <PasswordPolicyHint />
        <Form<PasswordValues>
          form={form}
          name="password"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => change.mutate(values)}
        >
          <Form.Item name="currentPassword" label={t('password.current')} rules={[requiredRule(t)]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.new')} rules={[requiredRule(t)]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="newPasswordConfirm"
            label={t('password.confirm')}
            dependencies={['newPassword']}
            rules={[requiredRule(t), sameAsRule(t, 'newPassword')]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending} data-testid="password-submit">
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
