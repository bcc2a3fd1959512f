/**
 * Learning records (hồ sơ học tập): what members learned, with evidence files; verification by the
 * unit head or the secretariat; one training recorded for many attendees at once; the catalogue of
 * mandatory trainings (data: criteria/mandatory-training.json, then edited); and the shares the
 * seeds target, computed from the records with the members behind each number.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import catalogue from '../../../../criteria/mandatory-training.json' with { type: 'json' };
import type { ImportTraining } from '../../../shared/api-types.js';
import { EVIDENCE_MAX_BYTES, IT_STANDARDS, LANGUAGE_LEVELS, RECORD_KINDS } from '../../../shared/learning.js';
import { parseDate, searchKey } from '../../../shared/vn-text.js';
import type { SQL } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/index.js';
import { recordAudit, recordAudits } from '../../platform/audit/audit.js';
import { invalid, notFound, ruleBroken } from '../../platform/errors.js';
import { registerFile } from '../../platform/files/files.js';
import { sniffEvidenceType } from '../../platform/files/sniff.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { authorOf, requireActor, type RequestContext } from '../../platform/http/context.js';
import { notify } from '../../platform/notifications/notifications.js';
import { authorize, authorizeSelfOr, authorizeSystem, can, type Actor } from '../../platform/policy.js';
import { todayInVietnam } from '../../platform/time.js';
import type { OrgService } from '../org/org.service.js';
import { INDICATORS, learningRecordRelations, learningRecordRepo, type FactsScope, type Indicator, type UnitTally } from './learningRecord.repo.js';
import type { CatalogueEntryInput, RecordFields } from './learningRecord.schemas.js';
import type { PeopleService } from '../people/people.service.js';
import type { AttendanceRecord } from '../dataImport/rows.js';
import { createAttendanceResolver } from './learningRecord.import.js';

const recordNotFound = () => notFound({ vi: 'Không tìm thấy hồ sơ học tập.', en: 'Learning record not found.' });

type Found = NonNullable<Awaited<ReturnType<typeof learningRecordRepo.find>>>;

/** The day on which membership decides who counts for a year: its end, or today if earlier. */
const countedOn = (year: number) => {
  const today = todayInVietnam();
  const end = `${year}-12-31`;
  return today < end ? (today < `${year}-01-01` ? `${year}-01-01` : today) : end;
};

/** Kind-specific fields that make no sense for other kinds are dropped; a language needs its level. */
function normalise(f: RecordFields): RecordFields {
  if (f.startsOn && f.startsOn > f.endsOn) throw invalid('startsOn', 'Ngày bắt đầu sau ngày kết thúc.', 'The start date is after the end date.');
  const isLanguage = f.kind === 'foreign_language';
  if (isLanguage && !f.language) throw invalid('language', 'Ghi tên ngoại ngữ hoặc tiếng dân tộc.', 'Name the language.');
  return {
    ...f,
    itStandard: f.kind === 'it_skill' ? f.itStandard : null,
    language: isLanguage ? f.language : null,
    languageLevel: isLanguage ? f.languageLevel : null,
  };
}

const share = (n: number, of: number) => (of ? n / of : null);

const isIsoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && parseDate(v.split('-').reverse().join('/')) === v;
const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The training of an attendance import as the wizard sends it (ImportSettings.training), checked
 * field by field with messages naming the field (`training.title`…), as record fields.
 */
