/**
 * The organisation side of the Excel import of units: resolving each row's kind and parent (an
 * existing unit of the target's subtree or a unit created earlier in the file), and creating the
 * units in the import's transaction under the tree lock.
 */
import { randomUUID } from 'node:crypto';
import { searchKey } from '../../../shared/vn-text.js';
import type { Db, Tx } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { OrgImportRecord, ParsedRow, RowIssue } from '../dataImport/rows.js';
import { isOpenOn, kindRuleError, nameFields, type KindRule } from './org-rules.js';
import { snapshot, writeNewOrg } from './org-writes.js';
import { orgRepo, type OrgRow } from './org.repo.js';
import { todayInVietnam } from '../../platform/time.js';

const key = (s: string) => searchKey(s).replace(/[^a-z0-9]+/g, ' ').trim();

/** A kind named by its code, its full name, or one part of it ("Phòng", "Thôn", "Ấp", "Khoa"). */
function kindMatcher(kinds: KindRule[]) {
  const byKey = new Map<string, string>();
  for (const k of kinds) {
    byKey.set(key(k.code), k.code);
    byKey.set(key(k.nameVi), k.code);
    for (const part of k.nameVi.split(/[,(]/)) if (key(part) && !byKey.has(key(part))) byKey.set(key(part), k.code);
  }
  return (text: string) => byKey.get(key(text)) ?? null;
}

const cellIssue = (row: ParsedRow, field: string, code: string, vi: string, en: string): RowIssue => {
  const col = row.columns[field];
  return { column: col?.letter ?? null, header: col?.header ?? null, value: col?.raw ?? null, severity: 'error', code, message: { vi, en } };
};

export async function createOrgImportResolver(db: Db, target: OrgRow) {
  const day = todayInVietnam();
  const kinds = await orgRepo.kinds(db);
  const kindOf = kindMatcher(kinds);
  const units = (await orgRepo.subtree(db, target.path)).filter((u) => isOpenOn(u, day));
  /** Units by name: existing ones, then the file's own as rows are read. */
  const byName = new Map<string, { id: string; kindCode: string }[]>();
  const add = (name: string, unit: { id: string; kindCode: string }) => byName.set(key(name), [...(byName.get(key(name)) ?? []), unit]);
  for (const u of units) add(u.name, u);
  const children = new Map<string, Map<string, string>>();
  for (const u of units) if (u.parentId) children.set(u.parentId, (children.get(u.parentId) ?? new Map()).set(key(u.name), u.id));

  return {
    async resolve(rows: ParsedRow[], _seen: Map<string, number>, duplicates: 'update' | 'skip') {
      for (const row of rows) resolveRow(row, duplicates);
    },
  };

  function resolveRow(row: ParsedRow, duplicates: 'update' | 'skip') {
    const r = row.record as OrgImportRecord;
    if (row.action === 'error') return;
    const kindCode = r.kind ? kindOf(r.kind) : null;
    if (!kindCode) row.issues.push(cellIssue(row, 'kind', 'UNKNOWN_KIND', `Không nhận ra loại đơn vị "${r.kind}"`, `Unknown kind of unit "${r.kind}"`));
    let parent: { id: string; kindCode: string } | undefined = { id: target.id, kindCode: target.kindCode };
    if (r.parent && key(r.parent) !== key(target.name)) {
      const found = byName.get(key(r.parent)) ?? [];
      parent = found.length === 1 ? found[0] : undefined;
      if (found.length === 0) row.issues.push(cellIssue(row, 'parent', 'UNKNOWN_PARENT', `Không tìm thấy đơn vị cấp trên "${r.parent}" trong ${target.name} hay ở các dòng trên`, `Parent "${r.parent}" is neither in ${target.name} nor on an earlier row`));
      if (found.length > 1) row.issues.push(cellIssue(row, 'parent', 'AMBIGUOUS_PARENT', `Có nhiều đơn vị tên "${r.parent}"`, `Several units are named "${r.parent}"`));
    }
    if (kindCode && parent) {
      const problem = kindRuleError(kinds, kindCode, parent.kindCode, 'kind');
      if (problem) row.issues.push(cellIssue(row, 'kind', problem.code, problem.messages.vi, problem.messages.en));
    }
    if (row.issues.some((i) => i.severity === 'error') || !kindCode || !parent) {
      row.action = 'error';
      return;
    }
    const siblings = children.get(parent.id) ?? new Map<string, string>();
    const existingId = siblings.get(key(r.name)) ?? null;
    Object.assign(r, { kindCode, parentId: parent.id, existingId });
    if (existingId) {
      if (!units.some((u) => u.id === existingId)) {
        row.issues.push(cellIssue(row, 'name', 'DUPLICATE_IN_FILE', `Đơn vị "${r.name}" đã có ở một dòng trên, cùng cấp trên`, `"${r.name}" already appears on an earlier row under the same parent`));
        row.action = 'error';
        return;
      }
      row.action = duplicates;
      return;
    }
    r.id = randomUUID();
    add(r.name, { id: r.id, kindCode });
    children.set(parent.id, siblings.set(key(r.name), r.id));
    row.action = 'create';
  }
}

/** Creates the new units (in file order, parents first) and updates the codes of existing ones. */
export async function importOrgBatch(tx: Tx, ctx: RequestContext, records: OrgImportRecord[]) {
  await orgRepo.lockTree(tx);
  const counts = { create: 0, update: 0, skip: 0 };
  for (const r of records) {
    if (r.existingId) {
      const before = (await orgRepo.findById(tx, r.existingId))!;
      if (r.code && r.code !== before.code) {
        const after = await orgRepo.update(tx, before.id, { code: r.code });
        await recordAudit(tx, ctx, { action: 'import_update', entity: 'org', entityId: before.id, orgId: before.id, rootId: before.rootId, before: snapshot(before), after: snapshot(after) });
      }
      counts.update += 1;
      continue;
    }
    const parent = (await orgRepo.findById(tx, r.parentId!))!;
    await writeNewOrg(tx, ctx, { id: r.id, name: nameFields(r.name).name, kindCode: r.kindCode!, code: r.code }, parent, { imported: true });
    counts.create += 1;
  }
  return counts;
}
