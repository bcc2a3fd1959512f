import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  NodeIndexOutlined,
  ReadOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { BarChartOutlined, FileDoneOutlined, ProfileOutlined, SafetyCertificateOutlined, ScheduleOutlined } from '@ant-design/icons';
import { FileProtectOutlined, StarOutlined, TrophyOutlined } from '@ant-design/icons';
import { OrderedListOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../shared/i18n';

export interface NavItem {
  path: string;
  /** Shown to those who hold it (or one of them) somewhere; no permission: shown to everyone logged in. */
  permission?: string | readonly string[];
  label: MessageKey;
  icon: ReactNode;
  testId: string;
  /** Other paths that belong to this entry (detail pages). */
  aliases?: string[];
}

/**
 * Who opens the Excel imports: people (person.manage), units (org.manage), a training's attendance
 * list (learning.manage), a registration list for a title (recognition.manage); the wizard offers
 * the kinds the user may import.
 */
export const IMPORT_PERMISSIONS = ['person.manage', 'org.manage', 'learning.manage', 'recognition.manage'] as const;

/** Left menu entries, each shown when the user holds its permission somewhere. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/my-plan', label: 'nav.myPlan', icon: <ReadOutlined />, testId: 'nav-my-plan' },
  {
    path: '/study-plans',
    permission: 'learning.read',
    label: 'nav.studyPlans',
    icon: <CheckSquareOutlined />,
    testId: 'nav-study-plans',
  },
  { path: '/my-learning', label: 'nav.myLearning', icon: <FileDoneOutlined />, testId: 'nav-my-learning' },
  { path: '/learning-records', permission: 'learning.read', label: 'nav.learningRecords', icon: <SafetyCertificateOutlined />, testId: 'nav-learning-records' },
  { path: '/learning-summary', permission: 'learning.read', label: 'nav.learningSummary', icon: <BarChartOutlined />, testId: 'nav-learning-summary' },
  { path: '/plan-templates', permission: 'learning.manage', label: 'nav.planTemplates', icon: <ProfileOutlined />, testId: 'nav-plan-templates' },
  { path: '/mandatory-trainings', permission: 'learning.manage', label: 'nav.mandatoryTrainings', icon: <ScheduleOutlined />, testId: 'nav-mandatory-trainings' },
  { path: '/my-titles', label: 'nav.myTitles', icon: <StarOutlined />, testId: 'nav-my-titles' },
  { path: '/titles', permission: 'recognition.read', label: 'nav.titles', icon: <TrophyOutlined />, testId: 'nav-titles', aliases: ['/titles/registrations'] },
  { path: '/titles/decisions', permission: 'recognition.read', label: 'nav.titleDecisions', icon: <FileProtectOutlined />, testId: 'nav-title-decisions' },
  {
    path: '/criteria-sets',
    permission: ['recognition.read', 'criteria.manage', 'system.configure'],
    label: 'nav.criteriaSets',
    icon: <OrderedListOutlined />,
    testId: 'nav-criteria-sets',
  },
  { path: '/orgs', permission: 'org.read', label: 'nav.orgs', icon: <ApartmentOutlined />, testId: 'nav-orgs' },
  {
    path: '/reorganisations',
    permission: 'org.manage',
    label: 'nav.reorganisations',
    icon: <NodeIndexOutlined />,
    testId: 'nav-reorganisations',
  },
  {
    path: '/org-kinds',
    permission: 'system.configure',
    label: 'nav.orgKinds',
    icon: <ClusterOutlined />,
    testId: 'nav-org-kinds',
  },
  { path: '/people', permission: 'person.read', label: 'nav.people', icon: <IdcardOutlined />, testId: 'nav-people' },
  {
    path: '/households',
    permission: 'person.read',
    label: 'nav.households',
    icon: <HomeOutlined />,
    testId: 'nav-households',
    aliases: ['/clans'],
  },
  { path: '/imports', permission: IMPORT_PERMISSIONS, label: 'nav.imports', icon: <ImportOutlined />, testId: 'nav-imports' },
  { path: '/users', permission: 'user.read', label: 'nav.users', icon: <TeamOutlined />, testId: 'nav-users' },
  { path: '/audit', permission: 'audit.read', label: 'nav.audit', icon: <AuditOutlined />, testId: 'nav-audit' },
];