export function checkImportTraining(raw: ImportTraining | undefined): RecordFields {
  const bad = (field: string, vi: string, en: string) => invalid(`training.${field}`, vi, en);
  if (!raw || typeof raw !== 'object') throw invalid('training', 'Nhập thông tin khóa bồi dưỡng (tên, loại, ngày kết thúc).', 'Enter the training (title, kind, end date).');
  if (typeof raw.kind !== 'string' || !Object.hasOwn(RECORD_KINDS, raw.kind)) throw bad('kind', 'Chọn loại hình học tập của khóa.', 'Choose the kind of training.');
  const title = trimmed(raw.title);
  if (!title) throw bad('title', 'Nhập tên khóa, lớp bồi dưỡng.', 'Enter the title of the training.');
  if (title.length > 500) throw bad('title', 'Tên khóa dài tối đa 500 ký tự.', 'The title may have at most 500 characters.');
  const provider = trimmed(raw.provider);
  if (provider && provider.length > 300) throw bad('provider', 'Tên đơn vị tổ chức dài tối đa 300 ký tự.', 'The provider may have at most 300 characters.');
  if (!raw.endsOn) throw bad('endsOn', 'Nhập ngày kết thúc khóa học.', 'Enter the end date of the training.');
  if (!isIsoDate(raw.endsOn)) throw bad('endsOn', 'Ngày kết thúc không hợp lệ.', 'The end date is not a valid date.');
  const startsOn = raw.startsOn || null;
  if (startsOn !== null && !isIsoDate(startsOn)) throw bad('startsOn', 'Ngày bắt đầu không hợp lệ.', 'The start date is not a valid date.');
  if (startsOn && startsOn > raw.endsOn) throw bad('startsOn', 'Ngày bắt đầu sau ngày kết thúc.', 'The start date is after the end date.');
  const hours = raw.hours ?? null;
  if (hours !== null && (typeof hours !== 'number' || !Number.isFinite(hours) || hours < 0 || hours > 5000)) {
    throw bad('hours', 'Số giờ phải từ 0 đến 5000.', 'Hours must be between 0 and 5000.');
  }
  const itStandard = raw.kind === 'it_skill' ? trimmed(raw.itStandard) : null;
  if (itStandard && !Object.hasOwn(IT_STANDARDS, itStandard)) throw bad('itStandard', 'Chuẩn kỹ năng CNTT không hợp lệ.', 'Unknown IT skills standard.');
  const language = raw.kind === 'foreign_language' ? trimmed(raw.language) : null;
  if (raw.kind === 'foreign_language' && !language) throw bad('language', 'Ghi tên ngoại ngữ hoặc tiếng dân tộc.', 'Name the language.');
  if (language && language.length > 100) throw bad('language', 'Tên ngoại ngữ dài tối đa 100 ký tự.', 'The language may have at most 100 characters.');
  const languageLevel = raw.kind === 'foreign_language' ? trimmed(raw.languageLevel) : null;
  if (languageLevel && !(LANGUAGE_LEVELS as readonly string[]).includes(languageLevel)) throw bad('languageLevel', 'Bậc ngoại ngữ không hợp lệ.', 'Unknown language level.');
  const mandatoryTrainingId = trimmed(raw.mandatoryTrainingId);
  if (mandatoryTrainingId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(mandatoryTrainingId)) {
    throw bad('mandatoryTrainingId', 'Khóa bồi dưỡng bắt buộc không hợp lệ.', 'Unknown mandatory training.');
  }
  return normalise({
    kind: raw.kind as RecordFields['kind'],
    title,
    provider,
    startsOn,
    endsOn: raw.endsOn,
    hours,
    result: null,
    itStandard: itStandard as RecordFields['itStandard'],
    language,
    languageLevel: languageLevel as RecordFields['languageLevel'],
    certificateNo: null,
    mandatoryTrainingId,
    planLineId: null,
  });
}

/** What the settings keep of a checked training (the shape of ImportTraining). */
const asImportTraining = (f: RecordFields): ImportTraining => ({
  kind: f.kind,
  title: f.title,
  provider: f.provider,
  startsOn: f.startsOn,
  endsOn: f.endsOn,
  hours: f.hours,
  mandatoryTrainingId: f.mandatoryTrainingId,
  itStandard: f.itStandard,
  language: f.language,
  languageLevel: f.languageLevel,
});

/** One attendee of a training recorded for many: who, where, and what differs from the training. */
interface Attendee {
  personId: string;
  orgId: string;
  hours?: number | null;
  result?: string | null;
  certificateNo?: string | null;
}

