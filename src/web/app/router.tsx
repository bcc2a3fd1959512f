import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/setup/SetupPage';
import { HomeRedirect, RequireAuth, RequirePermission, RequireSetupDone } from './guards';
import { AppLayout } from './layout/AppLayout';
import { IMPORT_PERMISSIONS } from './layout/navItems';

const OrgPage = lazy(() => import('../features/org/OrgPage'));
const OrgKindsPage = lazy(() => import('../features/orgKinds/OrgKindsPage'));
const UsersPage = lazy(() => import('../features/users/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const PeoplePage = lazy(() => import('../features/people/PeoplePage'));
const PersonPage = lazy(() => import('../features/people/PersonPage'));
const HouseholdsPage = lazy(() => import('../features/households/HouseholdsPage'));
const HouseholdPage = lazy(() => import('../features/households/HouseholdPage'));
const ClanPage = lazy(() => import('../features/households/ClanPage'));
const ImportPage = lazy(() => import('../features/dataImport/ImportPage'));
const ReorganisationPage = lazy(() => import('../features/reorganisation/ReorganisationPage'));
const MyLearningPage = lazy(() => import('../features/learning/MyLearningPage'));
const LearningReviewPage = lazy(() => import('../features/learning/ReviewPage'));
const LearningSummaryPage = lazy(() => import('../features/learning/SummaryPage'));
const MyPlanPage = lazy(() => import('../features/studyPlan/MyPlanPage'));
const StudyPlansPage = lazy(() => import('../features/studyPlan/StudyPlansPage'));
const PlanPage = lazy(() => import('../features/studyPlan/PlanPage'));
const PlanTemplatesPage = lazy(() => import('../features/studyPlan/PlanTemplatesPage'));
const MandatoryTrainingsPage = lazy(() => import('../features/learning/MandatoryTrainingsPage'));
const TitlesPage = lazy(() => import('../features/titles/TitlesPage'));
const TitleRegistrationPage = lazy(() => import('../features/titles/RegistrationPage'));
const MyTitlesPage = lazy(() => import('../features/titles/MyTitlesPage'));
const TitleDecisionsPage = lazy(() => import('../features/titles/DecisionsPage'));
const TitleDecisionPage = lazy(() => import('../features/titles/DecisionPage'));
const CriteriaSetsPage = lazy(() => import('../features/criteria/CriteriaSetsPage'));
const CriteriaSetPage = lazy(() => import('../features/criteria/CriteriaSetPage'));
const VerifyPage = lazy(() => import('../features/verify/VerifyPage'));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading />}>{children}</Suspense>;
}

/** A lazily loaded page behind a permission. */
function Guarded({ permission, children }: { permission: string | readonly string[]; children: ReactNode }) {
  return (
    <RequirePermission permission={permission}>
      <Page>{children}</Page>
    </RequirePermission>
  );
}

