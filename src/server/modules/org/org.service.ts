import { eq, inArray, isNull, or } from 'drizzle-orm';
import { nfc, searchKey } from '../../../shared/vn-text.js';
import type { OrgSummary, Page } from '../../../shared/api-types.js';
import type { Db, Executor, Tx } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, conflict, forbidden, ruleBroken } from '../../platform/errors.js';
import { requireActor, type RequestContext } from '../../platform/http/context.js';
import { authorize, authorizeSystem, can, isSystemAdmin, scopePaths, type Action, type Actor } from '../../platform/policy.js';
import { todayInVietnam } from '../../platform/time.js';
import { org } from './org.table.js';
import builtInKinds from './org-kinds.json' with { type: 'json' };
import { orgRepo, type OrgRow, type OrgSummaryRow } from './org.repo.js';
import { createOrgImportResolver, importOrgBatch } from './org.import.js';
import { isClosed, kindRuleError, nameFields, orgNotFound, parentPathOf } from './org-rules.js';
import { snapshot, writeClose, writeMove, writeNewOrg } from './org-writes.js';
import { createReorganisationOps } from './reorganisation.service.js';


export type { OrgSummary, Page };

export interface NewOrg {
  parentId: string | null;
  name: string;
  kindCode: string;
  code?: string | null;
  validFrom?: string | null;
}


/** An organisation as `viewer` sees it: a parent the viewer cannot see is not named, not even by id. */
function present(row: OrgSummaryRow, day: string, viewer: Actor): OrgSummary {
  return {
    id: row.id,
    parentId: row.parentId && can(viewer, 'org.read', parentPathOf(row.path)) ? row.parentId : null,
    name: row.name,
    kindCode: row.kindCode,
    code: row.code,
    validFrom: row.validFrom,
    validTo: row.validTo,
    childCount: row.childCount,
    closed: isClosed(row.validTo, day),
  };
}


const pageOf = (page: number, pageSize: number) => ({ limit: pageSize, offset: (page - 1) * pageSize });

