import { useState } from 'react';
import { Button, Grid, Input } from 'antd';
import type { PaginationProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../../app/auth';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { UserSummary } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { useDebounced } from '../../components/useDebounced';
import { PageHeading } from '../../components/PageHeading';
import { OrgTreeSelect } from '../org/OrgTreeSelect';
import { useOrgDetail } from '../org/orgApi';
import { GrantRoleModal } from './GrantRoleModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserCards } from './UserCards';
import { UserFormModal } from './UserFormModal';
import type { UserRowActions } from './UserParts';
import { UserTable } from './UserTable';
import { useUserConfirms } from './useUserConfirms';
import { useUsers } from './usersApi';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit' | 'reset' | 'grant'; user: UserSummary }
  | null;

/** /users?orgId=<org>: users whose home organisation is in that subtree, with their role grants. */
export default function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const screens = Grid.useBreakpoint();
  const me = useMe();
  const canManage = hasPermission(me.data, 'user.manage');
  const [params, setParams] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const org = useOrgDetail(orgId);
  const [searchText, setSearchText] = useState('');
  const q = useDebounced(searchText, 300).trim();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20, q: '', orgId });
  // A new search or organisation starts again from page 1.
  const page = paging.q === q && paging.orgId === orgId ? paging.page : 1;
  const users = useUsers({ orgId, q: q || undefined, page, pageSize: paging.pageSize });
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
  const pagination: PaginationProps = {
    current: users.data?.page ?? page,
    pageSize: users.data?.pageSize ?? paging.pageSize,
    total: users.data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (total) => t('common.total', { count: formatNumber(lang, total) }),
    onChange: (nextPage, pageSize) => setPaging({ page: nextPage, pageSize, q, orgId }),
  };
  const list = {
    users: users.data?.items ?? [],
    loading: users.isFetching,
    canManage,
    pagination,
    actions,
  };

  const orgValue = orgId ? { value: orgId, label: org.data?.org.name ?? '…' } : undefined;

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
        <Input.Search
          allowClear
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          placeholder={t('users.searchPlaceholder')}
          aria-label={t('users.searchPlaceholder')}
          className="filter-search"
          id="users-search"
          data-testid="users-search"
        />
        <OrgTreeSelect
          id="users-org-filter"
          data-testid="users-org-filter"
          aria-label={t('users.orgFilter')}
          className="filter-org"
          placeholder={t('users.orgFilter')}
          value={orgValue}
          onChange={(picked) => setParams(picked ? { orgId: picked.value } : {})}
        />
      </div>
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        screens.md ? <UserTable {...list} /> : <UserCards {...list} />
      )}
      {dialog?.kind === 'create' && (
        <UserFormModal
          mode="create"
          defaultOrg={orgValue && org.data ? orgValue : undefined}
          onClose={close}
        />
      )}
      {dialog?.kind === 'edit' && <UserFormModal mode="edit" user={dialog.user} onClose={close} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'grant' && <GrantRoleModal user={dialog.user} onClose={close} />}
    </div>
  );
}
