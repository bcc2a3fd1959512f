import type { ReactNode } from 'react';
import { Button, Space, Tag, Tooltip } from 'antd';
import { EditOutlined, KeyOutlined, LockOutlined, SafetyCertificateOutlined, UnlockOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../../shared/vn-text';
import { useT } from '../../app/i18n';
import type { Grant, UserSummary } from '../../app/types';
import { useRoleName } from './usersApi';

/** What the rows of the user list can ask for. */
export interface UserRowActions {
  onEdit: (user: UserSummary) => void;
  onResetPassword: (user: UserSummary) => void;
  onGrant: (user: UserSummary) => void;
  onToggle: (user: UserSummary) => void;
  onRemoveGrant: (user: UserSummary, grant: Grant) => void;
}

export function UserStatus({ user }: { user: UserSummary }) {
  const t = useT();
  const tag = user.disabled ? (
    <Tag color="red">{t('users.status.disabled')}</Tag>
  ) : user.mustChangePassword ? (
    <Tag color="gold">{t('users.status.mustChange')}</Tag>
  ) : (
    <Tag color="green">{t('users.status.active')}</Tag>
  );
  return (
    <Tooltip
      title={user.lastLoginAt ? t('users.lastLogin', { at: formatDateTime(user.lastLoginAt) }) : t('users.neverLoggedIn')}
    >
      <span data-testid="user-status">{tag}</span>
    </Tooltip>
  );
}

export function GrantTags({
  user,
  canManage,
  onRemoveGrant,
}: {
  user: UserSummary;
  canManage: boolean;
  onRemoveGrant: UserRowActions['onRemoveGrant'];
}) {
  const t = useT();
  const roleName = useRoleName();
  if (user.grants.length === 0) return <span className="muted">{t('users.noRoles')}</span>;
  return (
    <div className="grant-tags">
      {user.grants.map((grant) => (
        <Tag
          key={grant.id}
          color="blue"
          data-testid="grant-tag"
          closable={canManage ? { 'aria-label': t('users.grant.remove') } : false}
          onClose={(event) => {
            event.preventDefault();
            onRemoveGrant(user, grant);
          }}
        >
          {roleName(grant.role)} · {grant.orgName}
        </Tag>
      ))}
    </div>
  );
}

function IconAction({
  label,
  testId,
  icon,
  danger,
  onClick,
}: {
  label: string;
  testId: string;
  icon: ReactNode;
  danger?: boolean;
  onClick: () => void;
}) {
  return (
    <Tooltip title={label}>
      <Button size="small" icon={icon} danger={danger} onClick={onClick} aria-label={label} data-testid={testId} />
    </Tooltip>
  );
}

export function UserActionButtons({ user, actions }: { user: UserSummary; actions: UserRowActions }) {
  const t = useT();
  return (
    <Space size={4} className="user-actions">
      <IconAction label={t('users.action.edit')} testId="user-edit" icon={<EditOutlined />} onClick={() => actions.onEdit(user)} />
      <IconAction
        label={t('users.action.grant')}
        testId="user-grant"
        icon={<SafetyCertificateOutlined />}
        onClick={() => actions.onGrant(user)}
      />
      <IconAction
        label={t('users.action.resetPassword')}
        testId="user-reset-password"
        icon={<KeyOutlined />}
        onClick={() => actions.onResetPassword(user)}
      />
      <IconAction
        label={user.disabled ? t('users.action.enable') : t('users.action.disable')}
        testId="user-toggle"
        icon={user.disabled ? <UnlockOutlined /> : <LockOutlined />}
        danger={!user.disabled}
        onClick={() => actions.onToggle(user)}
      />
    </Space>
  );
}
