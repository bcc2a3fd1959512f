import { Table } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import { useT } from '../../app/i18n';
import type { UserSummary } from '../../app/types';
import { GrantTags, UserActionButtons, UserStatus, type UserRowActions } from './UserParts';

interface Props {
  users: UserSummary[];
  loading: boolean;
  canManage: boolean;
  pagination: TablePaginationConfig;
  actions: UserRowActions;
}

/** The user list on wider screens. */
export function UserTable({ users, loading, canManage, pagination, actions }: Props) {
  const t = useT();
  const columns: TableColumnsType<UserSummary> = [
    {
      key: 'name',
      title: t('users.col.name'),
      render: (_, user) => (
        <span className="nowrap" data-testid="user-name">
          {user.displayName}
        </span>
      ),
    },
    { key: 'login', title: t('users.col.login'), render: (_, user) => <code className="nowrap">{user.login}</code> },
    { key: 'homeOrg', title: t('users.col.homeOrg'), render: (_, user) => user.homeOrg?.name ?? t('common.none') },
    {
      key: 'roles',
      title: t('users.col.roles'),
      render: (_, user) => <GrantTags user={user} canManage={canManage} onRemoveGrant={actions.onRemoveGrant} />,
    },
    { key: 'status', title: t('users.col.status'), render: (_, user) => <UserStatus user={user} /> },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      render: (_, user) => <UserActionButtons user={user} actions={actions} />,
    });
  }

  return (
    <Table<UserSummary>
      rowKey="id"
      className="users-table"
      data-testid="users-table"
      columns={columns}
      dataSource={users}
      loading={loading}
      scroll={{ x: 900 }}
      size="middle"
      pagination={pagination}
      locale={{ emptyText: t('users.empty') }}
    />
  );
}
