import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/setup/SetupPage';
import { HomeRedirect, RequireAuth, RequirePermission, RequireSetupDone } from './guards';
import { AppLayout } from './layout/AppLayout';

const OrgPage = lazy(() => import('../features/org/OrgPage'));
const OrgKindsPage = lazy(() => import('../features/orgKinds/OrgKindsPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/**
 * Routes:
 *   /setup             first start: root organisation and first administrator
 *   /login             log in
 *   /account/password  change own password (forced when the account must change it)
 *   /orgs              organisation tree and detail (?id=<org>)
 *   /org-kinds         kinds of organisation and their allowed parents (system administrators)
 *   /users             users and role grants (?orgId=<org>)
 *   /audit             audit log and its Excel export
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route element={<RequireSetupDone />}>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<HomeRedirect />} />
            <Route path="account/password" element={<ChangePasswordPage />} />
            <Route
              path="orgs"
              element={
                <RequirePermission permission="org.read">
                  <Page>
                    <OrgPage />
                  </Page>
                </RequirePermission>
              }
            />
            <Route
              path="org-kinds"
              element={
                <RequirePermission permission="system.configure">
                  <Page>
                    <OrgKindsPage />
                  </Page>
                </RequirePermission>
              }
            />
            <Route
              path="users"
              element={
                <RequirePermission permission="user.read">
                  <Page>
                    <UsersPage />
                  </Page>
                </RequirePermission>
              }
            />
            <Route
              path="audit"
              element={
                <RequirePermission permission="audit.read">
                  <Page>
                    <AuditPage />
                  </Page>
                </RequirePermission>
              }
            />
            <Route path="index.html" element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}
