/**
 * Documents of the title module: a case's self-assessment report with its summary table
 * (assessment-document.ts) and a recognition decision with its annexed list (decision-document.ts)
 * as Word files in the layout of Nghị định 30/2020, and the cases list to Excel as a job.
 *
 * Who may: whoever may read the case (recognition.read on its organisation, or the person for their
 * own Công dân học tập case) or the decision (recognition.read on its organisation); 404 otherwise,
 * as reading them. Each file is kept and audited (platform/documents/generated-document.ts): who,
 * when, and from which data (the assessments and their dates, the decision's state and number).
 * The data are read here, from the title, criteria, people and org tables, as they are stored.
 */
import { sql } from 'drizzle-orm';
import { SUBJECT_ATTRIBUTES, TITLE_SUBJECT, type AssessmentInputs, type CriteriaSetDocument, type EvidenceRef, type LearningTitle, type SubjectAttribute, type SubjectKind } from '../../../shared/criteria.js';
import { catalogues, translate, type MessageKey } from '../../../shared/i18n/index.js';
import { CITIZEN_GROUPS, SEXES } from '../../../shared/people.js';
import { formatDate, searchKey } from '../../../shared/vn-text.js';
import type { Db, Executor } from '../../db/index.js';
import { renderDocx } from '../../platform/documents/official-document.js';
import { saveGeneratedDocument } from '../../platform/documents/generated-document.js';
import { notFound, ruleBroken } from '../../platform/errors.js';
import { queueListExport, runListExport, shownTitle, type ExportLanguage, type ListExportColumn } from '../../platform/excel/list-export.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { storedFile } from '../../platform/files/file.table.js';
import type { ZApp } from '../../platform/http/app-types.js';
import { requireActor, type RequestContext } from '../../platform/http/context.js';
import { exportLanguage, uuidParam } from '../../platform/http/schemas.js';
import type { JobRunner } from '../../platform/jobs/runner.js';
import { can, scopePaths, type Actor } from '../../platform/policy.js';
import { todayInVietnam } from '../../platform/time.js';
import { criteriaSet, criteriaSetVersion } from '../criteria/criteria.table.js';
import { effectiveVersion } from '../criteria/criteria.service.js';
import type { EvaluationResult } from '../criteria/engines/types.js';
import { learningRecord } from '../learningRecord/learningRecord.table.js';
import { org, orgKind } from '../org/org.table.js';
import type { OrgService } from '../org/org.service.js';
import { clan, clanHousehold, household, membership, person } from '../people/people.table.js';
import { userAccount } from '../user/user.table.js';
import type { UserService } from '../user/user.service.js';
import { assessmentReportSpec, formatNumber, TITLE_NAMES_VI, type AssessmentFacts, type StoredDerived } from './assessment-document.js';
import { decisionDocumentSpec, type DecisionEntry } from './decision-document.js';
import { authorizeCaseRead } from './recognition.policy.js';
import { recognitionRepo, type CaseListRow, type HeadlineRow } from './recognition.repo.js';
import { casesQuery, type CasesQuery } from './recognition.schemas.js';
import { validUntil } from './recognition.service.js';
import { recognition, recognitionDecision, titleAssessment, titleRegistration } from './recognition.table.js';
import { loadSubjects, type Subject } from './subject.js';

export const TITLE_REGISTER_EXPORT_JOB = 'titles.registrations.export';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const caseNotFound = () => notFound({ vi: 'Không tìm thấy hồ sơ đăng ký danh hiệu.', en: 'Title case not found.' });
const decisionNotFound = () => notFound({ vi: 'Không tìm thấy quyết định công nhận.', en: 'Recognition decision not found.' });

