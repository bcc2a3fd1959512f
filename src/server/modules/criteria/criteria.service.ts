/**
 * Criteria sets (bộ tiêu chí) as versioned data: the built-in sets loaded from criteria/sets at
 * start, copies an organisation makes with local rules, drafts validated on save, publishing with
 * an effective date (a published version never changes, so past evaluations keep theirs), export and
 * import as a JSON file, the diff between two versions, and which version is in force for a
 * subject on a day. Also the yearly calendar of dossier and decision dates (calendar.ts).
 *
 * Reading is open to every logged-in user for the sets that concern them (the deployment's, those of
 * organisations above or inside theirs): they are public rules. Writing needs criteria.manage on the
 * set's organisation, or system.configure for a set of the deployment. Every change is audited in
 * its transaction.
 */
import type { CriteriaSetDocument, LearningTitle } from '../../../shared/criteria.js';
import { searchKey } from '../../../shared/vn-text.js';
import type { Db, Executor, Tx } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError, conflict, forbidden, notFound, ruleBroken } from '../../platform/errors.js';
import { authorOf, requireActor, systemContext, type RequestContext } from '../../platform/http/context.js';
import { authorizeSystem, can, scopePaths, type Actor } from '../../platform/policy.js';
import type { OrgService } from '../org/org.service.js';
import { CALENDAR_DEFAULTS, CALENDAR_SOURCE, dateFor, resolveCalendar } from './calendar.js';
import { criteriaRepo, type CriteriaSetRow, type CriteriaVersionRow, type SetWithOrg, type VersionMeta } from './criteria.repo.js';
import { checksumOf, validateDocument, type CalendarDateInput, type CopyInput, type EffectiveQuery, type PublishInput } from './criteria.schemas.js';
import { diffDocuments } from './diff.js';

/** The note of a version published from a built-in file (how seeding tells its versions apart). */
export const BUILTIN_NOTE = 'Nạp từ tệp bộ tiêu chí có sẵn (criteria/sets)';

/** The wrapper of an exported file; import also accepts a bare document. */
export const EXPORT_FORMAT = 'hoctap.criteria-set';

const setNotFound = () => notFound({ vi: 'Không tìm thấy bộ tiêu chí.', en: 'Criteria set not found.' });
const versionNotFound = () => notFound({ vi: 'Không tìm thấy phiên bản bộ tiêu chí.', en: 'Criteria set version not found.' });

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether part of the document is not known yet ("Cần quản trị viên bổ sung"). */
export const isIncomplete = (doc: CriteriaSetDocument) =>
  doc.source.status === 'partial' || doc.criteria.some((c) => c.indicators.some((i) => i.incomplete === true));

const sentence = (text: string) => text.replace(/\.$/, '');

/** A document that failed validation, as a 400 naming the first path (every issue in `issues`). */
function invalidDocument(issues: { path: string; message: { vi: string; en: string } }[]): AppError {
  const first = issues[0];
  const more = issues.length > 1 ? { vi: ` (và ${issues.length - 1} lỗi khác)`, en: ` (and ${issues.length - 1} more)` } : { vi: '', en: '' };
  return new AppError(
    400,
    'INVALID_CRITERIA_SET',
    { vi: `Bộ tiêu chí chưa hợp lệ (${first.path}): ${sentence(first.message.vi)}${more.vi}.`, en: `The criteria set is not valid (${first.path}): ${sentence(first.message.en)}${more.en}.` },
    first.path,
    { issues },
  );
}

function parseDocument(input: unknown): CriteriaSetDocument {
  const checked = validateDocument(input);
  if (!checked.ok) throw invalidDocument(checked.issues);
  return checked.document;
}

/** Scope filter of the effective-version lookup: a set without a level or groups fits any. */
function fitsScope(doc: CriteriaSetDocument, q: { citizenGroup?: string; level?: string }): boolean {
  if (q.level && doc.scope.level && doc.scope.level !== q.level) return false;
  if (q.citizenGroup && doc.scope.citizenGroups?.length && !doc.scope.citizenGroups.includes(q.citizenGroup as never)) return false;
  return true;
}