export function createOrgService(db: Db) {
  /** Loads an organisation the actor may act on, or throws 404/403 (see policy.authorize). */
  async function loadAuthorized(tx: Executor, actor: Actor, id: string, action: Action) {
    const row = await orgRepo.findById(tx, id);
    if (!row) throw orgNotFound();
    authorize(actor, action, row.path);
    return row;
  }

  async function checkKindUnderParent(tx: Executor, kindCode: string, parent: OrgRow | null, field = 'kindCode') {
    const kinds = await orgRepo.kinds(tx);
    const problem = kindRuleError(kinds, kindCode, parent?.kindCode ?? null, field);
    if (problem) throw problem;
    return kinds.find((k) => k.code === kindCode)!;
  }

  async function checkUniqueName(tx: Executor, parentId: string | null, nameSearch: string, exceptId?: string) {
    if (await orgRepo.siblingWithName(tx, parentId, nameSearch, exceptId)) {
      throw conflict('ORG_NAME_TAKEN', 'Đã có đơn vị cùng tên trong cùng cấp.', 'A unit with this name already exists at this level.', 'name');
    }
  }

  async function insertOrg(tx: Executor, ctx: RequestContext, input: NewOrg, parent: OrgRow | null) {
    await checkKindUnderParent(tx, input.kindCode, parent);
    await checkUniqueName(tx, parent?.id ?? null, nameFields(input.name).nameSearch);
    const created = await writeNewOrg(tx, ctx, input, parent);
    return summaryOf(tx, created.id, requireActor(ctx));
  }

  async function summaryOf(tx: Executor, id: string, viewer: Actor) {
    const day = todayInVietnam();
    return present((await orgRepo.summary(tx, id, day))!, day, viewer);
  }

  return {
    /** Loads org-kinds.json into the table, keeping what administrators changed. */
    async loadBuiltInKinds(): Promise<void> {
      await orgRepo.upsertMissingKinds(
        db,
        builtInKinds.kinds.map((k, i) => ({ ...k, sortOrder: i })),
      );
    },

    listKinds() {
      return orgRepo.kinds(db);
    },

    /**
     * Creates or changes a kind of organisation (system administrators). Allowed parents apply to
     * units created or moved from now on; existing units stay where they are.
     */
    async saveKind(ctx: RequestContext, code: string, input: { nameVi: string; nameEn: string; canBeRoot: boolean; parentKinds: string[]; mergeGroup?: string | null }) {
      authorizeSystem(requireActor(ctx));
      return db.transaction(async (tx) => {
        await orgRepo.lockTree(tx);
        const kinds = await orgRepo.kinds(tx);
        const unknown = input.parentKinds.filter((k) => k !== code && !kinds.some((x) => x.code === k));
        if (unknown.length) {
          throw new AppError(400, 'INVALID_INPUT', { vi: `Loại cấp trên không tồn tại: ${unknown.join(', ')}.`, en: `Unknown parent kinds: ${unknown.join(', ')}.` }, 'parentKinds');
        }
        const before = kinds.find((k) => k.code === code);
        const saved = await orgRepo.saveKind(tx, {
          code,
          nameVi: nfc(input.nameVi),
          nameEn: nfc(input.nameEn),
          canBeRoot: input.canBeRoot,
          parentKinds: [...new Set(input.parentKinds)],
          mergeGroup: input.mergeGroup || null,
          sortOrder: before?.sortOrder ?? kinds.length,
        });
        await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entity: 'org_kind', entityId: code, before: before ?? null, after: saved });
        return saved;
      });
    },

    async listChildren(ctx: RequestContext, q: { parentId?: string; includeClosed: boolean; page: number; pageSize: number }): Promise<Page<OrgSummary>> {
      const actor = requireActor(ctx);
      const day = todayInVietnam();
      let where;
      if (q.parentId) {
        await loadAuthorized(db, actor, q.parentId, 'org.read');
        where = eq(org.parentId, q.parentId);
      } else {
        const tops = scopePaths(actor, 'org.read');
        if (tops.length === 0) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
        // '/' (a system administrator) means every root.
        const paths = tops.filter((p) => p !== '/');
        where = or(paths.length ? inArray(org.path, paths) : undefined, tops.includes('/') ? isNull(org.parentId) : undefined)!;
      }
      const { items, total } = await orgRepo.children(db, where, { includeClosed: q.includeClosed, day, ...pageOf(q.page, q.pageSize) });
      return { items: items.map((r) => present(r, day, actor)), total, page: q.page, pageSize: q.pageSize };
    },

    async search(ctx: RequestContext, q: { q: string; includeClosed: boolean; page: number; pageSize: number }) {
      const actor = requireActor(ctx);
      const day = todayInVietnam();
      const scope = scopePaths(actor, 'org.read');
      const { items, total } = await orgRepo.search(db, searchKey(q.q), scope, { includeClosed: q.includeClosed, day, ...pageOf(q.page, q.pageSize) });
      const ancestorIds = [...new Set(items.flatMap((r) => r.path.split('/').filter(Boolean)))];
      const names = new Map((await orgRepo.findByIds(db, ancestorIds)).map((o) => [o.id, o]));
      return {
        items: items.map((r) => ({
          ...present(r, day, actor),
          pathNames: r.path
            .split('/')
            .filter(Boolean)
            .map((id) => names.get(id)!)
            .filter((o) => can(actor, 'org.read', o.path))
            .map((o) => o.name),
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const row = await loadAuthorized(db, actor, id, 'org.read');
      const ancestorIds = row.path.split('/').filter((x) => x && x !== id);
      const ancestors = (await orgRepo.findByIds(db, ancestorIds))
        .filter((o) => can(actor, 'org.read', o.path))
        .sort((a, b) => a.depth - b.depth)
        .map((o) => ({ id: o.id, name: o.name }));
      return {
        org: await summaryOf(db, id, actor),
        ancestors,
        can: { manage: can(actor, 'org.manage', row.path), manageUsers: can(actor, 'user.manage', row.path) },
      };
    },

    async create(ctx: RequestContext, input: NewOrg) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await orgRepo.lockTree(tx);
        const parent = input.parentId ? await loadAuthorized(tx, actor, input.parentId, 'org.manage') : null;
        if (!parent && !isSystemAdmin(actor)) throw forbidden();
        return insertOrg(tx, ctx, input, parent);
      });
    },

    /** First-run setup: the root organisation, inside the setup transaction (no actor yet). */
    async createRootInSetup(tx: Tx, ctx: RequestContext, input: Omit<NewOrg, 'parentId'>) {
      await orgRepo.lockTree(tx);
      return insertOrg(tx, ctx, { ...input, parentId: null }, null);
    },


    async update(ctx: RequestContext, id: string, input: { name?: string; kindCode?: string; code?: string | null }) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await orgRepo.lockTree(tx);
        const before = await loadAuthorized(tx, actor, id, 'org.manage');
        const patch: Partial<typeof org.$inferInsert> = {};
        if (input.name !== undefined) {
          Object.assign(patch, nameFields(input.name));
          await checkUniqueName(tx, before.parentId, patch.nameSearch!, id);
        }
        if (input.kindCode !== undefined && input.kindCode !== before.kindCode) {
          const parent = before.parentId ? (await orgRepo.findById(tx, before.parentId))! : null;
          const kind = await checkKindUnderParent(tx, input.kindCode, parent);
          const kinds = await orgRepo.kinds(tx);
          for (const childKind of await orgRepo.childKinds(tx, id)) {
            if (!kinds.find((k) => k.code === childKind)?.parentKinds.includes(kind.code)) {
              throw ruleBroken(
                'KIND_CONFLICTS_WITH_CHILDREN',
                'Không thể đổi loại: có đơn vị trực thuộc không được phép nằm dưới loại mới.',
                'Cannot change the kind: some units below are not allowed under the new kind.',
                'kindCode',
              );
            }
          }
          patch.kindCode = input.kindCode;
        }
        if (input.code !== undefined) patch.code = input.code ? nfc(input.code) : null;
        const after = await orgRepo.update(tx, id, patch);
        await recordAudit(tx, ctx, { action: 'update', entity: 'org', entityId: id, orgId: id, rootId: after.rootId, before: snapshot(before), after: snapshot(after) });
        return summaryOf(tx, id, requireActor(ctx));
      });
    },

    async move(ctx: RequestContext, id: string, newParentId: string) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await orgRepo.lockTree(tx);
        const before = await loadAuthorized(tx, actor, id, 'org.manage');
        if (!before.parentId) {
          throw ruleBroken('ROOT_CANNOT_MOVE', 'Không thể chuyển tổ chức gốc.', 'A root organisation cannot be moved.', 'newParentId');
        }
        const parent = await loadAuthorized(tx, actor, newParentId, 'org.manage');
        if (parent.path.startsWith(before.path)) {
          throw ruleBroken('MOVE_INTO_OWN_SUBTREE', 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.', 'A unit cannot be moved under itself or its own subunits.', 'newParentId');
        }
        await checkKindUnderParent(tx, before.kindCode, parent, 'newParentId');
        await checkUniqueName(tx, parent.id, before.nameSearch, id);
        await writeMove(tx, ctx, before, parent);
        return summaryOf(tx, id, requireActor(ctx));
      });
    },

    async close(ctx: RequestContext, id: string, validTo: string) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await orgRepo.lockTree(tx);
        const before = await loadAuthorized(tx, actor, id, 'org.manage');
        if (before.validFrom && validTo < before.validFrom) {
          throw ruleBroken('CLOSE_BEFORE_START', 'Ngày kết thúc phải sau ngày bắt đầu hoạt động.', 'The end date must be after the start date.', 'validTo');
        }
        await writeClose(tx, ctx, before, validTo);
        return summaryOf(tx, id, requireActor(ctx));
      });
    },

    async reopen(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await orgRepo.lockTree(tx);
        const before = await loadAuthorized(tx, actor, id, 'org.manage');
        if (before.parentId) {
          const parent = (await orgRepo.findById(tx, before.parentId))!;
          if (isClosed(parent.validTo, todayInVietnam())) {
            throw ruleBroken('PARENT_CLOSED', 'Đơn vị cấp trên đã ngừng hoạt động; hãy mở lại đơn vị cấp trên trước.', 'The parent unit is closed; reopen it first.');
          }
        }
        // Units closed together with this one (same date) come back with it; those closed earlier stay closed.
        const reopened = before.validTo ? await orgRepo.reopenSubtree(tx, before.path, before.validTo) : 0;
        const after = (await orgRepo.findById(tx, id))!;
        await recordAudit(tx, ctx, { action: 'reopen', entity: 'org', entityId: id, orgId: id, rootId: after.rootId, before: { validTo: before.validTo }, after: { validTo: null, unitsReopened: reopened } });
        return summaryOf(tx, id, requireActor(ctx));
      });
    },

    /** For the Excel import of units: resolves rows within the target's subtree (org.manage there). */
    async importResolver(actor: Actor, targetOrgId: string) {
      return createOrgImportResolver(db, await loadAuthorized(db, actor, targetOrgId, 'org.manage'));
    },

    /** For the Excel import of units: creates them in the import's transaction. */
    importBatch: importOrgBatch,

    /** For other modules: an organisation the actor may act on (404/403 otherwise). */
    requireAccess: loadAuthorized,

    findByIds(tx: Executor, ids: string[]) {
      return orgRepo.findByIds(tx, ids);
    },

    countAll() {
      return orgRepo.countAll(db);
    },

    ...createReorganisationOps(db),
  };
}

export type OrgService = ReturnType<typeof createOrgService>;