/** A file name part: "Hộ Nguyễn Văn Đức (005)" → "ho-nguyen-van-duc-005". */
const slug = (text: string) => searchKey(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

/** The day whose people and units count for a year (as the title service reads them). */
const countedOn = (year: number) => {
  const today = todayInVietnam();
  const end = `${year}-12-31`;
  return today < end ? (today < `${year}-01-01` ? `${year}-01-01` : today) : end;
};

type ExportQuery = Omit<CasesQuery, 'page' | 'pageSize'>;

// ── reads ───────────────────────────────────────────────────────────────────

async function caseRow(tx: Executor, id: string) {
  const [row] = await tx
    .select({ reg: titleRegistration, orgName: org.name, orgPath: org.path })
    .from(titleRegistration)
    .innerJoin(org, sql`${org.id} = ${titleRegistration.orgId}`)
    .where(sql`${titleRegistration.id} = ${id}`);
  return row;
}

async function assessmentsOf(tx: Executor, registrationId: string) {
  const rows = await tx
    .select({ a: titleAssessment, assessedByName: userAccount.displayName })
    .from(titleAssessment)
    .leftJoin(userAccount, sql`${userAccount.id} = ${titleAssessment.assessedBy}`)
    .where(sql`${titleAssessment.registrationId} = ${registrationId}`);
  return { self: rows.find((r) => r.a.stage === 'self'), review: rows.find((r) => r.a.stage === 'review') };
}

async function versionsByIds(tx: Executor, ids: string[]): Promise<Map<string, { no: number; document: CriteriaSetDocument }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: criteriaSetVersion.id, no: criteriaSetVersion.no, document: criteriaSetVersion.document })
    .from(criteriaSetVersion)
    .innerJoin(criteriaSet, sql`${criteriaSet.id} = ${criteriaSetVersion.setId}`)
    .where(sql`${criteriaSetVersion.id} = any(${sql.param(ids)}::uuid[])`);
  return new Map(rows.map((r) => [r.id, { no: r.no, document: r.document }]));
}

/** Names of the organisations on a path, the deepest first. */
async function chainNames(orgs: OrgService, tx: Executor, path: string): Promise<{ id: string; name: string; kindCode: string }[]> {
  const ids = path.split('/').filter(Boolean).reverse();
  const found = new Map((await orgs.findByIds(tx, ids)).map((o) => [o.id, o]));
  return ids.flatMap((id) => {
    const o = found.get(id);
    return o ? [{ id: o.id, name: o.name, kindCode: o.kindCode }] : [];
  });
}

/** File names and learning-record titles cited as evidence, by "file:<id>" / "learningRecord:<id>". */
async function evidenceLabels(tx: Executor, inputs: AssessmentInputs[]): Promise<Record<string, string>> {
  const refs = inputs.flatMap((i) => Object.values(i).flatMap((x) => (x?.evidence ?? []) as EvidenceRef[]));
  const fileIds = [...new Set(refs.flatMap((r) => (r.kind === 'file' ? [r.fileId] : [])))];
  const recordIds = [...new Set(refs.flatMap((r) => (r.kind === 'learningRecord' ? [r.recordId] : [])))];
  const labels: Record<string, string> = {};
  if (fileIds.length) {
    for (const f of await tx.select({ id: storedFile.id, name: storedFile.name }).from(storedFile).where(sql`${storedFile.id} = any(${sql.param(fileIds)}::uuid[])`)) labels[`file:${f.id}`] = f.name;
  }
  if (recordIds.length) {
    const records = await tx
      .select({ id: learningRecord.id, title: learningRecord.title, provider: learningRecord.provider, endsOn: learningRecord.endsOn })
      .from(learningRecord)
      .where(sql`${learningRecord.id} = any(${sql.param(recordIds)}::uuid[])`);
    for (const r of records) labels[`learningRecord:${r.id}`] = [r.title, r.provider, formatDate(r.endsOn)].filter(Boolean).join(', ');
  }
  return labels;
}

