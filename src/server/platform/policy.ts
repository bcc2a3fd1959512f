import type { RoleCode } from '../../shared/roles.js';
import { forbidden, notFound } from './errors.js';

/**
 * The one place that answers "may this user do this action on this organisation".
 * A role is granted on an organisation and covers its subtree (materialised path prefix).
 * Every route reaches it through its service; nothing else decides access.
 */
export const ACTIONS = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'system.configure',
  // People: read their records; add, edit, import and move them; see citizen IDs and phone numbers.
  'person.read',
  'person.manage',
  'person.sensitive',
  // Learning (self-study plans and learning records): see them; approve, return and verify them;
  // run the cycle (open the learning year, publish templates, record trainings for many).
  // A member acts on their own plan and records through `authorizeSelfOr`.
  'learning.read',
  'learning.review',
  'learning.manage',
  // Titles (Công dân học tập … Đơn vị học tập): see registrations, assessments and recognitions;
  // register subjects and assess them (self-assessment on the subject's behalf); review the
  // assessments of the levels below (an organisation's own case is reviewed from above it, see
  // recognition.policy.ts); draft and issue recognition decisions and revoke recognitions.
  // A person registers and self-assesses for Công dân học tập through `authorizeSelfOr`.
  'recognition.read',
  'recognition.manage',
  'recognition.review',
  'recognition.decide',
  // Criteria sets of an organisation's subtree (copies with local rules); the deployment's own
  // sets (the built-in ones) need system.configure.
  'criteria.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLE_ACTIONS: Record<RoleCode, readonly Action[]> = {
  system_admin: ACTIONS,
  org_admin: [
    'org.read', 'org.manage', 'user.read', 'user.manage', 'audit.read', 'person.read', 'person.manage', 'person.sensitive',
    'learning.read', 'learning.review', 'learning.manage',
    'recognition.read', 'recognition.manage', 'recognition.review', 'recognition.decide', 'criteria.manage',
  ],
  // system.configure (deployment-wide data such as the kinds of organisation) is system_admin's alone.
  // The secretariat keeps the personnel files: it imports and edits people and sees their identifiers.
  // It also prepares the title dossiers and enters the decisions the competent person signs.
  secretariat: [
    'org.read', 'user.read', 'audit.read', 'person.read', 'person.manage', 'person.sensitive',
    'learning.read', 'learning.review', 'learning.manage',
    'recognition.read', 'recognition.manage', 'recognition.review', 'recognition.decide',
  ],
  // A unit head sees their people (masked identifiers) to approve plans and evaluate them.
  // They register their unit and its people for titles and review their members' self-assessments.
  unit_head: [
    'org.read', 'user.read', 'audit.read', 'person.read', 'learning.read', 'learning.review',
    'recognition.read', 'recognition.manage', 'recognition.review',
  ],
  member: ['org.read'],
  // The emulation council (or appraisal board) reads the dossiers and reviews them.
  council_member: ['org.read', 'person.read', 'learning.read', 'recognition.read', 'recognition.review'],
  viewer: ['org.read'],
};

/** Roles an actor holding `role` on an organisation may grant inside that subtree. */
export const GRANTABLE_BY: Record<RoleCode, readonly RoleCode[]> = {
  system_admin: ['system_admin', 'org_admin', 'secretariat', 'unit_head', 'member', 'council_member', 'viewer'],
  org_admin: ['org_admin', 'secretariat', 'unit_head', 'member', 'council_member', 'viewer'],
  secretariat: [],
  unit_head: [],
  member: [],
  council_member: [],
  viewer: [],
};

export interface Grant {
  id: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  role: RoleCode;
}

/** Who is acting: the logged-in user and their grants, loaded once per request. */
export interface Actor {
  userId: string;
  grants: Grant[];
}

const covers = (grantPath: string, orgPath: string) => orgPath.startsWith(grantPath);

/** A system administrator's grant covers every organisation of the deployment, every root included. */
const grantPath = (g: Grant) => (g.role === 'system_admin' ? '/' : g.orgPath);

export function can(actor: Actor, action: Action, orgPath: string): boolean {
  return actor.grants.some((g) => covers(grantPath(g), orgPath) && ROLE_ACTIONS[g.role].includes(action));
}

/**
 * The subtree roots (paths) on which the actor may do `action`, without nested duplicates.
 * Queries filter with `path LIKE p || '%'` for each.
 */
export function scopePaths(actor: Actor, action: Action): string[] {
  const paths = actor.grants.filter((g) => ROLE_ACTIONS[g.role].includes(action)).map(grantPath);
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  return sorted.filter((p, i) => !sorted.slice(0, i).some((q) => covers(q, p)));
}

/** Actions the actor has somewhere (for menus). */
export function permissionsOf(actor: Actor): Action[] {
  return ACTIONS.filter((a) => actor.grants.some((g) => ROLE_ACTIONS[g.role].includes(a)));
}

export function canGrant(actor: Actor, role: RoleCode, orgPath: string): boolean {
  return actor.grants.some((g) => covers(grantPath(g), orgPath) && GRANTABLE_BY[g.role].includes(role));
}

/**
 * Throws unless the actor may do `action` on the organisation. An organisation the actor cannot
 * even read answers 404, so its existence does not leak; a visible one answers 403.
 */
export function authorize(actor: Actor, action: Action, orgPath: string): void {
  if (can(actor, action, orgPath)) return;
  if (action !== 'org.read' && can(actor, 'org.read', orgPath)) throw forbidden();
  throw notFound();
}

/**
 * Whether the actor may manage an account (edit, disable, reset its password, change its roles):
 * `user.manage` on its home organisation, and the right to grant every role the account holds.
 * So an organisation administrator cannot take over a system administrator who lives in their unit.
 */
export function canManageAccount(actor: Actor, homeOrgPath: string, accountGrants: { role: RoleCode; orgPath: string }[]): boolean {
  return can(actor, 'user.manage', homeOrgPath) && accountGrants.every((g) => canGrant(actor, g.role, g.orgPath));
}

/**
 * A member's own records (their plan, their learning records): the owner acts on them whatever
 * their roles; anyone else needs `action` on the record's organisation (404 when it is invisible).
 * Answers whether the actor is the owner.
 */
export function authorizeSelfOr(actor: Actor, ownerUserId: string | null, action: Action, orgPath: string): 'owner' | 'other' {
  if (ownerUserId !== null && ownerUserId === actor.userId) return 'owner';
  authorize(actor, action, orgPath);
  return 'other';
}

/** Deployment-wide settings: only a grant that covers every root (a system administrator's). */
export function authorizeSystem(actor: Actor): void {
  if (!can(actor, 'system.configure', '/')) throw forbidden();
}

export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'system_admin');
}