export interface EffectiveLookup {
  title: LearningTitle | string;
  /** The day the rules must hold on ("YYYY-MM-DD"), e.g. the end of the year evaluated. */
  on: string;
  /** The subject's organisation path: its own and its ancestors' sets compete with the deployment's. */
  orgPath: string;
  citizenGroup?: string;
  level?: string;
}

export interface EffectiveVersion {
  versionId: string;
  setId: string;
  code: string;
  no: number;
  orgId: string | null;
  orgName: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  document: CriteriaSetDocument;
}

/**
 * The published versions in force for a subject on a day, the preferred first: for each set code
 * only the nearest organisation's set counts (an organisation's copy shadows the deployment's set of
 * the same code), then sets of nearer organisations come before farther ones and the deployment's.
 */
export async function effectiveVersions(tx: Executor, q: EffectiveLookup): Promise<EffectiveVersion[]> {
  const rows = await criteriaRepo.effectiveCandidates(tx, { title: q.title, on: q.on, orgPath: q.orgPath });
  const seenCodes = new Set<string>();
  const out: EffectiveVersion[] = [];
  for (const r of rows) {
    if (seenCodes.has(r.set.code)) continue;
    seenCodes.add(r.set.code);
    if (!fitsScope(r.version.document, q)) continue;
    out.push({
      versionId: r.version.id,
      setId: r.set.id,
      code: r.set.code,
      no: r.version.no,
      orgId: r.set.orgId,
      orgName: r.orgName,
      effectiveFrom: r.version.effectiveFrom,
      effectiveTo: r.version.effectiveTo,
      document: r.version.document,
    });
  }
  return out;
}

/** The one version the recognition module evaluates with, or null when none is in force. */
export async function effectiveVersion(tx: Executor, q: EffectiveLookup): Promise<EffectiveVersion | null> {
  return (await effectiveVersions(tx, q))[0] ?? null;
}