/** Section I of the report: the subject's facts, by kind. */
async function subjectFacts(tx: Executor, subject: Subject, units: { name: string; kindCode: string }[], citizenGroup: string | null, attributes: SubjectAttribute[], day: string): Promise<{ facts: [string, string | null][]; signerName: string | null }> {
  const count = async (query: ReturnType<typeof sql>) => String(rowsOf<{ n: number }>(await tx.execute(query))[0]?.n ?? 0);
  switch (subject.kind) {
    case 'org': {
      const [kind] = await tx.select({ name: orgKind.nameVi }).from(orgKind).where(sql`${orgKind.code} = ${subject.orgKind ?? ''}`);
      const community = ['hamlet', 'commune', 'ward', 'special_zone'].includes(subject.orgKind ?? '');
      const facts: [string, string | null][] = [
        ['Tên đơn vị', subject.name],
        ['Cơ quan, đơn vị cấp trên trực tiếp', units[1]?.name ?? null],
        ['Loại hình', kind?.name ?? null],
        ['Đặc điểm áp dụng bộ tiêu chí', attributes.length ? attributes.map((a) => SUBJECT_ATTRIBUTES[a]?.vi ?? a).join('; ') : 'không có'],
      ];
      if (community) {
        facts.push(['Số hộ gia đình', await count(sql`select count(*)::int as n from ${household} h join ${org} o on o.id = h.org_id where o.path like ${subject.orgPath + '%'}`)]);
      } else {
        facts.push([
          'Số người đang công tác',
          await count(sql`select count(distinct m.person_id)::int as n from ${membership} m join ${org} o on o.id = m.org_id
            where o.path like ${subject.orgPath + '%'} and (m.valid_from is null or m.valid_from <= ${day}) and (m.valid_to is null or m.valid_to > ${day})`),
        ]);
      }
      return { facts, signerName: null };
    }
    case 'person': {
      const [p] = await tx.select({ birthDate: person.birthDate, sex: person.sex }).from(person).where(sql`${person.id} = ${subject.id}`);
      const group = citizenGroup ? (CITIZEN_GROUPS as Record<string, { vi: string }>)[citizenGroup]?.vi ?? citizenGroup : null;
      return {
        facts: [
          ['Họ và tên', subject.name],
          ['Năm sinh', p?.birthDate ? p.birthDate.slice(0, 4) : null],
          ['Giới tính', p?.sex ? ((SEXES as Record<string, { vi: string }>)[p.sex]?.vi ?? p.sex) : null],
          ['Đơn vị công tác, nơi cư trú', subject.orgName || null],
          ['Nhóm công dân học tập', group],
        ],
        signerName: subject.name,
      };
    }
    case 'household': {
      const [h] = await tx
        .select({ code: household.code, address: household.address, headName: person.fullName })
        .from(household)
        .leftJoin(person, sql`${person.id} = ${household.headPersonId}`)
        .where(sql`${household.id} = ${subject.id}`);
      return {
        facts: [
          ['Chủ hộ', h?.headName ?? null],
          ['Mã hộ', h?.code ?? null],
          ['Địa chỉ', h?.address ?? null],
          ['Thôn, tổ dân phố', subject.orgName || null],
          ['Số nhân khẩu', await count(sql`select count(*)::int as n from ${person} where household_id = ${subject.id}`)],
        ],
        signerName: h?.headName ?? null,
      };
    }
    case 'clan': {
      const [c] = await tx.select({ headName: person.fullName }).from(clan).leftJoin(person, sql`${person.id} = ${clan.headPersonId}`).where(sql`${clan.id} = ${subject.id}`);
      return {
        facts: [
          ['Tên dòng họ', subject.name],
          ['Trưởng dòng họ', c?.headName ?? null],
          ['Xã, phường', subject.orgName || null],
          ['Số hộ gia đình', await count(sql`select count(*)::int as n from ${clanHousehold} where clan_id = ${subject.id}`)],
        ],
        signerName: c?.headName ?? null,
      };
    }
  }
}

/** A band's or level's name in the set that judged it. */
export function outcomeName(doc: CriteriaSetDocument | undefined, code: string | null | undefined, language: ExportLanguage = 'vi'): string {
  if (!code) return '';
  const named = doc?.points?.bands.find((b) => b.code === code)?.name ?? doc?.levels?.find((l) => l.code === code)?.name;
  return named ? named[language] : code;
}

