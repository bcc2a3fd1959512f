import { useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { hasPermission, useMe } from '../../app/auth';
import { useT } from '../../app/i18n';
import type { UserSummary } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList } from '../../components/ResponsiveList';
import { SearchBox } from '../../components/SearchBox';
import { usePagination } from '../../components/usePagination';
import { intParam, useQueryParams } from '../../components/useQueryParams';
import { ListExportButton, ListExportProgress, useListExport } from '../jobs/ListExport';
import { OrgFilter } from '../org/OrgFilter';
import { useOrgDetail } from '../org/orgApi';
import { GrantRoleModal } from './GrantRoleModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { useUserColumns } from './userColumns';
import { UserFormModal } from './UserFormModal';
import { UserActionButtons, type UserRowActions } from './UserParts';
import { useUserConfirms } from './useUserConfirms';
import { useUsers } from './usersApi';

const KEYS = ['orgId', 'q', 'page', 'pageSize'] as const;

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'reset' | 'grant'; user: UserSummary }
  | null;

/**
 * /users?orgId=<org>&q: users whose home organisation is in that subtree, with their role grants;
 * the list exports to Excel as shown (a job).
 */
export default function UsersPage() {
  const t = useT();
  const me = useMe();
  const canManage = hasPermission(me.data, 'user.manage');
  const [values, set] = useQueryParams(KEYS);
  const orgId = values.orgId;
  const org = useOrgDetail(orgId);
  const paging = { page: intParam(values.page, 1), pageSize: intParam(values.pageSize, 20) };
  const users = useUsers({ orgId, q: values.q, ...paging });
  const exporter = useListExport('/users/export', 'users', { orgId, q: values.q });
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  const { confirmToggle, confirmRemoveGrant } = useUserConfirms();
  const actions: UserRowActions = {
    onEdit: (user) => setDialog({ kind: 'edit', user }),
    onResetPassword: (user) => setDialog({ kind: 'reset', user }),
    onGrant: (user) => setDialog({ kind: 'grant', user }),
    onToggle: confirmToggle,
    onRemoveGrant: confirmRemoveGrant,
  };
  const columns = useUserColumns(canManage, confirmRemoveGrant);
  const pagination = usePagination(users.data, paging, (page, pageSize) => set({ page, pageSize }));
  const orgValue = orgId && org.data ? { value: orgId, label: org.data.org.name } : undefined;

  return (
    <div className="page">
      <PageHeading
        title={t('users.title')}
        action={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          )
        }
      />
      <div className="filters">
        <SearchBox
          id="users-search"
          data-testid="users-search"
          className="filter-search"
          placeholder={t('users.searchPlaceholder')}
          value={values.q}
          onSearch={(q) => set({ q }, { replace: true })}
        />
        <OrgFilter orgId={orgId} onChange={(next) => set({ orgId: next })} placeholder={t('users.orgFilter')} testId="users-org-filter" />
        <ListExportButton exporter={exporter} testId="users-export" />
      </div>
      <ListExportProgress exporter={exporter} />
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <ResponsiveList
          testId="users-table"
          items={users.data?.items ?? []}
          rowKey={(user) => user.id}
          columns={columns}
          loading={users.isFetching}
          pagination={pagination}
          emptyText={t('users.empty')}
          actionsTitle={t('common.actions')}
          actions={canManage ? (user) => <UserActionButtons user={user} actions={actions} /> : undefined}
          scrollX={900}
        />
      )}
      {dialog?.kind === 'create' && <UserFormModal mode="create" defaultOrg={orgValue} onClose={close} />}
      {dialog?.kind === 'edit' && <UserFormModal mode="edit" user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'grant' && <GrantRoleModal user={dialog.user} onClose={close} />}
    </div>
  );
}
