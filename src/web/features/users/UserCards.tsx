import { Card, Empty, Pagination, Spin } from 'antd';
import type { PaginationProps } from 'antd';
import { useT } from '../../app/i18n';
import type { UserSummary } from '../../app/types';
import { GrantTags, UserActionButtons, UserStatus, type UserRowActions } from './UserParts';

interface Props {
  users: UserSummary[];
  loading: boolean;
  canManage: boolean;
  pagination: PaginationProps;
  actions: UserRowActions;
}

/** The user list on phones: one card per user. */
export function UserCards({ users, loading, canManage, pagination, actions }: Props) {
  const t = useT();
  return (
    <Spin spinning={loading}>
      <div className="user-cards" data-testid="users-cards">
        {users.length === 0 && !loading && <Empty description={t('users.empty')} />}
        {users.map((user) => (
          <Card key={user.id} size="small" className="user-card" data-testid="user-card" data-row-key={user.id}>
            <div className="user-card-head">
              <span className="user-card-name" data-testid="user-name">
                {user.displayName}
              </span>
              <UserStatus user={user} />
            </div>
            <div className="user-card-line">
              <code>{user.login}</code> · {user.homeOrg?.name ?? t('common.none')}
            </div>
            <GrantTags user={user} canManage={canManage} onRemoveGrant={actions.onRemoveGrant} />
            {canManage && (
              <div className="user-card-actions">
                <UserActionButtons user={user} actions={actions} />
              </div>
            )}
          </Card>
        ))}
      </div>
      {users.length > 0 && <Pagination className="user-cards-pagination" size="small" {...pagination} />}
    </Spin>
  );
}