/** The headline a list shows: "84 điểm · Khá", "Mức độ 2", "Chưa đạt mức nào". */
function headlineText(h: HeadlineRow | null, doc: CriteriaSetDocument | undefined, language: ExportLanguage): string | null {
  if (!h) return null;
  const parts: string[] = [];
  if (h.total !== undefined && h.total !== null) parts.push(language === 'vi' ? `${formatNumber(h.total)} điểm` : `${h.total} points`);
  if (h.band) parts.push(outcomeName(doc, h.band, language));
  const points = h.total !== undefined && h.total !== null;
  if (!points && h.level !== undefined) parts.push(h.level ? outcomeName(doc, h.level, language) : translate(language, 'titles.result.noLevel'));
  if (parts.length === 0) parts.push(translate(language, h.passed ? 'titles.result.passed' : 'titles.result.notPassed'));
  return parts.join(' · ');
}

interface AnnexRow {
  registrationId: string;
  subjectKind: string;
  subjectName: string;
  orgName: string;
  parentName: string | null;
  address: string | null;
  outcome: string | null;
  selfResult: EvaluationResult | null;
  reviewResult: EvaluationResult | null;
  versionId: string | null;
  validUntil: string | null;
}

/**
 * The decision's list in Vietnamese name order (as the title lists sort): once issued, exactly its
 * recognitions; a draft, the cases it holds with the result the review accepted.
 */
async function annexRows(tx: Executor, decisionId: string, issued: boolean): Promise<AnnexRow[]> {
  const which = issued ? sql`rc.decision_id = ${decisionId}` : sql`r.decision_id = ${decisionId}`;
  return rowsOf<AnnexRow>(
    await tx.execute(sql`
      select r.id as "registrationId", r.subject_kind as "subjectKind",
        coalesce(p.full_name, c.name, so.name, 'Hộ ' || coalesce(hp.full_name, h.code) || ' (' || h.code || ')') as "subjectName",
        o.name as "orgName", sop.name as "parentName", h.address,
        ${issued ? sql`rc.outcome` : sql`null`} as outcome, sa.result as "selfResult", ra.result as "reviewResult",
        coalesce(ra.criteria_version_id, sa.criteria_version_id) as "versionId", ${issued ? sql`rc.valid_until::text` : sql`null`} as "validUntil"
      from ${titleRegistration} r
      join ${org} o on o.id = r.org_id
      ${issued ? sql`join ${recognition} rc on rc.registration_id = r.id` : sql``}
      left join ${person} p on p.id = r.person_id
      left join ${household} h on h.id = r.household_id
      left join ${person} hp on hp.id = h.head_person_id
      left join ${clan} c on c.id = r.clan_id
      left join ${org} so on so.id = r.subject_org_id
      left join ${org} sop on sop.id = so.parent_id
      left join ${titleAssessment} sa on sa.registration_id = r.id and sa.stage = 'self'
      left join ${titleAssessment} ra on ra.registration_id = r.id and ra.stage = 'review'
      where ${which}
      order by coalesce(p.name_sort, c.name_sort, so.name_sort, hp.name_sort, '') collate "C", h.code, r.id`),
  );
}

/** The band or level a case is recognised with: the recognition's, else the accepted assessment's. */
function annexOutcome(r: AnnexRow): string | null {
  if (r.outcome) return r.outcome;
  const result = r.reviewResult ?? r.selfResult;
  if (!result) return null;
  return result.engine === 'points' ? (result.band?.code ?? null) : result.level;
}

function annexPlace(r: AnnexRow): string {
  if (r.subjectKind === 'household') return r.address ? `${r.address}, ${r.orgName}` : r.orgName;
  if (r.subjectKind === 'org') return r.parentName ?? '';
  return r.orgName;
}

// ── the service ─────────────────────────────────────────────────────────────