export function createCriteriaService(db: Db, deps: { orgs: OrgService }) {
  const { orgs } = deps;

  // ── access ────────────────────────────────────────────────────────────────
  /** Paths from which the actor sees sets: every grant's (all roles read organisations). */
  const visiblePaths = (actor: Actor) => scopePaths(actor, 'org.read');

  function isVisible(actor: Actor, orgPath: string | null): boolean {
    if (orgPath === null) return true;
    return visiblePaths(actor).some((p) => orgPath.startsWith(p) || p.startsWith(orgPath));
  }

  const canManageSet = (actor: Actor, orgPath: string | null) => (orgPath === null ? can(actor, 'system.configure', '/') : can(actor, 'criteria.manage', orgPath));

  async function loadSet(tx: Executor, actor: Actor, id: string): Promise<SetWithOrg> {
    const found = await criteriaRepo.findSet(tx, id);
    if (!found || !isVisible(actor, found.orgPath)) throw setNotFound();
    return found;
  }

  /** A set the actor may change: visible (404 otherwise) and theirs to manage (403 otherwise). */
  async function loadSetToManage(tx: Executor, actor: Actor, id: string): Promise<SetWithOrg> {
    const found = await loadSet(tx, actor, id);
    if (!canManageSet(actor, found.orgPath)) throw forbidden();
    return found;
  }

  async function loadVersion(tx: Executor, actor: Actor, versionId: string) {
    const found = await criteriaRepo.findVersion(tx, versionId);
    if (!found || !isVisible(actor, found.orgPath)) throw versionNotFound();
    return found;
  }

  /** Where a new set goes: an organisation the actor manages criteria of, or the deployment (system administrators). */
  async function requireTarget(tx: Executor, actor: Actor, orgId: string | null) {
    if (orgId === null) {
      authorizeSystem(actor);
      return null;
    }
    return orgs.requireAccess(tx, actor, orgId, 'criteria.manage');
  }

  // ── presenting ────────────────────────────────────────────────────────────
  const versionHeadline = (v: VersionMeta | undefined) =>
    v ? { versionId: v.id, no: v.no, state: v.state as 'draft' | 'published', effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo } : null;

  async function presentSets(tx: Executor, actor: Actor, rows: SetWithOrg[]) {
    const versions = await criteriaRepo.versionsOf(tx, rows.map((r) => r.set.id));
    const bySet = new Map<string, VersionMeta[]>();
    for (const v of versions) bySet.set(v.setId, [...(bySet.get(v.setId) ?? []), v]);
    const latestOf = (setId: string) => {
      const vs = bySet.get(setId) ?? [];
      return vs.find((v) => v.state === 'published') ?? vs[0];
    };
    const docs = new Map((await criteriaRepo.documentsOf(tx, rows.map((r) => latestOf(r.set.id)?.id).filter((x): x is string => !!x))).map((d) => [d.id, d.document]));
    return rows.map((r) => {
      const latest = latestOf(r.set.id);
      const doc = latest ? docs.get(latest.id) : undefined;
      const draft = (bySet.get(r.set.id) ?? []).find((v) => v.state === 'draft');
      return {
        id: r.set.id,
        code: r.set.code,
        orgId: r.set.orgId,
        orgName: r.orgName,
        title: r.set.title,
        name: doc?.name ?? { vi: r.set.code, en: r.set.code },
        origin: r.set.origin,
        engine: doc?.engine ?? null,
        source: doc ? { document: doc.source.document, status: doc.source.status } : null,
        scope: doc?.scope ?? null,
        latest: versionHeadline(latest),
        draftVersionId: draft?.id ?? null,
        incomplete: doc ? isIncomplete(doc) : false,
        copiedFromVersionId: r.set.copiedFromVersionId,
        canManage: canManageSet(actor, r.orgPath),
        updatedAt: r.set.updatedAt.toISOString(),
      };
    });
  }

  const presentVersion = (v: CriteriaVersionRow) => ({
    id: v.id,
    setId: v.setId,
    no: v.no,
    state: v.state as 'draft' | 'published',
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    note: v.note,
    checksum: v.checksum,
    publishedAt: v.publishedAt?.toISOString() ?? null,
    incomplete: isIncomplete(v.document),
    document: v.document,
  });

  // ── drafts and versions ───────────────────────────────────────────────────
  /** Writes `doc` as the set's draft (replacing the draft there is). */
  async function writeDraft(tx: Tx, ctx: RequestContext, set: CriteriaSetRow, doc: CriteriaSetDocument) {
    const actor = requireActor(ctx);
    if (doc.code !== set.code) throw ruleBroken('CRITERIA_CODE_MISMATCH', `Mã bộ tiêu chí phải giữ là "${set.code}".`, `The set's code must stay "${set.code}".`, 'code');
    if (doc.title !== set.title) throw ruleBroken('CRITERIA_TITLE_MISMATCH', 'Không đổi được danh hiệu của bộ tiêu chí; hãy nhập thành bộ mới.', "A set's title cannot change; import it as a new set.", 'title');
    await criteriaRepo.lockSet(tx, set.id);
    const existing = await criteriaRepo.draftOf(tx, set.id);
    const checksum = checksumOf(doc);
    const previous = existing ?? (await criteriaRepo.latestPublished(tx, set.id));
    const changes = previous ? diffDocuments(previous.document, doc).map((c) => c.path) : [];
    const saved = existing
      ? await criteriaRepo.updateVersion(tx, existing.id, { document: doc, checksum, effectiveFrom: doc.effectiveFrom })
      : await criteriaRepo.insertVersion(tx, {
          setId: set.id,
          no: (await criteriaRepo.maxNo(tx, set.id)) + 1,
          state: 'draft',
          effectiveFrom: doc.effectiveFrom,
          document: doc,
          checksum,
          createdBy: authorOf(actor),
        });
    await criteriaRepo.touchSet(tx, set.id);
    await recordAudit(tx, ctx, {
      action: existing ? 'update' : 'create',
      entity: 'criteria_set_version',
      entityId: saved.id,
      orgId: set.orgId,
      before: existing ? { state: 'draft', no: existing.no, checksum: existing.checksum } : null,
      after: { setId: set.id, code: set.code, state: 'draft', no: saved.no, checksum, changes: changes.slice(0, 200) },
    });
    return saved;
  }

  /** Gives the draft (if any) a number after `no`, so a version published before it keeps the order. */
  async function moveDraftAfter(tx: Tx, setId: string, no: number) {
    const draft = await criteriaRepo.draftOf(tx, setId);
    if (draft && draft.no <= no) await criteriaRepo.updateVersion(tx, draft.id, { no: no + 1 });
  }

  /** Ends the previous published version the day before `from` (unless it already ended earlier). */
  async function closePrevious(tx: Tx, previous: CriteriaVersionRow | undefined, from: string) {
    if (!previous) return;
    const end = dayBefore(from);
    if (previous.effectiveTo === null || previous.effectiveTo > end) await criteriaRepo.updateVersion(tx, previous.id, { effectiveTo: end });
  }

  /** A set whose only content so far is `doc` as its draft (a copy or an import). */
  async function createSetWithDraft(tx: Tx, ctx: RequestContext, values: { orgId: string | null; origin: 'copy' | 'import'; copiedFromVersionId?: string }, doc: CriteriaSetDocument) {
    const actor = requireActor(ctx);
    if (await criteriaRepo.findSetByCode(tx, values.orgId, doc.code)) {
      throw conflict('CRITERIA_SET_CODE_TAKEN', `Đã có bộ tiêu chí mã "${doc.code}" ở nơi này; hãy chọn mã khác.`, `A criteria set with the code "${doc.code}" already exists there; choose another code.`, 'code');
    }
    const set = await criteriaRepo.insertSet(tx, { code: doc.code, orgId: values.orgId, title: doc.title, origin: values.origin, copiedFromVersionId: values.copiedFromVersionId ?? null, createdBy: authorOf(actor) });
    await recordAudit(tx, ctx, { action: 'create', entity: 'criteria_set', entityId: set.id, orgId: set.orgId, after: { code: set.code, title: set.title, origin: set.origin, copiedFromVersionId: set.copiedFromVersionId } });
    const draft = await writeDraft(tx, ctx, set, doc);
    return { set, draft };
  }

  async function presentOne(tx: Executor, actor: Actor, setId: string) {
    const found = (await criteriaRepo.findSet(tx, setId))!;
    return (await presentSets(tx, actor, [found]))[0];
  }

  // ── built-in sets ─────────────────────────────────────────────────────────
  /**
   * Loads the built-in sets (criteria/sets) as sets of the deployment: a new one gets version 1
   * published from its document's date; one whose file changed since the last built-in version gets
   * a new published version (never an overwrite: past evaluations keep theirs). Idempotent; one
   * process at a time.
   */
  async function loadBuiltInSets(docs: CriteriaSetDocument[]): Promise<{ created: number; updated: number }> {
    const ctx = systemContext();
    let created = 0;
    let updated = 0;
    await db.transaction(async (tx) => {
      await criteriaRepo.lockBuiltins(tx);
      for (const doc of docs) {
        const checksum = checksumOf(doc);
        const set = await criteriaRepo.findSetByCode(tx, null, doc.code);
        if (!set) {
          const inserted = await criteriaRepo.insertSet(tx, { code: doc.code, orgId: null, title: doc.title, origin: 'builtin' });
          await publishBuiltin(tx, ctx, inserted, doc, checksum, 1, undefined);
          created += 1;
          continue;
        }
        const history = await criteriaRepo.versionHistory(tx, set.id);
        const lastBuiltin = history.find((v) => v.state === 'published' && v.note === BUILTIN_NOTE);
        if (lastBuiltin?.checksum === checksum) continue;
        const previous = await criteriaRepo.latestPublished(tx, set.id);
        const no = (previous?.no ?? 0) + 1;
        await moveDraftAfter(tx, set.id, no);
        await publishBuiltin(tx, ctx, set, doc, checksum, no, previous);
        updated += 1;
      }
    });
    return { created, updated };
  }

  async function publishBuiltin(tx: Tx, ctx: RequestContext, set: CriteriaSetRow, doc: CriteriaSetDocument, checksum: string, no: number, previous: CriteriaVersionRow | undefined) {
    await closePrevious(tx, previous, doc.effectiveFrom);
    const version = await criteriaRepo.insertVersion(tx, {
      setId: set.id,
      no,
      state: 'published',
      effectiveFrom: doc.effectiveFrom,
      effectiveTo: doc.effectiveTo ?? null,
      document: doc,
      checksum,
      note: BUILTIN_NOTE,
      publishedAt: new Date(),
    });
    await recordAudit(tx, ctx, {
      action: 'publish',
      entity: 'criteria_set_version',
      entityId: version.id,
      after: { setId: set.id, code: set.code, no, effectiveFrom: version.effectiveFrom, checksum, builtin: true },
    });
  }

  return {
    loadBuiltInSets,

    async list(ctx: RequestContext, q: { title?: string; q?: string }) {
      const actor = requireActor(ctx);
      const rows = await criteriaRepo.listSets(db, { paths: visiblePaths(actor), title: q.title });
      let items = await presentSets(db, actor, rows);
      if (q.q) {
        const key = searchKey(q.q);
        items = items.filter((i) => searchKey(`${i.code} ${i.name.vi} ${i.name.en} ${i.source?.document ?? ''} ${i.orgName ?? ''}`).includes(key));
      }
      return { items };
    },

    async get(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const found = await loadSet(db, actor, id);
      const [set] = await presentSets(db, actor, [found]);
      const history = await criteriaRepo.versionHistory(db, id);
      return {
        set,
        versions: history.map((v) => ({
          id: v.id,
          no: v.no,
          state: v.state,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo,
          publishedAt: v.publishedAt?.toISOString() ?? null,
          publishedByName: v.publishedByName ?? null,
          note: v.note,
          builtin: v.note === BUILTIN_NOTE,
        })),
      };
    },

    async getVersion(ctx: RequestContext, versionId: string) {
      const found = await loadVersion(db, requireActor(ctx), versionId);
      return presentVersion(found.version);
    },

    /** Copies a set's newest published version (or its draft when none is published) as a draft of a new set. */
    async copy(ctx: RequestContext, id: string, input: CopyInput) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const source = await loadSet(tx, actor, id);
        await requireTarget(tx, actor, input.orgId);
        const from = (await criteriaRepo.latestPublished(tx, id)) ?? (await criteriaRepo.draftOf(tx, id));
        if (!from) throw setNotFound();
        const doc = { ...from.document, code: input.code ?? source.set.code };
        const { set } = await createSetWithDraft(tx, ctx, { orgId: input.orgId, origin: 'copy', copiedFromVersionId: from.id }, doc);
        return presentOne(tx, actor, set.id);
      });
    },

    async saveDraft(ctx: RequestContext, id: string, document: unknown) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const found = await loadSetToManage(tx, actor, id);
        const saved = await writeDraft(tx, ctx, found.set, parseDocument(document));
        return presentVersion(saved);
      });
    },

    /** Publishes the draft as the next version from `effectiveFrom`; the previous one ends the day before. */
    async publish(ctx: RequestContext, id: string, input: PublishInput) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const found = await loadSetToManage(tx, actor, id);
        await criteriaRepo.lockSet(tx, id);
        const draft = await criteriaRepo.draftOf(tx, id);
        if (!draft) throw ruleBroken('NO_DRAFT', 'Bộ tiêu chí chưa có bản nháp để ban hành.', 'The set has no draft to publish.');
        const previous = await criteriaRepo.latestPublished(tx, id);
        if (previous && input.effectiveFrom < previous.effectiveFrom) {
          throw ruleBroken(
            'EFFECTIVE_BEFORE_PREVIOUS',
            `Ngày hiệu lực phải từ ngày ${previous.effectiveFrom.split('-').reverse().join('/')} (ngày hiệu lực của phiên bản ${previous.no}) trở đi.`,
            `The effective date must be on or after ${previous.effectiveFrom} (version ${previous.no}'s).`,
            'effectiveFrom',
          );
        }
        const base = parseDocument(draft.document);
        const effectiveTo = base.effectiveTo && base.effectiveTo >= input.effectiveFrom ? base.effectiveTo : undefined;
        const doc: CriteriaSetDocument = { ...base, effectiveFrom: input.effectiveFrom, effectiveTo };
        if (!effectiveTo) delete doc.effectiveTo;
        await closePrevious(tx, previous, input.effectiveFrom);
        const no = (previous?.no ?? 0) + 1;
        const published = await criteriaRepo.updateVersion(tx, draft.id, {
          no,
          state: 'published',
          effectiveFrom: input.effectiveFrom,
          effectiveTo: effectiveTo ?? null,
          document: doc,
          checksum: checksumOf(doc),
          note: input.note,
          publishedAt: new Date(),
          publishedBy: authorOf(actor),
        });
        await criteriaRepo.touchSet(tx, id);
        await recordAudit(tx, ctx, {
          action: 'publish',
          entity: 'criteria_set_version',
          entityId: published.id,
          orgId: found.set.orgId,
          before: previous ? { previousVersionId: previous.id, previousNo: previous.no, previousEffectiveTo: previous.effectiveTo } : null,
          after: { setId: id, code: found.set.code, no, effectiveFrom: input.effectiveFrom, effectiveTo: effectiveTo ?? null, checksum: published.checksum, note: input.note },
        });
        return presentVersion(published);
      });
    },

    /** Drops the draft; a set that had nothing else (a copy or import never published) goes with it. */
    async deleteDraft(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        const found = await loadSetToManage(tx, actor, id);
        await criteriaRepo.lockSet(tx, id);
        const draft = await criteriaRepo.draftOf(tx, id);
        if (!draft) throw notFound({ vi: 'Bộ tiêu chí không có bản nháp.', en: 'The set has no draft.' });
        await criteriaRepo.deleteVersion(tx, draft.id);
        await recordAudit(tx, ctx, { action: 'delete', entity: 'criteria_set_version', entityId: draft.id, orgId: found.set.orgId, before: { setId: id, no: draft.no, state: 'draft', checksum: draft.checksum } });
        if ((await criteriaRepo.maxNo(tx, id)) === 0) {
          await criteriaRepo.deleteSet(tx, id);
          await recordAudit(tx, ctx, { action: 'delete', entity: 'criteria_set', entityId: id, orgId: found.set.orgId, before: { code: found.set.code, title: found.set.title, origin: found.set.origin } });
        }
      });
    },

    /** A version as a file: the document with what it is (set, number, dates, checksum). */
    async exportVersion(ctx: RequestContext, versionId: string) {
      const found = await loadVersion(db, requireActor(ctx), versionId);
      const v = found.version;
      const content = {
        format: EXPORT_FORMAT,
        formatVersion: 1,
        exportedAt: new Date().toISOString(),
        set: { code: found.set.code, title: found.set.title, origin: found.set.origin },
        version: { no: v.no, state: v.state, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, checksum: v.checksum, publishedAt: v.publishedAt?.toISOString() ?? null },
        document: v.document,
      };
      return { fileName: `${found.set.code}-v${v.no}.json`, content };
    },

    /**
     * Imports a document (bare, or a file from export): a set of the same code at that place gets it
     * as its draft; otherwise a new set is made with it as its draft.
     */
    async import(ctx: RequestContext, input: { document: unknown; orgId: string | null }) {
      const actor = requireActor(ctx);
      const raw = input.document as { format?: unknown; document?: unknown } | null;
      const doc = parseDocument(raw && typeof raw === 'object' && raw.format === EXPORT_FORMAT ? raw.document : raw);
      return db.transaction(async (tx) => {
        await requireTarget(tx, actor, input.orgId);
        const existing = await criteriaRepo.findSetByCode(tx, input.orgId, doc.code);
        if (existing) {
          await writeDraft(tx, ctx, existing, doc);
          return { created: false, set: await presentOne(tx, actor, existing.id) };
        }
        const { set } = await createSetWithDraft(tx, ctx, { orgId: input.orgId, origin: 'import' }, doc);
        return { created: true, set: await presentOne(tx, actor, set.id) };
      });
    },

    async diff(ctx: RequestContext, fromId: string, toId: string) {
      const actor = requireActor(ctx);
      const from = await loadVersion(db, actor, fromId);
      const to = await loadVersion(db, actor, toId);
      const meta = (x: typeof from) => ({ id: x.version.id, setId: x.set.id, code: x.set.code, no: x.version.no, state: x.version.state, effectiveFrom: x.version.effectiveFrom });
      return { from: meta(from), to: meta(to), changes: diffDocuments(from.version.document, to.version.document) };
    },

    /** The versions in force for a subject of an organisation the actor sees (route of effectiveVersions). */
    async effective(ctx: RequestContext, q: EffectiveQuery) {
      const unit = await orgs.requireAccess(db, requireActor(ctx), q.orgId, 'org.read');
      const items = await effectiveVersions(db, { ...q, orgPath: unit.path });
      return { items: items.map(({ document, ...v }) => ({ ...v, name: document.name, engine: document.engine, scope: document.scope })) };
    },

    effectiveVersion: (tx: Executor, q: EffectiveLookup) => effectiveVersion(tx, q),
    effectiveVersions: (tx: Executor, q: EffectiveLookup) => effectiveVersions(tx, q),

    // ── calendar ─────────────────────────────────────────────────────────────
    /** Effective dates for an organisation: the defaults, overridden by the nearest organisation at or above it. */
    async calendar(ctx: RequestContext, orgId: string) {
      const actor = requireActor(ctx);
      const unit = await orgs.requireAccess(db, actor, orgId, 'org.read');
      return { org: { id: unit.id, name: unit.name }, source: CALENDAR_SOURCE, canManage: can(actor, 'criteria.manage', unit.path), items: await calendarFor(db, unit.path) };
    },

    async saveCalendarDate(ctx: RequestContext, input: CalendarDateInput) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const unit = await orgs.requireAccess(tx, actor, input.orgId, 'criteria.manage');
        const before = await criteriaRepo.findCalendarDate(tx, input.orgId, input.key);
        const known = CALENDAR_DEFAULTS.find((d) => d.key === input.key);
        const values = { month: input.month, day: input.day, yearOffset: input.yearOffset, label: input.label, source: known ? `${unit.name} (thay ${known.source})` : unit.name };
        const saved = before ? await criteriaRepo.updateCalendarDate(tx, before.id, values) : await criteriaRepo.insertCalendarDate(tx, { orgId: input.orgId, key: input.key, ...values });
        await recordAudit(tx, ctx, {
          action: before ? 'update' : 'create',
          entity: 'calendar_date',
          entityId: saved.id,
          orgId: input.orgId,
          before: before ? { key: before.key, month: before.month, day: before.day, yearOffset: before.yearOffset, label: before.label } : null,
          after: { key: saved.key, month: saved.month, day: saved.day, yearOffset: saved.yearOffset, label: saved.label },
        });
        return { org: { id: unit.id, name: unit.name }, items: await calendarFor(tx, unit.path) };
      });
    },

    /** Drops an organisation's own date for a key: the one above it (or the default) applies again. */
    async resetCalendarDate(ctx: RequestContext, orgId: string, key: string) {
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        await orgs.requireAccess(tx, actor, orgId, 'criteria.manage');
        const before = await criteriaRepo.findCalendarDate(tx, orgId, key);
        if (!before) throw notFound({ vi: 'Đơn vị chưa đặt ngày riêng cho mốc này.', en: 'The unit has no date of its own for this key.' });
        await criteriaRepo.deleteCalendarDate(tx, before.id);
        await recordAudit(tx, ctx, { action: 'delete', entity: 'calendar_date', entityId: before.id, orgId, before: { key, month: before.month, day: before.day, yearOffset: before.yearOffset, label: before.label } });
      });
    },

    /** The dates of `year` that apply to an organisation (for the recognition module's deadlines). */
    deadlinesFor: (orgPath: string, year: number, tx: Executor = db) => deadlinesFor(tx, orgPath, year),
  };
}

async function calendarFor(tx: Executor, orgPath: string) {
  const overrides = (await criteriaRepo.calendarAbove(tx, orgPath)).map((r) => ({
    orgId: r.row.orgId!,
    orgName: r.orgName,
    depth: r.depth,
    key: r.row.key,
    month: r.row.month,
    day: r.row.day,
    yearOffset: r.row.yearOffset,
    label: r.row.label,
    source: r.row.source,
  }));
  return resolveCalendar(CALENDAR_DEFAULTS, overrides);
}

/** Every calendar date of `year` for an organisation, with its day ("YYYY-MM-DD"). */
export async function deadlinesFor(tx: Executor, orgPath: string, year: number) {
  return (await calendarFor(tx, orgPath)).map((e) => ({ ...e, date: dateFor(e, year) }));
}

export type CriteriaService = ReturnType<typeof createCriteriaService>;
