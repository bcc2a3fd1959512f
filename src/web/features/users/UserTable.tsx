import { App, Button, Space, Table, Tag, Tooltip } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { KeyOutlined, LockOutlined, SafetyCertificateOutlined, EditOutlined, UnlockOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../../shared/vn-text';
import { useShowError } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { Grant, Page, UserSummary } from '../../app/types';
import { testId } from '../../components/testId';
import { useRemoveGrant, useRoleName, useUpdateUser } from './usersApi';

interface Props {
  data: Page<UserSummary> | undefined;
  loading: boolean;
  canManage: boolean;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (user: UserSummary) => void;
  onResetPassword: (user: UserSummary) => void;
  onGrant: (user: UserSummary) => void;
}

function UserStatus({ user }: { user: UserSummary }) {
  const t = useT();
  if (user.disabled) return <Tag color="red">{t('users.status.disabled')}</Tag>;
  if (user.mustChangePassword) return <Tag color="gold">{t('users.status.mustChange')}</Tag>;
  return <Tag color="green">{t('users.status.active')}</Tag>;
}

export function UserTable({ data, loading, canManage, onPage, onEdit, onResetPassword, onGrant }: Props) {
  const t = useT();
  const { lang } = useLang();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const roleName = useRoleName();
  const update = useUpdateUser();
  const removeGrant = useRemoveGrant();

  const confirmRemoveGrant = (user: UserSummary, grant: Grant) =>
    modal.confirm({
      title: t('users.grant.removeTitle'),
      content: t('users.grant.removeText', {
        role: roleName(grant.role),
        org: grant.orgName,
        name: user.displayName,
      }),
      okText: t('users.grant.remove'),
      okButtonProps: { ...testId<ButtonProps>('grant-remove-confirm'), danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        removeGrant.mutateAsync({ id: user.id, grantId: grant.id }).then(
          () => void message.success(t('users.grant.removed')),
          (error: unknown) => showError(error),
        ),
    });

  const confirmToggle = (user: UserSummary) =>
    modal.confirm({
      title: user.disabled
        ? t('users.enable.title', { name: user.displayName })
        : t('users.disable.title', { name: user.displayName }),
      content: user.disabled ? t('users.enable.text') : t('users.disable.text'),
      okText: user.disabled ? t('users.action.enable') : t('users.action.disable'),
      okButtonProps: { ...testId<ButtonProps>('user-toggle-confirm'), danger: !user.disabled },
      cancelText: t('common.cancel'),
      onOk: () =>
        update.mutateAsync({ id: user.id, body: { disabled: !user.disabled } }).then(
          () => void message.success(user.disabled ? t('users.enable.done') : t('users.disable.done')),
          (error: unknown) => showError(error),
        ),
    });

  const columns: TableColumnsType<UserSummary> = [
    {
      key: 'name',
      title: t('users.col.name'),
      render: (_, user) => (
        <span className="user-name" data-testid="user-name">
          {user.displayName}
        </span>
      ),
    },
    { key: 'login', title: t('users.col.login'), dataIndex: 'login', render: (login: string) => <code>{login}</code> },
    {
      key: 'homeOrg',
      title: t('users.col.homeOrg'),
      render: (_, user) => user.homeOrg?.name ?? t('common.none'),
    },
    {
      key: 'roles',
      title: t('users.col.roles'),
      render: (_, user) =>
        user.grants.length === 0 ? (
          <span className="muted">{t('users.noRoles')}</span>
        ) : (
          <div className="grant-tags">
            {user.grants.map((grant) => (
              <Tag
                key={grant.id}
                color="blue"
                data-testid="grant-tag"
                closable={canManage ? { 'aria-label': t('users.grant.remove') } : false}
                onClose={(event) => {
                  event.preventDefault();
                  confirmRemoveGrant(user, grant);
                }}
              >
                {roleName(grant.role)} · {grant.orgName}
              </Tag>
            ))}
          </div>
        ),
    },
    {
      key: 'status',
      title: t('users.col.status'),
      render: (_, user) => (
        <Tooltip
          title={
            user.lastLoginAt
              ? t('users.lastLogin', { at: formatDateTime(user.lastLoginAt) })
              : t('users.neverLoggedIn')
          }
        >
          <span>
            <UserStatus user={user} />
          </span>
        </Tooltip>
      ),
    },
  ];

  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, user) => (
        <Space size={4} wrap>
          <Button size="small" icon={<EditOutlined />} onClick={() => onEdit(user)} data-testid="user-edit">
            {t('users.action.edit')}
          </Button>
          <Button
            size="small"
            icon={<SafetyCertificateOutlined />}
            onClick={() => onGrant(user)}
            data-testid="user-grant"
          >
            {t('users.action.grant')}
          </Button>
          <Button
            size="small"
            icon={<KeyOutlined />}
            onClick={() => onResetPassword(user)}
            data-testid="user-reset-password"
          >
            {t('users.action.resetPassword')}
          </Button>
          <Button
            size="small"
            danger={!user.disabled}
            icon={user.disabled ? <UnlockOutlined /> : <LockOutlined />}
            onClick={() => confirmToggle(user)}
            data-testid="user-toggle"
          >
            {user.disabled ? t('users.action.enable') : t('users.action.disable')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <Table<UserSummary>
      rowKey="id"
      className="users-table"
      data-testid="users-table"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 'max-content' }}
      size="middle"
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('common.total', { count: formatNumber(lang, total) }),
        onChange: onPage,
      }}
      locale={{ emptyText: t('users.empty') }}
    />
  );
}