export function createRecognitionDocumentService(db: Db, deps: { orgs: OrgService; users: UserService; jobs: JobRunner; storage: FileStorage }) {
  const { orgs, users, jobs, storage } = deps;

  /** The subtrees of a list: the chosen organisation's (recognition.read there), or all the actor reads. */
  async function listPaths(actor: Actor, orgId?: string) {
    return orgId ? [(await orgs.requireAccess(db, actor, orgId, 'recognition.read')).path] : scopePaths(actor, 'recognition.read');
  }

  jobs.register(TITLE_REGISTER_EXPORT_JOB, async (ctx) => {
    const { query, language } = ctx.job.payload as { query: ExportQuery; language: ExportLanguage };
    const actor = await users.loadActor(db, ctx.job.createdBy!);
    // The policy is asked again when the job runs: grants may have changed since it was queued.
    const paths = await listPaths(actor, query.orgId);
    const filter = { paths, year: query.year, title: query.title, state: query.state, citizenGroup: query.citizenGroup, nameKey: query.q ? searchKey(query.q) : undefined };
    const documents = new Map<string, CriteriaSetDocument>();
    let versionOf = new Map<string, { self?: string; review?: string }>();
    const t = (key: MessageKey) => catalogues[language][key];
    const titleText = (r: CaseListRow) => {
      const name = t(`titles.name.${r.title}` as MessageKey) ?? r.title;
      const group = r.citizenGroup ? (CITIZEN_GROUPS as Record<string, { vi: string; en: string }>)[r.citizenGroup]?.[language].split(':')[0] : null;
      return group ? `${name} · ${group}` : name;
    };
    const columns: ListExportColumn<CaseListRow>[] = [
      { header: shownTitle('titles.list.col.subject'), width: 32, value: (r) => r.subjectName },
      { header: shownTitle('titles.list.col.unit'), width: 30, value: (r) => r.orgName },
      { header: shownTitle('titles.list.col.title'), width: 26, value: titleText },
      { header: shownTitle('titles.list.col.state'), width: 24, value: (r) => t(`titles.state.${r.state}` as MessageKey) ?? r.state },
      { header: shownTitle('titles.list.col.self'), width: 20, value: (r) => headlineText(r.selfResult, documents.get(versionOf.get(r.id)?.self ?? ''), language) },
      { header: shownTitle('titles.list.col.review'), width: 20, value: (r) => headlineText(r.reviewResult, documents.get(versionOf.get(r.id)?.review ?? ''), language) },
      { header: shownTitle('titles.list.col.updatedAt'), width: 12, value: (r) => formatDate(r.updatedAt) },
    ];
    /** The criteria versions behind a page's results, to name bands and levels. */
    async function loadVersions(rows: CaseListRow[]) {
      if (rows.length === 0) return;
      const used = await db
        .select({ registrationId: titleAssessment.registrationId, stage: titleAssessment.stage, versionId: titleAssessment.criteriaVersionId })
        .from(titleAssessment)
        .where(sql`${titleAssessment.registrationId} = any(${sql.param(rows.map((r) => r.id))}::uuid[])`);
      versionOf = new Map();
      for (const u of used) versionOf.set(u.registrationId, { ...versionOf.get(u.registrationId), [u.stage]: u.versionId });
      const missing = [...new Set(used.map((u) => u.versionId))].filter((id) => !documents.has(id));
      for (const [id, v] of await versionsByIds(db, missing)) documents.set(id, v.document);
    }
    return runListExport(storage, ctx, {
      actor,
      language,
      sheetName: { vi: 'Danh sách đăng ký danh hiệu', en: 'Title registrations' },
      numbered: true,
      columns,
      batch: async ({ offset, limit }) => {
        const page = await recognitionRepo.listCases(db, filter, limit, offset);
        await loadVersions(page.items);
        return page;
      },
      fileStem: `danh-sach-dang-ky-danh-hieu${query.year ? `-${query.year}` : ''}`,
      audit: { entity: 'title_registration', after: { query } },
    });
  });

  return {
    /** The case's self-assessment report and summary table as a Word file; kept and audited. */
    async registrationDocument(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const found = await caseRow(db, id);
      if (!found) throw caseNotFound();
      const reg = found.reg;
      const kind = reg.subjectKind as SubjectKind;
      const subjectId = (reg.personId ?? reg.householdId ?? reg.clanId ?? reg.subjectOrgId)!;
      const subject = (await loadSubjects(db, kind, [subjectId], todayInVietnam())).get(subjectId);
      authorizeCaseRead(actor, { subjectKind: kind, orgPath: found.orgPath, ownerUserId: kind === 'person' ? (subject?.userId ?? null) : null });
      if (!subject) throw caseNotFound();

      const { self, review } = await assessmentsOf(db, id);
      const versionId = self?.a.criteriaVersionId ?? review?.a.criteriaVersionId;
      let version = versionId ? (await versionsByIds(db, [versionId])).get(versionId) : undefined;
      if (!version) {
        const effective = await effectiveVersion(db, { title: reg.title, on: `${reg.year}-12-31`, orgPath: found.orgPath, citizenGroup: reg.citizenGroup ?? undefined });
        if (!effective) {
          throw ruleBroken('NO_CRITERIA_SET', `Chưa có bộ tiêu chí nào có hiệu lực cho năm ${reg.year}; hãy liên hệ quản trị viên.`, `No criteria set is in force for ${reg.year}; ask the administrator.`);
        }
        version = { no: effective.no, document: effective.document };
      }
      const facts = (row: typeof self): AssessmentFacts | null =>
        row
          ? {
              inputs: row.a.inputs,
              result: row.a.result,
              attributes: row.a.attributes,
              derived: row.a.derived as Record<string, StoredDerived | undefined>,
              comment: row.a.comment,
              assessedByName: row.assessedByName,
            }
          : null;
      const units = await chainNames(orgs, db, found.orgPath);
      const attributes = self?.a.attributes ?? [];
      const about = await subjectFacts(db, subject, units, reg.citizenGroup, attributes, countedOn(reg.year));
      const spec = assessmentReportSpec({
        year: reg.year,
        title: reg.title as LearningTitle,
        subjectKind: kind,
        subjectName: subject.name,
        orgKind: subject.orgKind,
        units: units.map((u) => u.name),
        facts: about.facts,
        signerName: about.signerName,
        date: todayInVietnam(self?.a.submittedAt ?? new Date()),
        criteria: { document: version.document, versionNo: version.no },
        self: facts(self),
        review: facts(review),
        evidenceLabels: await evidenceLabels(db, [self?.a.inputs ?? {}, review?.a.inputs ?? {}]),
      });
      const name = `bao-cao-tu-danh-gia-${slug(TITLE_NAMES_VI[reg.title as LearningTitle] ?? reg.title)}-${reg.year}-${slug(subject.name)}.docx`;
      const file = await saveGeneratedDocument(db, storage, ctx, await renderDocx(spec), {
        name,
        kind: 'title_self_assessment',
        sourceEntity: 'title_registration',
        sourceId: id,
        orgId: reg.orgId,
        details: {
          state: reg.state,
          criteriaVersionId: versionId ?? null,
          selfAssessmentId: self?.a.id ?? null,
          selfUpdatedAt: self?.a.updatedAt.toISOString() ?? null,
          reviewAssessmentId: review?.a.id ?? null,
          reviewUpdatedAt: review?.a.updatedAt.toISOString() ?? null,
        },
      });
      return { fileId: file.id, name };
    },

    /** The decision with its annexed list as a Word file ("DỰ THẢO" while a draft); kept and audited. */
    async decisionDocument(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const [found] = await db
        .select({ d: recognitionDecision, orgPath: org.path })
        .from(recognitionDecision)
        .innerJoin(org, sql`${org.id} = ${recognitionDecision.orgId}`)
        .where(sql`${recognitionDecision.id} = ${id}`);
      if (!found || !can(actor, 'recognition.read', found.orgPath)) throw decisionNotFound();
      const d = found.d;
      const issued = d.state === 'issued';
      const rows = await annexRows(db, id, issued);
      const versions = await versionsByIds(db, [...new Set(rows.flatMap((r) => (r.versionId ? [r.versionId] : [])))]);
      const documents = [...versions.values()].map((v) => v.document);
      const entries: DecisionEntry[] = rows.map((r) => ({
        name: r.subjectName,
        place: annexPlace(r),
        result: outcomeName(r.versionId ? versions.get(r.versionId)?.document : undefined, annexOutcome(r)),
      }));
      const validityMonths = documents.find((doc) => doc.validityMonths)?.validityMonths ?? null;
      const lastDays = [...new Set(rows.map((r) => r.validUntil).filter((v): v is string => !!v))];
      const units = await chainNames(orgs, db, found.orgPath);
      const spec = decisionDocumentSpec({
        title: d.title as LearningTitle,
        year: d.year,
        subjectKind: TITLE_SUBJECT[d.title as LearningTitle],
        issuingBody: d.issuingBody,
        governingBody: units[1]?.name ?? null,
        units: units.map((u) => u.name),
        number: d.number,
        signedOn: d.signedOn,
        signerName: d.signerName,
        signerPosition: d.signerPosition,
        draft: !issued,
        today: todayInVietnam(),
        sources: [...new Set(documents.map((doc) => doc.source.document))],
        validityMonths,
        validUntil: issued ? (lastDays.length === 1 ? lastDays[0] : null) : d.signedOn ? validUntil(d.signedOn, validityMonths ?? undefined) : null,
        entries,
      });
      const name = `quyet-dinh-cong-nhan-${slug(TITLE_NAMES_VI[d.title as LearningTitle] ?? d.title)}-${d.year}-${d.number ? slug(d.number) : 'du-thao'}.docx`;
      const file = await saveGeneratedDocument(db, storage, ctx, await renderDocx(spec), {
        name,
        kind: 'recognition_decision',
        sourceEntity: 'recognition_decision',
        sourceId: id,
        orgId: d.orgId,
        details: { state: d.state, number: d.number, signedOn: d.signedOn, entries: rows.length, updatedAt: d.updatedAt.toISOString() },
      });
      return { fileId: file.id, name };
    },

    /** The cases list as shown (same filters, scope and order) to Excel, as a job; audited. */
    async exportRegistrations(ctx: RequestContext, query: ExportQuery, language: ExportLanguage) {
      const actor = requireActor(ctx);
      await listPaths(actor, query.orgId);
      return queueListExport(db, jobs, ctx, TITLE_REGISTER_EXPORT_JOB, { payload: { query, language }, orgId: query.orgId ?? null, entity: 'title_registration', after: { query } });
    },
  };
}