/**
 * Routes:
 *   /setup             first start: root organisation and first administrator
 *   /login             log in
 *   /account/password  change own password (forced when the account must change it)
 *   /orgs              organisation tree and detail (?id=<org>)
 *   /reorganisations   merge, split or transfer units (?orgId=<unit> preselects one); past reorganisations
 *   /org-kinds         kinds of organisation and their allowed parents (system administrators)
 *   /users             users and role grants (?orgId=<org>)
 *   /audit             audit log and its Excel export
 *   /people            staff (?tab=staff) and residents (?tab=resident) with filters in the query
 *   /people/:id        one person: record, employment, emulation by year
 *   /households        households (?tab=households) and clans (?tab=clans) of residents
 *   /households/:id    one household with its members and clans
 *   /clans/:id         one clan with its households (/clans alone opens the clans tab)
 *   /imports           the Excel import wizard (?id=<import> resumes one) and recent imports
 *                      (people, units or a training's attendance list: person, org or learning.manage)
 *   /my-learning       my learning records of a year (?year=): progress, add, edit, evidence files
 *   /learning-records  records of a subtree to verify (?orgId&year&status&kind&q; status: pending by default)
 *   /learning-summary  the shares the seeds target per unit (?orgId&year), the members behind each number
 *   /my-plan           my self-study plan of a year (?year=, this year by default): start, edit, submit, report
 *   /study-plans       the unit's plans (?orgId&year&state&q): states per unit, approve many, remind,
 *                      the learning year
 *   /study-plans/:id   one plan: the reviewer's acts (the server says who may see it: no menu permission)
 *   /criteria-sets     criteria sets of the titles (?title&q) and the yearly calendar (?tab=calendar);
 *                      readable by every logged-in user (public rules)
 *   /criteria-sets/:id one set: content by version, versions, diff, copy, draft (?edit=1), publish, export
 *   /plan-templates    plan templates of a unit by position (?orgId&year): publish, edit, withdraw
 *   /mandatory-trainings  the mandatory-training catalogue of a subtree (?orgId): add, edit, retire
 *   /titles            learning titles of a subtree (?orgId&year&title&state&q): figures, registrations,
 *                      register one or many, accept many, Excel import and export
 *   /titles/registrations/:id  one case: assessment (self, review), acts, history (the server decides who sees it)
 *   /my-titles         my Công dân học tập registration of a year (?year=) and my recognitions
 *   /titles/decisions  recognition decisions (?orgId&year&title&tab=recognitions: the recognitions, revoke)
 *   /titles/decisions/:id  one decision: edit, issue, the annexed list
 *   /verify/:code      public (no login, no setup check): a certificate's status, opened by its QR code
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/verify/:code" element={<Page><VerifyPage /></Page>} />
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
            <Route path="reorganisations" element={<Guarded permission="org.manage"><ReorganisationPage /></Guarded>} />
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
            <Route path="people" element={<Guarded permission="person.read"><PeoplePage /></Guarded>} />
            <Route path="people/:id" element={<Guarded permission="person.read"><PersonPage /></Guarded>} />
            <Route path="households" element={<Guarded permission="person.read"><HouseholdsPage /></Guarded>} />
            <Route path="households/:id" element={<Guarded permission="person.read"><HouseholdPage /></Guarded>} />
            <Route path="clans" element={<Navigate to="/households?tab=clans" replace />} />
            <Route path="clans/:id" element={<Guarded permission="person.read"><ClanPage /></Guarded>} />
            <Route path="imports" element={<Guarded permission={IMPORT_PERMISSIONS}><ImportPage /></Guarded>} />
            <Route path="my-learning" element={<Page><MyLearningPage /></Page>} />
            <Route path="learning-records" element={<Guarded permission="learning.read"><LearningReviewPage /></Guarded>} />
            <Route path="learning-summary" element={<Guarded permission="learning.read"><LearningSummaryPage /></Guarded>} />
            <Route path="my-plan" element={<Page><MyPlanPage /></Page>} />
            <Route path="study-plans" element={<Guarded permission="learning.read"><StudyPlansPage /></Guarded>} />
            <Route path="study-plans/:id" element={<Page><PlanPage /></Page>} />
            <Route path="plan-templates" element={<Guarded permission="learning.manage"><PlanTemplatesPage /></Guarded>} />
            <Route path="mandatory-trainings" element={<Guarded permission="learning.manage"><MandatoryTrainingsPage /></Guarded>} />
            <Route path="titles" element={<Guarded permission="recognition.read"><TitlesPage /></Guarded>} />
            <Route path="titles/registrations/:id" element={<Page><TitleRegistrationPage /></Page>} />
            <Route path="my-titles" element={<Page><MyTitlesPage /></Page>} />
            <Route path="titles/decisions" element={<Guarded permission="recognition.read"><TitleDecisionsPage /></Guarded>} />
            <Route path="titles/decisions/:id" element={<Guarded permission="recognition.read"><TitleDecisionPage /></Guarded>} />
            <Route path="criteria-sets" element={<Page><CriteriaSetsPage /></Page>} />
            <Route path="criteria-sets/:id" element={<Page><CriteriaSetPage /></Page>} />
            <Route path="index.html" element={<Navigate to="/" replace />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Route>
    </Routes>
  );
}
