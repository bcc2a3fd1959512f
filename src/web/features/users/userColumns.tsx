import { useT } from '../../app/i18n';
import type { UserSummary } from '../../app/types';
import type { ListColumn } from '../../components/ResponsiveList';
import { GrantTags, UserStatus, type UserRowActions } from './UserParts';

/** The columns of the user list (a table on wider screens, cards on phones). */
export function useUserColumns(canManage: boolean, onRemoveGrant: UserRowActions['onRemoveGrant']): ListColumn<UserSummary>[] {
  const t = useT();
  return [
    {
      key: 'name',
      title: t('users.col.name'),
      card: 'title',
      render: (user) => (
        <span className="nowrap" data-testid="user-name">
          {user.displayName}
        </span>
      ),
    },
    { key: 'login', title: t('users.col.login'), card: 'subtitle', render: (user) => <code className="nowrap">{user.login}</code> },
    { key: 'homeOrg', title: t('users.col.homeOrg'), render: (user) => user.homeOrg?.name ?? t('common.none') },
    {
      key: 'roles',
      title: t('users.col.roles'),
      render: (user) => <GrantTags user={user} canManage={canManage} onRemoveGrant={onRemoveGrant} />,
    },
    { key: 'status', title: t('users.col.status'), render: (user) => <UserStatus user={user} /> },
  ];
}