export type RecognitionDocumentService = ReturnType<typeof createRecognitionDocumentService>;

// ── routes ──────────────────────────────────────────────────────────────────

const tags = ['titles'];

export const registrationsExportSchema = casesQuery.omit({ page: true, pageSize: true }).extend({ language: exportLanguage });

export function recognitionDocumentRoutes(app: ZApp, documents: RecognitionDocumentService) {
  app.post(
    '/api/v1/titles/registrations/export',
    { schema: { tags, summary: 'The cases list as shown (same filters and order) to Excel; a background job, audited', body: registrationsExportSchema } },
    async (request, reply) => {
      const { language, ...query } = request.body;
      return reply.status(202).send(await documents.exportRegistrations(request.ctx, query, language));
    },
  );
  app.post(
    '/api/v1/titles/registrations/:id/document',
    { schema: { tags, summary: 'The self-assessment report and summary table of a case as a Word file in the official layout (download it from /files/:fileId)', params: uuidParam } },
    async (request, reply) => reply.status(201).send(await documents.registrationDocument(request.ctx, request.params.id)),
  );
  app.post(
    '/api/v1/titles/decisions/:id/document',
    { schema: { tags, summary: 'A recognition decision with its annexed list as a Word file ("DỰ THẢO" while a draft)', params: uuidParam } },
    async (request, reply) => reply.status(201).send(await documents.decisionDocument(request.ctx, request.params.id)),
  );
}