export function createLearningRecordService(db: Db, deps: { orgs: OrgService; people: PeopleService; storage: FileStorage }) {
  const { orgs, people, storage } = deps;

  /** The record and who the actor is for it: the member it belongs to, or someone with `action` on its unit. */
  async function load(tx: Executor, actor: Actor, id: string, action: 'learning.read' | 'learning.review' | 'learning.manage' = 'learning.read') {
    const found = await learningRecordRepo.find(tx, id);
    if (!found) throw recordNotFound();
    if (found.userId !== actor.userId && !can(actor, 'learning.read', found.orgPath)) throw recordNotFound();
    const who = authorizeSelfOr(actor, found.userId, action, found.orgPath);
    return { ...found, who };
  }

  async function present(tx: Executor, actor: Actor, rows: Found[]) {
    const evidence = await learningRecordRepo.evidenceOf(
      tx,
      rows.map((r) => r.record.id),
    );
    return rows.map((r) => ({
      ...r.record,
      hours: r.record.hours === null ? null : Number(r.record.hours),
      person: { id: r.record.personId, fullName: r.fullName },
      org: { id: r.record.orgId, name: r.orgName },
      mine: r.userId === actor.userId,
      canVerify: r.userId !== actor.userId && can(actor, 'learning.review', r.orgPath),
      evidence: evidence.filter((e) => e.recordId === r.record.id).map((e) => ({ id: e.id, name: e.name, contentType: e.contentType, size: Number(e.size) })),
    }));
  }

  const one = async (tx: Executor, actor: Actor, id: string) => (await present(tx, actor, [(await learningRecordRepo.find(tx, id))!]))[0];

  /** The member behind the account and their current unit. */
  async function requireMember(tx: Executor, actor: Actor) {
    const member = await people.memberOfUser(tx, actor.userId, todayInVietnam());
    if (!member || member.memberships.length === 0) {
      throw ruleBroken('NOT_A_MEMBER', 'Tài khoản của bạn chưa gắn với hồ sơ cán bộ đang công tác tại một đơn vị.', 'Your account is not linked to a staff record with a current unit.');
    }
    return { personId: member.person.id, orgId: member.memberships[0].orgId };
  }

  /** A mandatory training named by a record must apply somewhere above or at the record's unit. */
  async function checkEntry(tx: Executor, entryId: string | null, orgPath: string, field = 'mandatoryTrainingId') {
    if (!entryId) return;
    const entry = await learningRecordRepo.findEntry(tx, entryId);
    if (!entry || (entry.orgPath && !orgPath.startsWith(entry.orgPath))) {
      throw invalid(field, 'Khóa bồi dưỡng bắt buộc này không áp dụng cho đơn vị.', 'That mandatory training does not apply to this unit.');
    }
  }

  /**
   * One training recorded, verified, for many attendees in one batch, one audit row each: the
   * insert path of bulk entry and of the attendance import. A value of the attendee (hours, result,
   * certificate) given for them replaces the training's.
   */
  async function insertVerified(tx: Tx, ctx: RequestContext, actor: Actor, fields: RecordFields, attendees: Attendee[], batchId: string) {
    const now = new Date();
    const year = Number(fields.endsOn.slice(0, 4));
    const created = await learningRecordRepo.insert(
      tx,
      attendees.map((a) => ({
        ...fields,
        hours: a.hours ?? fields.hours,
        result: a.result ?? fields.result,
        certificateNo: a.certificateNo ?? fields.certificateNo,
        personId: a.personId,
        orgId: a.orgId,
        year,
        batchId,
        status: 'verified',
        reviewedBy: authorOf(actor),
        reviewedAt: now,
        createdBy: authorOf(actor),
      })),
    );
    await recordAudits(
      tx,
      ctx,
      created.map((c) => ({ action: 'create', entity: 'learning_record', entityId: c.id, orgId: c.orgId, after: c })),
    );
    return created;
  }

  return {
    /** Loads criteria/mandatory-training.json entries that are missing (deployment-wide ones). */
    async loadBuiltInCatalogue() {
      await learningRecordRepo.insertMissingGlobal(
        db,
        catalogue.entries.map((e) => ({ ...e, orgId: null })),
      );
    },

    // ── catalogue ───────────────────────────────────────────────────────────
    async catalogue(ctx: RequestContext, orgId: string) {
      const actor = requireActor(ctx);
      const unit = await orgs.requireAccess(db, actor, orgId, 'org.read');
      const rows = await learningRecordRepo.catalogueFor(db, unit.path);
      return { source: catalogue.source, items: rows.map((r) => ({ ...r.entry, hoursPerYear: Number(r.entry.hoursPerYear), orgName: r.orgName })) };
    },

    async saveEntry(ctx: RequestContext, id: string | null, input: CatalogueEntryInput) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const before = id ? await learningRecordRepo.findEntry(tx, id) : undefined;
        if (id && !before) throw notFound();
        for (const orgId of [before?.entry.orgId, input.orgId].filter((x) => x !== undefined)) {
          if (orgId === null) authorizeSystem(actor);
          else await orgs.requireAccess(tx, actor, orgId, 'learning.manage');
        }
        const { retired, ...fields } = input;
        const retiredAt = retired ? (before?.entry.retiredAt ?? new Date()) : null;
        const saved = await learningRecordRepo.saveEntry(tx, id, { ...fields, retiredAt });
        await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entity: 'mandatory_training', entityId: saved.id, orgId: input.orgId, before: before?.entry ?? null, after: saved });
        return saved;
      });
    },

    // ── records ─────────────────────────────────────────────────────────────
    /** My records of a year, and what I owe this year (mandatory trainings that apply to me, with hours done). */
    async mine(ctx: RequestContext, year: number) {
      const actor = requireActor(ctx);
      const member = await people.memberOfUser(db, actor.userId, countedOn(year));
      const unit = member?.memberships[0];
      if (!member || !unit) return { member: null, items: [], owed: [] };
      const rows = await learningRecordRepo.list(db, { paths: ['/'], personId: member.person.id, year }, 500, 0);
      const items = await present(db, actor, rows.items);
      const entries = (await learningRecordRepo.catalogueFor(db, unit.orgPath)).filter(
        ({ entry, orgPath }) =>
          !entry.retiredAt && (!orgPath || unit.orgPath.startsWith(orgPath)) && (entry.categories.length === 0 || entry.categories.includes(unit.category)) && (!entry.leadersOnly || unit.isLeader),
      );
      const owed = entries.map(({ entry }) => {
        const counted = items.filter((r) => r.status === 'verified' && (r.mandatoryTrainingId === entry.id || (!r.mandatoryTrainingId && r.kind === entry.kind)));
        const hoursDone = counted.reduce((a, r) => a + (r.hours ?? 0), 0);
        const hoursRequired = Number(entry.hoursPerYear);
        return { id: entry.id, title: entry.title, kind: entry.kind, legalBasis: entry.legalBasis, hoursRequired, hoursDone, done: counted.length > 0 && hoursDone >= hoursRequired };
      });
      return { member: { personId: member.person.id, fullName: member.person.fullName, org: { id: unit.orgId, name: unit.orgName } }, items, owed };
    },

    async list(ctx: RequestContext, q: { orgId: string; year?: number; kind?: string; status?: string; personId?: string; q?: string; page: number; pageSize: number }) {
      const actor = requireActor(ctx);
      const unit = await orgs.requireAccess(db, actor, q.orgId, 'learning.read');
      const { items, total } = await learningRecordRepo.list(db, { paths: [unit.path], year: q.year, kind: q.kind, status: q.status, personId: q.personId, nameKey: q.q ? searchKey(q.q) : undefined }, q.pageSize, (q.page - 1) * q.pageSize);
      return { items: await present(db, actor, items), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return (await present(db, actor, [await load(db, actor, id)]))[0];
    },

    /** A member records their own learning (awaiting verification); the secretariat records someone's (verified). */
    async create(ctx: RequestContext, input: RecordFields & { personId?: string }) {
      const actor = requireActor(ctx);
      const fields = normalise(input);
      return db.transaction(async (tx) => {
        let personId: string;
        let orgId: string;
        let verified = false;
        const own = input.personId === undefined ? await requireMember(tx, actor) : null;
        if (own) ({ personId, orgId } = own);
        else {
          const member = (await learningRecordRepo.membersAmong(tx, '/', todayInVietnam(), [input.personId!]))[0];
          if (!member) throw invalid('personId', 'Người này không đang công tác tại đơn vị nào.', 'This person has no current unit.');
          const unit = await orgs.requireAccess(tx, actor, member.orgId, 'learning.manage');
          ({ personId, orgId } = member);
          verified = member.userId !== actor.userId && can(actor, 'learning.review', unit.path);
        }
        const unit = (await orgs.findByIds(tx, [orgId]))[0];
        await checkEntry(tx, fields.mandatoryTrainingId, unit.path);
        const [created] = await learningRecordRepo.insert(tx, [
          { ...fields, personId, orgId, year: Number(fields.endsOn.slice(0, 4)), createdBy: authorOf(actor), ...(verified ? { status: 'verified', reviewedBy: authorOf(actor), reviewedAt: new Date() } : {}) },
        ]);
        await recordAudit(tx, ctx, { action: 'create', entity: 'learning_record', entityId: created.id, orgId, after: created });
        return one(tx, actor, created.id);
      });
    },

    /** The member edits a record not yet verified (a rejected one goes back to awaiting); the secretariat edits any. */
    async update(ctx: RequestContext, id: string, input: RecordFields) {
      const actor = requireActor(ctx);
      const fields = normalise(input);
      return db.transaction(async (tx) => {
        const r = await load(tx, actor, id, 'learning.manage');
        if (r.who === 'owner' && r.record.status === 'verified') {
          throw ruleBroken('RECORD_VERIFIED', 'Hồ sơ đã được xác nhận, không sửa được; hãy liên hệ văn phòng.', 'A verified record cannot be changed; ask the secretariat.', 'status');
        }
        await checkEntry(tx, fields.mandatoryTrainingId, r.orgPath);
        const back = r.who === 'owner' ? { status: 'pending', rejectReason: null, reviewedBy: null, reviewedAt: null } : {};
        const updated = await learningRecordRepo.update(tx, id, { ...fields, year: Number(fields.endsOn.slice(0, 4)), ...back });
        await recordAudit(tx, ctx, { action: 'update', entity: 'learning_record', entityId: id, orgId: r.record.orgId, before: r.record, after: updated });
        return one(tx, actor, id);
      });
    },

    async remove(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        const r = await load(tx, actor, id, 'learning.manage');
        if (r.who === 'owner' && r.record.status === 'verified') {
          throw ruleBroken('RECORD_VERIFIED', 'Hồ sơ đã được xác nhận, không xóa được.', 'A verified record cannot be deleted.', 'status');
        }
        await learningRecordRepo.remove(tx, id);
        await recordAudit(tx, ctx, { action: 'delete', entity: 'learning_record', entityId: id, orgId: r.record.orgId, before: r.record });
      });
    },

    /** The unit head or secretariat verifies a record, or rejects it with a reason; the member is told. */
    async verify(ctx: RequestContext, id: string, decision: 'verified' | 'rejected', reason: string | null) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const r = await load(tx, actor, id, 'learning.review');
        if (r.who === 'owner') throw ruleBroken('RECORD_OWNER', 'Không tự xác nhận hồ sơ của mình.', 'You cannot verify your own record.');
        if (decision === 'rejected' && !reason) throw ruleBroken('COMMENT_REQUIRED', 'Ghi lý do không xác nhận.', 'Give the reason for rejecting it.', 'reason');
        const updated = await learningRecordRepo.update(tx, id, { status: decision, reviewedBy: authorOf(actor), reviewedAt: new Date(), rejectReason: decision === 'rejected' ? reason : null });
        await recordAudit(tx, ctx, { action: decision === 'verified' ? 'verify' : 'reject', entity: 'learning_record', entityId: id, orgId: r.record.orgId, before: { status: r.record.status }, after: { status: decision, reason } });
        if (r.userId) {
          const message =
            decision === 'verified'
              ? { vi: `Hồ sơ học tập "${r.record.title}" đã được xác nhận.`, en: `Your learning record "${r.record.title}" was verified.` }
              : { vi: `Hồ sơ học tập "${r.record.title}" không được xác nhận: ${reason}`, en: `Your learning record "${r.record.title}" was rejected: ${reason}` };
          await notify(tx, [{ userId: r.userId, kind: `learning_record.${decision}`, message, link: `/my-learning?year=${updated.year}` }]);
        }
        return one(tx, actor, id);
      });
    },

    /** One training for many attendees, recorded and verified at once by the secretariat: all or nothing. */
    async bulk(ctx: RequestContext, input: RecordFields & { orgId: string; personIds: string[] }) {
      const actor = requireActor(ctx);
      const { orgId: _target, personIds: _ids, ...fields } = normalise(input) as RecordFields & { orgId: string; personIds: string[] };
      return db.transaction(async (tx) => {
        const unit = await orgs.requireAccess(tx, actor, input.orgId, 'learning.manage');
        await checkEntry(tx, fields.mandatoryTrainingId, unit.path);
        const ids = [...new Set(input.personIds)];
        const members = await learningRecordRepo.membersAmong(tx, unit.path, todayInVietnam(), ids);
        const missing = ids.findIndex((id) => !members.some((m) => m.personId === id));
        if (missing >= 0) throw invalid(`personIds.${missing}`, 'Có người không đang công tác trong đơn vị đã chọn.', 'Someone is not a current member of the chosen unit.');
        const batchId = randomUUID();
        const created = await insertVerified(tx, ctx, actor, fields, members, batchId);
        return { created: created.length, batchId };
      });
    },

    // ── attendance import (the Excel import wizard's `attendance` kind) ──────
    /** The training of an attendance import into a unit, checked (fields `training.…`) before the rows are. */
    async importTraining(actor: Actor, orgId: string, raw: ImportTraining | undefined): Promise<ImportTraining> {
      const unit = await orgs.requireAccess(db, actor, orgId, 'learning.manage');
      const fields = checkImportTraining(raw);
      await checkEntry(db, fields.mandatoryTrainingId, unit.path, 'training.mandatoryTrainingId');
      return asImportTraining(fields);
    },

    /** Finds the member of each row of an attendance list among the current members of the unit's subtree. */
    async importResolver(actor: Actor, orgId: string, training: ImportTraining) {
      const unit = await orgs.requireAccess(db, actor, orgId, 'learning.manage');
      return createAttendanceResolver(db, unit, training);
    },

    /**
     * Saves a batch of resolved rows of an attendance import in the import's transaction: verified
     * records of the training through the same path as bulk entry, the import's id as their batch.
     * Access, the mandatory training and every attendee's current membership are checked again here.
     */
    async importBatch(tx: Tx, ctx: RequestContext, target: { orgId: string; batchId: string }, training: ImportTraining, rows: AttendanceRecord[]) {
      const actor = requireActor(ctx);
      const unit = await orgs.requireAccess(tx, actor, target.orgId, 'learning.manage');
      const fields = checkImportTraining(training);
      await checkEntry(tx, fields.mandatoryTrainingId, unit.path, 'training.mandatoryTrainingId');
      const listed = rows.filter((r) => !r.skip && r.personId);
      const members = new Map((await learningRecordRepo.membersAmong(tx, unit.path, todayInVietnam(), [...new Set(listed.map((r) => r.personId!))])).map((m) => [m.personId, m]));
      const gone = listed.find((r) => !members.has(r.personId!));
      if (gone) {
        throw ruleBroken('NOT_A_MEMBER', `${gone.fullName} không còn công tác trong ${unit.name}; hãy kiểm tra lại tệp.`, `${gone.fullName} no longer works in ${unit.name}; check the file again.`);
      }
      const attendees = listed.map((r) => ({ personId: r.personId!, orgId: members.get(r.personId!)!.orgId, hours: r.hours, result: r.result, certificateNo: r.certificateNo }));
      const created = await insertVerified(tx, ctx, actor, fields, attendees, target.batchId);
      return { create: created.length, update: 0, skip: rows.length - listed.length };
    },

    // ── evidence ────────────────────────────────────────────────────────────
    /** Stores an evidence file (PDF or image, checked by content, 10 MB at most) on a record. */
    async addEvidence(ctx: RequestContext, id: string, upload: { fileName: string; file: Readable }) {
      const actor = requireActor(ctx);
      const r = await load(db, actor, id, 'learning.manage');
      if (r.who === 'owner' && r.record.status === 'verified') {
        throw ruleBroken('RECORD_VERIFIED', 'Hồ sơ đã được xác nhận, không thêm minh chứng được.', 'A verified record takes no more evidence.', 'status');
      }
      const target = await storage.create();
      let contentType: string | null;
      try {
        await pipeline(upload.file, createWriteStream(target.path));
        if ((upload.file as Readable & { truncated?: boolean }).truncated) throw invalid('file', 'Tệp quá lớn (tối đa 10 MB).', 'The file is too large (10 MB at most).');
        contentType = sniffEvidenceType(await readHead(target.path));
        if (!contentType) throw invalid('file', 'Chỉ nhận tệp PDF hoặc ảnh (JPEG, PNG, WebP).', 'Only PDF files or images (JPEG, PNG, WebP) are accepted.');
      } catch (err) {
        await target.discard();
        throw err;
      }
      const size = await target.commit();
      if (size > EVIDENCE_MAX_BYTES) throw invalid('file', 'Tệp quá lớn (tối đa 10 MB).', 'The file is too large (10 MB at most).');
      return db.transaction(async (tx) => {
        const file = await registerFile(tx, { name: upload.fileName, contentType: contentType!, size, storageKey: target.key, createdBy: actor.userId, orgId: r.record.orgId });
        await learningRecordRepo.addEvidence(tx, id, file.id);
        await recordAudit(tx, ctx, { action: 'add_evidence', entity: 'learning_record', entityId: id, orgId: r.record.orgId, after: { fileId: file.id, name: upload.fileName, contentType, size } });
        return one(tx, actor, id);
      });
    },

    /** An evidence file, for whoever may read the record. */
    async openEvidence(ctx: RequestContext, id: string, fileId: string) {
      const actor = requireActor(ctx);
      await load(db, actor, id);
      const file = (await learningRecordRepo.evidenceOf(db, [id])).find((e) => e.id === fileId);
      if (!file) throw notFound({ vi: 'Không tìm thấy tệp.', en: 'File not found.' });
      return { file, stream: storage.stream(file.storageKey) };
    },

    async removeEvidence(ctx: RequestContext, id: string, fileId: string) {
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        const r = await load(tx, actor, id, 'learning.manage');
        if (r.who === 'owner' && r.record.status === 'verified') throw ruleBroken('RECORD_VERIFIED', 'Hồ sơ đã được xác nhận.', 'The record is verified.', 'status');
        const removed = await learningRecordRepo.removeEvidence(tx, id, fileId);
        if (removed.length === 0) throw notFound({ vi: 'Không tìm thấy tệp.', en: 'File not found.' });
        await recordAudit(tx, ctx, { action: 'remove_evidence', entity: 'learning_record', entityId: id, orgId: r.record.orgId, before: { fileId } });
      });
    },

    // ── shares ──────────────────────────────────────────────────────────────
    /** The shares the seeds target, per unit directly under the chosen one and in all, from the records. */
    async summary(ctx: RequestContext, q: { orgId: string; year: number }) {
      const actor = requireActor(ctx);
      const unit = await orgs.requireAccess(db, actor, q.orgId, 'learning.read');
      const scope: FactsScope = { path: unit.path, year: q.year, day: countedOn(q.year) };
      const tallies = await learningRecordRepo.tallies(db, scope);
      const names = new Map((await orgs.findByIds(db, tallies.map((t) => t.childId).filter(Boolean))).map((o) => [o.id, o.name]));
      const shaped = (t: UnitTally) => ({
        members: t.members,
        leaders: t.leaders,
        owing: t.owing,
        counts: Object.fromEntries(INDICATORS.map((i) => [i, t[i]])) as Record<Indicator, number>,
        shares: {
          planApproved: share(t.planApproved, t.members),
          mandatoryDone: share(t.mandatoryDone, t.owing),
          leaderTrained: share(t.leaderTrained, t.leaders),
          digitalTrained: share(t.digitalTrained, t.members),
          itJoined: share(t.itJoined, t.members),
          languageJoined: share(t.languageJoined, t.members),
          languageCertified: share(t.languageCertified, t.members),
        },
        levels: t.levels,
      });
      const total = tallies.reduce<UnitTally>(
        (a, t) => ({
          ...a,
          ...Object.fromEntries((['members', 'leaders', 'owing', ...INDICATORS] as const).map((k) => [k, a[k] + t[k]])),
          levels: Object.fromEntries([...new Set([...Object.keys(a.levels), ...Object.keys(t.levels)])].map((l) => [l, (a.levels[l] ?? 0) + (t.levels[l] ?? 0)])),
        }),
        { childId: '', members: 0, leaders: 0, owing: 0, planApproved: 0, mandatoryDone: 0, leaderTrained: 0, digitalTrained: 0, itJoined: 0, languageJoined: 0, languageCertified: 0, levels: {} },
      );
      return {
        org: { id: unit.id, name: unit.name },
        year: q.year,
        total: shaped(total),
        units: tallies
          .map((t) => ({ org: t.childId ? { id: t.childId, name: names.get(t.childId) ?? '' } : { id: unit.id, name: unit.name }, own: t.childId === '', ...shaped(t) }))
          .sort((a, b) => Number(b.own) - Number(a.own) || a.org.name.localeCompare(b.org.name, 'vi')),
      };
    },

    /** The members behind one number of the summary (who meets an indicator, or who does not). */
    async facts(ctx: RequestContext, q: { orgId: string; year: number; indicator: Indicator; met: boolean; childId?: string; page: number; pageSize: number }) {
      const actor = requireActor(ctx);
      const unit = await orgs.requireAccess(db, actor, q.orgId, 'learning.read');
      if (q.childId && q.childId !== 'own') {
        const child = (await orgs.findByIds(db, [q.childId]))[0];
        if (!child || child.parentId !== unit.id) throw invalid('childId', 'Đơn vị không trực thuộc đơn vị đã chọn.', 'That unit is not directly under the chosen one.');
      }
      const scope: FactsScope = { path: unit.path, year: q.year, day: countedOn(q.year) };
      const page = await learningRecordRepo.factsOf(db, scope, { indicator: q.indicator, met: q.met, childId: q.childId === 'own' ? '' : q.childId }, q.pageSize, (q.page - 1) * q.pageSize);
      return {
        items: page.items.map((f) => ({ person: { id: f.personId, fullName: f.fullName }, org: { id: f.orgId, name: f.orgName }, isLeader: f.isLeader, languageLevel: f.languageLevel })),
        total: page.total,
        totalCapped: page.totalCapped,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  };
}

/** The first bytes of a stored file, to tell its type. */
function readHead(path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    createReadStream(path, { start: 0, end: 15 })
      .on('data', (b) => parts.push(b as Buffer))
      .on('end', () => resolve(Buffer.concat(parts)))
      .on('error', reject);
  });
}

export type LearningRecordService = ReturnType<typeof createLearningRecordService>;

/**
 * What derived indicators read of the learning records (recognition/derived-facts.ts): each member of
 * a subtree on a day with their mandatory-training standing for the year, as a relation of
 * `(id, label, sort, owes, done)` to compose into one set-based statement. The same owed/done facts
 * as the learning shares (`summary`).
 */
export const learningRecordFacts = {
  mandatoryStanding(s: FactsScope): SQL {
    return learningRecordRelations.mandatoryStanding(s);
  },
  digitalTraining(s: FactsScope): SQL {
    return learningRecordRelations.digitalTraining(s);
  },
};
