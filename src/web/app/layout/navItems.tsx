import type { ReactNode } from 'react';
import { ApartmentOutlined, AuditOutlined, ClusterOutlined, TeamOutlined } from '@ant-design/icons';
import type { MessageKey } from '../../../shared/i18n';

export interface NavItem {
  path: string;
  permission: string;
  label: MessageKey;
  icon: ReactNode;
  testId: string;
}

/** Left menu entries, each shown when the user holds its permission somewhere. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/orgs', permission: 'org.read', label: 'nav.orgs', icon: <ApartmentOutlined />, testId: 'nav-orgs' },
  {
    path: '/org-kinds',
    permission: 'system.configure',
    label: 'nav.orgKinds',
    icon: <ClusterOutlined />,
    testId: 'nav-org-kinds',
  },
  { path: '/users', permission: 'user.read', label: 'nav.users', icon: <TeamOutlined />, testId: 'nav-users' },
  { path: '/audit', permission: 'audit.read', label: 'nav.audit', icon: <AuditOutlined />, testId: 'nav-audit' },
];
