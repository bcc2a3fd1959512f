/**
 * Who may do what on a title case, on top of policy.ts (the one place that answers "may this user
 * do this action on this organisation"):
 * - reading needs recognition.read on the case's organisation, or being the person whose case it is;
 * - registering and assessing need recognition.manage there, or being the person (Công dân học tập);
 * - reviewing needs recognition.review there; for an organisation's own case (Đơn vị học tập, Cộng
 *   đồng học tập) on the organisation's PARENT, so a unit never reviews itself; a person never
 *   reviews their own case;
 * - decisions and revoking need recognition.decide on the decision's organisation, and every case
 *   on a decision lies inside it.
 * A case the actor may not read answers 404, so its existence does not leak.
 */
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, can, type Actor } from '../../platform/policy.js';
import type { CaseRole } from './workflow.js';

export interface CaseScope {
  subjectKind: string;
  /** The path of the case's organisation (for an organisation subject: the subject itself). */
  orgPath: string;
  /** The account of the person whose case it is (Công dân học tập), if any. */
  ownerUserId: string | null;
}

export const caseNotFound = () => notFound({ vi: 'Không tìm thấy hồ sơ đăng ký danh hiệu.', en: 'Title case not found.' });

/** The parent's path of an organisation's path ('/a/b/' → '/a/'); a root's parent is '/' (the deployment). */
export function parentPath(orgPath: string): string {
  const parts = orgPath.split('/').filter(Boolean);
  return parts.length <= 1 ? '/' : `/${parts.slice(0, -1).join('/')}/`;
}

/** Where reviewing a case is decided: the level above an organisation subject, the case's unit otherwise. */
export const reviewPath = (c: CaseScope) => (c.subjectKind === 'org' ? parentPath(c.orgPath) : c.orgPath);

const isOwner = (actor: Actor, c: CaseScope) => c.subjectKind === 'person' && c.ownerUserId !== null && c.ownerUserId === actor.userId;

export function canReadCase(actor: Actor, c: CaseScope): boolean {
  return isOwner(actor, c) || can(actor, 'recognition.read', c.orgPath);
}

/** Throws 404 unless the actor may read the case. */
export function authorizeCaseRead(actor: Actor, c: CaseScope): void {
  if (!canReadCase(actor, c)) throw caseNotFound();
}

/** The actor's roles on a case (the workflow decides what each may do). */
export function rolesOn(actor: Actor, c: CaseScope): CaseRole[] {
  const roles: CaseRole[] = [];
  const owner = isOwner(actor, c);
  if (owner) roles.push('owner');
  if (can(actor, 'recognition.manage', c.orgPath)) roles.push('manager');
  if (!owner && can(actor, 'recognition.review', reviewPath(c))) roles.push('reviewer');
  if (can(actor, 'recognition.decide', c.orgPath)) roles.push('decider');
  return roles;
}

/** Registering or assessing: a manager of the case's unit, or the person for their own Công dân học tập. */
export function authorizeCaseManage(actor: Actor, c: CaseScope): void {
  authorizeCaseRead(actor, c);
  if (isOwner(actor, c)) return;
  authorize(actor, 'recognition.manage', c.orgPath);
}

/** Reviewing: from the level above for an organisation, never by the person themself. */
export function authorizeCaseReview(actor: Actor, c: CaseScope): void {
  authorizeCaseRead(actor, c);
  if (isOwner(actor, c)) {
    throw new AppError(403, 'OWN_CASE', { vi: 'Bạn không được tự thẩm định hồ sơ của chính mình.', en: 'You may not review your own case.' });
  }
  if (can(actor, 'recognition.review', reviewPath(c))) return;
  if (c.subjectKind === 'org' && can(actor, 'recognition.review', c.orgPath)) {
    throw new AppError(403, 'REVIEW_FROM_ABOVE', {
      vi: 'Hồ sơ của một đơn vị do cấp trên trực tiếp thẩm định, không phải chính đơn vị đó.',
      en: "A unit's own case is reviewed by the level above it, not by the unit itself.",
    });
  }
  authorize(actor, 'recognition.review', reviewPath(c));
}

/** Decisions and revoking: recognition.decide on the decision's organisation (404/403 otherwise). */
export function authorizeDecide(actor: Actor, decisionOrgPath: string): void {
  authorize(actor, 'recognition.decide', decisionOrgPath);
}

/** Whether a case lies inside a decision's organisation. */
export const insideOf = (decisionOrgPath: string, caseOrgPath: string) => caseOrgPath.startsWith(decisionOrgPath);
