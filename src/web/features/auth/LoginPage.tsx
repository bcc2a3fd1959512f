import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../../app/api';
import { useLogin, useMe } from '../../app/auth';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { Loading } from '../../components/Loading';
import { PublicLayout } from '../../components/PublicLayout';
import { requiredRule } from '../../components/formRules';

interface LoginValues {
  login: string;
  password: string;
}

const FIELDS = ['login', 'password'];

function LoginProblem({ error }: { error: unknown }) {
  const t = useT();
  const { lang } = useLang();
  if (isApiError(error) && error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return (
      <Alert
        type="warning"
        showIcon
        className="form-alert"
        data-testid="login-locked"
        title={t('login.lockedTitle')}
        description={t('login.locked', { minutes })}
      />
    );
  }
  return <Alert type="error" showIcon className="form-alert" data-testid="login-error" title={errorText(lang, error)} />;
}

export function LoginPage() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const location = useLocation();
  const login = useLogin();
  const [form] = Form.useForm<LoginValues>();

  if (me.isPending) return <Loading fullPage />;
  if (me.data) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  const fieldError = isApiError(login.error) && login.error.field && FIELDS.includes(login.error.field);

  return (
    <PublicLayout title={t('login.title')}>
      <Form<LoginValues>
        form={form}
        name="login"
        layout="vertical"
        requiredMark={false}
        onFinish={(values) =>
          login.mutate(values, {
            onError: (error) => {
              if (isApiError(error) && error.field && FIELDS.includes(error.field)) {
                form.setFields([{ name: error.field as keyof LoginValues, errors: [errorText(lang, error)] }]);
              }
            },
          })
        }
        onValuesChange={() => login.isError && login.reset()}
      >
        {login.isError && !fieldError && <LoginProblem error={login.error} />}
        <Form.Item name="login" label={t('login.login')} rules={[requiredRule(t)]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus autoCapitalize="none" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[requiredRule(t)]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </PublicLayout>
  );
}
