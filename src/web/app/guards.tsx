import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { Loading } from '../components/Loading';
import { NoAccess } from '../components/NoAccess';
import { hasAnyPermission, useMe, useSetupStatus } from './auth';

export const PASSWORD_PATH = '/account/password';

/** Sends everyone to /setup while the installation has no account yet. */
export function RequireSetupDone() {
  const setup = useSetupStatus();
  if (setup.isPending) return <Loading fullPage />;
  if (setup.isError) return <ErrorState error={setup.error} onRetry={() => void setup.refetch()} fullPage />;
  if (setup.data.needed) return <Navigate to="/setup" replace />;
  return <Outlet />;
}

/** Logged-in pages: others go to /login; an account that must change its password goes there first. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading fullPage />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} fullPage />;
  if (!me.data) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  if (me.data.mustChangePassword && location.pathname !== PASSWORD_PATH) {
    return <Navigate to={PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}

/** Opens its page to those who hold the permission (or one of the permissions) somewhere. */
export function RequirePermission({ permission, children }: { permission: string | readonly string[]; children: ReactNode }) {
  const me = useMe();
  if (!hasAnyPermission(me.data, permission)) return <NoAccess />;
  return <>{children}</>;
}

/** The first page the user may open: a member (no other role) lands on their own plan. */
export function firstPagePath(permissions: readonly string[], roles: readonly string[] = []): string | null {
  if (roles.length > 0 && roles.every((role) => role === 'member')) return '/my-plan';
  if (permissions.includes('org.read')) return '/orgs';
  if (permissions.includes('user.read')) return '/users';
  if (permissions.includes('audit.read')) return '/audit';
  return null;
}

export function HomeRedirect() {
  const me = useMe();
  const path = firstPagePath(me.data?.permissions ?? [], me.data?.grants.map((g) => g.role) ?? []);
  if (!path) return <NoAccess />;
  return <Navigate to={path} replace />;
}
