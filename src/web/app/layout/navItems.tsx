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
import { BarChartOutlined, FileDoneOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../shared/i18n';

export interface NavItem {
  path: string;
  /** Shown to those who hold it somewhere; no permission: shown to everyone logged in. */
  permission?: string;
  label: MessageKey;
  icon: ReactNode;
  testId: string;
  /** Other paths that belong to this entry (detail pages). */
  aliases?: string[];
}

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
  { path: '/imports', permission: 'person.manage', label: 'nav.imports', icon: <ImportOutlined />, testId: 'nav-imports' },
  { path: '/users', permission: 'user.read', label: 'nav.users', icon: <TeamOutlined />, testId: 'nav-users' },
  { path: '/audit', permission: 'audit.read', label: 'nav.audit', icon: <AuditOutlined />, testId: 'nav-audit' },
];
