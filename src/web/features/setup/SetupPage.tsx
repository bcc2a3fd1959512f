import { Button, Divider, Form, Input, Select, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../../app/api';
import { setupKey, startSession, useSetupStatus } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { pickName, useLang, useT } from '../../app/i18n';
import type { Session } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PublicLayout } from '../../components/PublicLayout';
import { PasswordPolicyHint } from '../auth/PasswordPolicyHint';
import { requiredRule, sameAsRule } from '../../components/formRules';
import { useOrgKinds } from '../org/orgApi';

interface SetupValues {
  org: { name: string; kindCode: string; code?: string };
  admin: { displayName: string; login: string; password: string; passwordConfirm: string };
}

const FIELDS = [
  'org.name',
  'org.kindCode',
  'org.code',
  'admin.displayName',
  'admin.login',
  'admin.password',
  'admin.passwordConfirm',
];

function RootKindSelect(props: { id?: string; value?: string; onChange?: (value: string) => void }) {
  const t = useT();
  const { lang } = useLang();
  const kinds = useOrgKinds();
  if (kinds.isError) return <ErrorState error={kinds.error} onRetry={() => void kinds.refetch()} />;
  const options = (kinds.data ?? [])
    .filter((kind) => kind.canBeRoot)
    .map((kind) => ({ value: kind.code, label: pickName(lang, kind) }));
  return (
    <Select
      {...props}
      options={options}
      loading={kinds.isPending}
      placeholder={t('setup.orgKindPlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

export function SetupPage() {
  const t = useT();
  const setup = useSetupStatus();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<SetupValues>();

  const submit = useMutation({
    mutationFn: (values: SetupValues) =>
      api.post<Session>('/setup', {
        org: { name: values.org.name.trim(), kindCode: values.org.kindCode, code: values.org.code?.trim() || undefined },
        admin: values.admin,
      }),
    onSuccess: (session) => {
      startSession(queryClient, session);
      queryClient.setQueryData(setupKey, { needed: false });
      navigate('/', { replace: true });
    },
    onError: (error) => showError(error, form, FIELDS),
  });

  if (setup.isPending) return <Loading fullPage />;
  if (setup.isError) return <ErrorState error={setup.error} onRetry={() => void setup.refetch()} fullPage />;
  if (!setup.data.needed && !submit.isSuccess) return <Navigate to="/login" replace />;

  return (
    <PublicLayout title={t('setup.title')} wide>
      <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
      <Form<SetupValues>
        form={form}
        name="setup"
        layout="vertical"
        requiredMark="optional"
        onFinish={(values) => submit.mutate(values)}
      >
        <Divider titlePlacement="start">{t('setup.orgSection')}</Divider>
        <Form.Item name={['org', 'name']} label={t('setup.orgName')} rules={[requiredRule(t)]}>
          <Input placeholder={t('setup.orgNamePlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item name={['org', 'kindCode']} label={t('setup.orgKind')} rules={[requiredRule(t)]}>
          <RootKindSelect />
        </Form.Item>
        <Form.Item name={['org', 'code']} label={t('setup.orgCode')} extra={t('setup.orgCodeHelp')}>
          <Input maxLength={50} />
        </Form.Item>

        <Divider titlePlacement="start">{t('setup.adminSection')}</Divider>
        <Form.Item name={['admin', 'displayName']} label={t('setup.adminName')} rules={[requiredRule(t)]}>
          <Input autoComplete="name" maxLength={200} />
        </Form.Item>
        <Form.Item name={['admin', 'login']} label={t('setup.adminLogin')} rules={[requiredRule(t)]}>
          <Input autoComplete="username" autoCapitalize="none" maxLength={100} />
        </Form.Item>
        <PasswordPolicyHint />
        <Form.Item name={['admin', 'password']} label={t('setup.adminPassword')} rules={[requiredRule(t)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name={['admin', 'passwordConfirm']}
          label={t('setup.adminPasswordConfirm')}
          dependencies={[['admin', 'password']]}
          rules={[requiredRule(t), sameAsRule(t, ['admin', 'password'])]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending} data-testid="setup-submit">
          {t('setup.submit')}
        </Button>
      </Form>
    </PublicLayout>
  );
}
