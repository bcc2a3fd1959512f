/** Shapes of the hoctap API v1 (docs/api.md): what the server's services return and the web app reads. */

export interface Bilingual {
  vi: string;
  en: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OrgRef {
  id: string;
  name: string;
}

export interface Grant {
  id: string;
  orgId: string;
  orgName: string;
  role: string;
}

export type Permission = 'org.read' | 'org.manage' | 'user.read' | 'user.manage' | 'audit.read' | 'system.configure';

export interface Me {
  id: string;
  login: string;
  displayName: string;
  mustChangePassword: boolean;
  homeOrg: OrgRef | null;
  grants: Grant[];
  permissions: string[];
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export interface PasswordPolicy {
  minLength: number;
  rules: Bilingual[];
}

export interface OrgKind {
  code: string;
  nameVi: string;
  nameEn: string;
  canBeRoot: boolean;
  parentKinds: string[];
  /** Position in the list (the server's order). */
  sortOrder: number;
}

export interface OrgSummary {
  id: string;
  parentId: string | null;
  name: string;
  kindCode: string;
  code: string | null;
  validFrom: string | null;
  validTo: string | null;
  childCount: number;
  closed: boolean;
}

export interface OrgSearchHit extends OrgSummary {
  pathNames: string[];
}

export interface OrgDetail {
  org: OrgSummary;
  ancestors: OrgRef[];
  can: { manage: boolean; manageUsers: boolean };
}

export interface Role {
  code: string;
  nameVi: string;
  nameEn: string;
  descriptionVi: string;
  descriptionEn: string;
  grantable: boolean;
}

export interface UserSummary {
  id: string;
  login: string;
  displayName: string;
  homeOrg: OrgRef | null;
  disabled: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  grants: Grant[];
}

export interface AuditEntry {
  id: string | number;
  at: string;
  userId: string | null;
  userName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The unit or account the row is about, by name (null for other entities). */
  entityName: string | null;
  orgId: string | null;
  orgName: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface Job {
  id: string;
  kind: string;
  state: JobState;
  progress: number;
  message: Bilingual | null;
  result: { fileId?: string; fileName?: string } | null;
  error: Bilingual | null;
  createdAt: string;
  finishedAt: string | null;
}
