/**
 * The tree's writes with their audit rows: create, move and close a unit. Callers check the rules
 * and hold the tree lock (orgRepo.lockTree); single changes (org.service) and reorganisations use
 * the same functions, so a unit moved by a merge is audited like a unit moved by hand.
 */
import { nfc } from '../../../shared/vn-text.js';
import type { Executor } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { RequestContext } from '../../platform/http/context.js';
import { nameFields } from './org-rules.js';
import { orgRepo, type OrgRow } from './org.repo.js';

/** The audit's picture of an organisation. */
export const snapshot = (o: OrgRow) => ({
  name: o.name,
  kindCode: o.kindCode,
  code: o.code,
  parentId: o.parentId,
  validFrom: o.validFrom,
  validTo: o.validTo,
});

/** What the audit row of a change made by a reorganisation carries besides the change. */
export type AuditExtra = Record<string, unknown>;

export interface NewOrgRow {
  id?: string;
  name: string;
  kindCode: string;
  code?: string | null;
  validFrom?: string | null;
}

type Place = Pick<OrgRow, 'id' | 'rootId' | 'path' | 'depth'>;

export async function writeNewOrg(tx: Executor, ctx: RequestContext, input: NewOrgRow, parent: Place | null, extra: AuditExtra = {}): Promise<OrgRow> {
  const id = input.id ?? crypto.randomUUID();
  const created = await orgRepo.insert(tx, {
    id,
    rootId: parent?.rootId ?? id,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: (parent?.depth ?? -1) + 1,
    ...nameFields(input.name),
    kindCode: input.kindCode,
    code: input.code ? nfc(input.code) : null,
    validFrom: input.validFrom ?? null,
  });
  await recordAudit(tx, ctx, { action: 'create', entity: 'org', entityId: id, orgId: id, rootId: created.rootId, after: { ...snapshot(created), ...extra } });
  return created;
}

/** Moves a unit with its subtree under `parent` (optionally renaming it on the way). */
export async function writeMove(
  tx: Executor,
  ctx: RequestContext,
  unit: OrgRow,
  parent: Place,
  opts: { newName?: string | null; extra?: AuditExtra } = {},
): Promise<{ after: OrgRow; unitsMoved: number }> {
  const unitsMoved = await orgRepo.moveSubtree(tx, unit.path, `${parent.path}${unit.id}/`, parent.depth + 1 - unit.depth, parent.rootId);
  const names = opts.newName ? nameFields(opts.newName) : {};
  const after = await orgRepo.update(tx, unit.id, { parentId: parent.id, ...names });
  const renamed = opts.newName ? { before: { name: unit.name }, after: { name: after.name } } : { before: {}, after: {} };
  await recordAudit(tx, ctx, {
    action: 'move',
    entity: 'org',
    entityId: unit.id,
    orgId: unit.id,
    rootId: after.rootId,
    before: { parentId: unit.parentId, ...renamed.before },
    after: { parentId: parent.id, ...renamed.after, unitsMoved, ...opts.extra },
  });
  return { after, unitsMoved };
}

/** Closes a unit and the open units of its subtree from `validTo`. */
export async function writeClose(tx: Executor, ctx: RequestContext, unit: OrgRow, validTo: string, extra: AuditExtra = {}): Promise<{ after: OrgRow; unitsClosed: number }> {
  const closed = await orgRepo.closeSubtree(tx, unit.path, validTo);
  const after = (await orgRepo.findById(tx, unit.id))!;
  // Units that had a later end date scheduled keep it on record here (open ones had none).
  const scheduledEnds = closed.filter((u) => u.previous !== null && u.id !== unit.id);
  await recordAudit(tx, ctx, {
    action: 'close',
    entity: 'org',
    entityId: unit.id,
    orgId: unit.id,
    rootId: after.rootId,
    before: { validTo: unit.validTo, ...(scheduledEnds.length ? { scheduledEnds } : {}) },
    after: { validTo, unitsClosed: closed.length, ...extra },
  });
  return { after, unitsClosed: closed.length };
}
