/**
 * Queries of title cases, assessments, events, decisions and recognitions. Subjects' names and sort
 * keys are read from person, household, clan and org (read-side join, see docs/decisions.md), so lists
 * sort in Vietnamese name order on every engine.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { containsPattern } from '../../db/columns.js';
import { org } from '../org/org.table.js';
import { clan, household, person } from '../people/people.table.js';
import { criteriaSet, criteriaSetVersion } from '../criteria/criteria.table.js';
import { roleGrant, userAccount } from '../user/user.table.js';
import { recognition, recognitionDecision, registrationEvent, titleAssessment, titleRegistration } from './recognition.table.js';

export type RegistrationRow = typeof titleRegistration.$inferSelect;
export type AssessmentRow = typeof titleAssessment.$inferSelect;
export type DecisionRow = typeof recognitionDecision.$inferSelect;
export type RecognitionRow = typeof recognition.$inferSelect;

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The subject's id of a registration (or recognition) row. */
export const subjectIdOf = (r: { personId: string | null; householdId: string | null; clanId: string | null; subjectOrgId: string | null }) =>
  (r.personId ?? r.householdId ?? r.clanId ?? r.subjectOrgId)!;

/** The subject column of a kind. */
export const subjectColumn = (kind: string) =>
  ({ person: 'personId', household: 'householdId', clan: 'clanId', org: 'subjectOrgId' })[kind] as 'personId' | 'householdId' | 'clanId' | 'subjectOrgId';

export interface CaseFilter {
  /** Subtrees (paths) the actor reads; a case is listed when its organisation lies in one. */
  paths: string[];
  year?: number;
  title?: string;
  state?: string;
  citizenGroup?: string;
  nameKey?: string;
  personId?: string;
  decisionId?: string;
  ids?: string[];
}

/** A case as lists show it: the registration, its subject's name, headline results, recognition. */
export interface CaseListRow {
  id: string;
  year: number;
  title: string;
  subjectKind: string;
  subjectId: string;
  subjectName: string;
  orgId: string;
  orgName: string;
  orgPath: string;
  citizenGroup: string | null;
  state: string;
  decisionId: string | null;
  selfResult: HeadlineRow | null;
  reviewResult: HeadlineRow | null;
  recognitionId: string | null;
  outcome: string | null;
  validFrom: string | null;
  validUntil: string | null;
  revokedAt: Date | string | null;
  certificateCode: string | null;
  updatedAt: Date | string;
}

export interface HeadlineRow {
  total?: number | null;
  band?: string | null;
  level?: string | null;
  passed: boolean;
}

/** The headline of a stored result, without its per-indicator detail. */
const headline = (alias: string) =>
  sql.raw(`case when ${alias}.result is null then null else jsonb_build_object(
     'total', ${alias}.result->'total', 'band', ${alias}.result->'band'->>'code', 'level', ${alias}.result->'level', 'passed', coalesce((${alias}.result->>'passed')::boolean, false)) end`);

function caseWhere(f: CaseFilter): SQL {
  const parts: SQL[] = [];
  if (!f.paths.includes('/')) parts.push(f.paths.length ? sql`(${sql.join(f.paths.map((p) => sql`o.path like ${p + '%'}`), sql` or `)})` : sql`false`);
  if (f.year !== undefined) parts.push(sql`r.year = ${f.year}`);
  if (f.title) parts.push(sql`r.title = ${f.title}`);
  if (f.state) parts.push(sql`r.state = ${f.state}`);
  if (f.citizenGroup) parts.push(sql`r.citizen_group = ${f.citizenGroup}`);
  if (f.personId) parts.push(sql`r.person_id = ${f.personId}`);
  if (f.decisionId) parts.push(sql`r.decision_id = ${f.decisionId}`);
  if (f.ids) parts.push(f.ids.length ? sql`r.id = any(${sql.param(f.ids)}::uuid[])` : sql`false`);
  if (f.nameKey) {
    const like = containsPattern(f.nameKey);
    parts.push(sql`(p.name_search like ${like} or c.name_search like ${like} or so.name_search like ${like} or hp.name_search like ${like} or h.code like ${like})`);
  }
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

const caseFrom = sql`
  from ${titleRegistration} r
  join ${org} o on o.id = r.org_id
  left join ${person} p on p.id = r.person_id
  left join ${household} h on h.id = r.household_id
  left join ${person} hp on hp.id = h.head_person_id
  left join ${clan} c on c.id = r.clan_id
  left join ${org} so on so.id = r.subject_org_id`;

function caseSelect(where: SQL) {
  return sql`
    select r.id, r.year, r.title, r.subject_kind as "subjectKind",
      coalesce(r.person_id, r.household_id, r.clan_id, r.subject_org_id) as "subjectId",
      coalesce(p.full_name, c.name, so.name, 'Hộ ' || coalesce(hp.full_name, h.code) || ' (' || h.code || ')') as "subjectName",
      r.org_id as "orgId", o.name as "orgName", o.path as "orgPath", r.citizen_group as "citizenGroup", r.state, r.decision_id as "decisionId",
      ${headline('sa')} as "selfResult", ${headline('ra')} as "reviewResult",
      rc.id as "recognitionId", rc.outcome, rc.valid_from::text as "validFrom", rc.valid_until::text as "validUntil", rc.revoked_at as "revokedAt",
      rc.certificate_code as "certificateCode", r.updated_at as "updatedAt"
    ${caseFrom}
    left join ${titleAssessment} sa on sa.registration_id = r.id and sa.stage = 'self'
    left join ${titleAssessment} ra on ra.registration_id = r.id and ra.stage = 'review'
    left join ${recognition} rc on rc.registration_id = r.id
    where ${where}`;
}

/** Vietnamese name order: a person's given name first (person.name_sort), a household by its head's. */
const caseOrder = sql`order by coalesce(p.name_sort, c.name_sort, so.name_sort, hp.name_sort, '') collate "C", h.code, r.id`;

export const recognitionRepo = {
  // ── cases ─────────────────────────────────────────────────────────────────
  async listCases(tx: Executor, f: CaseFilter, limit: number, offset: number) {
    const where = caseWhere(f);
    const [items, [{ total }]] = await Promise.all([
      tx.execute(sql`${caseSelect(where)} ${caseOrder} limit ${limit} offset ${offset}`).then(rowsOf<CaseListRow>),
      tx.execute(sql`select count(*)::int as total ${caseFrom} where ${where}`).then(rowsOf<{ total: number }>),
    ]);
    return { items, total };
  },

  async findCase(tx: Executor, id: string) {
    const [row] = await tx
      .select({ reg: titleRegistration, orgName: org.name, orgPath: org.path })
      .from(titleRegistration)
      .innerJoin(org, eq(org.id, titleRegistration.orgId))
      .where(eq(titleRegistration.id, id));
    return row;
  },

  /** Several cases, locked for update (bulk acts, decisions). */
  lockCases(tx: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return tx
      .select({ reg: titleRegistration, orgName: org.name, orgPath: org.path })
      .from(titleRegistration)
      .innerJoin(org, eq(org.id, titleRegistration.orgId))
      .where(inArray(titleRegistration.id, ids))
      .for('update', { of: titleRegistration });
  },

  /** Which of these subjects already have a case for the title and year. */
  async alreadyRegistered(tx: Executor, title: string, year: number, kind: string, subjectIds: string[]): Promise<Set<string>> {
    if (subjectIds.length === 0) return new Set();
    const col = titleRegistration[subjectColumn(kind)];
    const rows = await tx
      .select({ id: col })
      .from(titleRegistration)
      .where(and(eq(titleRegistration.title, title), eq(titleRegistration.year, year), inArray(col, subjectIds)));
    return new Set(rows.map((r) => r.id!));
  },

  async insertCases(tx: Executor, rows: (typeof titleRegistration.$inferInsert)[]): Promise<RegistrationRow[]> {
    const out: RegistrationRow[] = [];
    for (let i = 0; i < rows.length; i += 1000) out.push(...(await tx.insert(titleRegistration).values(rows.slice(i, i + 1000)).returning()));
    return out;
  },

  async updateCase(tx: Executor, id: string, set: Partial<typeof titleRegistration.$inferInsert>): Promise<RegistrationRow> {
    const [row] = await tx.update(titleRegistration).set({ ...set, updatedAt: new Date() }).where(eq(titleRegistration.id, id)).returning();
    return row;
  },

  // ── assessments ───────────────────────────────────────────────────────────
  async assessmentsOf(tx: Executor, registrationId: string) {
    const rows = await tx
      .select({ a: titleAssessment, assessedByName: userAccount.displayName })
      .from(titleAssessment)
      .leftJoin(userAccount, eq(userAccount.id, titleAssessment.assessedBy))
      .where(eq(titleAssessment.registrationId, registrationId));
    return { self: rows.find((r) => r.a.stage === 'self'), review: rows.find((r) => r.a.stage === 'review') };
  },

  async saveAssessment(tx: Executor, row: typeof titleAssessment.$inferInsert): Promise<AssessmentRow> {
    const [saved] = await tx
      .insert(titleAssessment)
      .values(row)
      .onConflictDoUpdate({
        target: [titleAssessment.registrationId, titleAssessment.stage],
        set: {
          criteriaVersionId: row.criteriaVersionId,
          attributes: row.attributes,
          inputs: row.inputs,
          derived: row.derived,
          result: row.result,
          comment: row.comment,
          assessedBy: row.assessedBy,
          updatedAt: new Date(),
        },
      })
      .returning();
    return saved;
  },

  async markSubmitted(tx: Executor, assessmentId: string) {
    await tx.update(titleAssessment).set({ submittedAt: new Date() }).where(eq(titleAssessment.id, assessmentId));
  },

  // ── events ────────────────────────────────────────────────────────────────
  async addEvents(tx: Executor, rows: (typeof registrationEvent.$inferInsert)[]) {
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(registrationEvent).values(rows.slice(i, i + 1000));
  },

  eventsOf(tx: Executor, registrationId: string) {
    return tx
      .select({ e: registrationEvent, actorName: userAccount.displayName })
      .from(registrationEvent)
      .leftJoin(userAccount, eq(userAccount.id, registrationEvent.actorId))
      .where(eq(registrationEvent.registrationId, registrationId))
      .orderBy(asc(registrationEvent.createdAt), asc(registrationEvent.id));
  },

  // ── criteria versions (read-only; the criteria module owns them) ─────────
  async version(tx: Executor, id: string) {
    const [row] = await tx
      .select({ id: criteriaSetVersion.id, setId: criteriaSetVersion.setId, no: criteriaSetVersion.no, state: criteriaSetVersion.state, document: criteriaSetVersion.document, title: criteriaSet.title })
      .from(criteriaSetVersion)
      .innerJoin(criteriaSet, eq(criteriaSet.id, criteriaSetVersion.setId))
      .where(eq(criteriaSetVersion.id, id));
    return row;
  },

  /** Users holding `role` exactly on an organisation (messages about an organisation's own case). */
  holdersOf(tx: Executor, orgId: string, role: string) {
    return tx
      .select({ userId: roleGrant.userId })
      .from(roleGrant)
      .where(and(eq(roleGrant.orgId, orgId), eq(roleGrant.role, role)))
      .then((r) => r.map((x) => x.userId));
  },

  // ── decisions ─────────────────────────────────────────────────────────────
  async insertDecision(tx: Executor, row: typeof recognitionDecision.$inferInsert): Promise<DecisionRow> {
    const [created] = await tx.insert(recognitionDecision).values(row).returning();
    return created;
  },

  async updateDecision(tx: Executor, id: string, set: Partial<typeof recognitionDecision.$inferInsert>): Promise<DecisionRow> {
    const [row] = await tx.update(recognitionDecision).set({ ...set, updatedAt: new Date() }).where(eq(recognitionDecision.id, id)).returning();
    return row;
  },

  async findDecision(tx: Executor, id: string, lock = false) {
    const q = tx
      .select({ decision: recognitionDecision, orgName: org.name, orgPath: org.path })
      .from(recognitionDecision)
      .innerJoin(org, eq(org.id, recognitionDecision.orgId))
      .where(eq(recognitionDecision.id, id));
    const [row] = await (lock ? q.for('update', { of: recognitionDecision }) : q);
    return row;
  },

  async listDecisions(tx: Executor, f: { paths: string[]; year?: number; title?: string; orgPath?: string }, limit: number, offset: number) {
    const parts: SQL[] = [];
    if (!f.paths.includes('/')) parts.push(f.paths.length ? sql`(${sql.join(f.paths.map((p) => sql`o.path like ${p + '%'}`), sql` or `)})` : sql`false`);
    if (f.orgPath) parts.push(sql`o.path like ${f.orgPath + '%'}`);
    if (f.year !== undefined) parts.push(sql`d.year = ${f.year}`);
    if (f.title) parts.push(sql`d.title = ${f.title}`);
    const where = parts.length ? sql.join(parts, sql` and `) : sql`true`;
    const from = sql`from ${recognitionDecision} d join ${org} o on o.id = d.org_id where ${where}`;
    const [items, [{ total }]] = await Promise.all([
      tx
        .execute(
          sql`select d.id, d.org_id as "orgId", o.name as "orgName", d.year, d.title, d.number, d.signed_on::text as "signedOn", d.signer_name as "signerName",
                d.signer_position as "signerPosition", d.issuing_body as "issuingBody", d.state, d.issued_at as "issuedAt", d.updated_at as "updatedAt",
                (select count(*)::int from ${titleRegistration} r where r.decision_id = d.id) as "count"
              ${from} order by d.year desc, d.signed_on desc nulls first, d.created_at desc, d.id limit ${limit} offset ${offset}`,
        )
        .then(rowsOf<Record<string, unknown>>),
      tx.execute(sql`select count(*)::int as total ${from}`).then(rowsOf<{ total: number }>),
    ]);
    return { items, total };
  },

  async setDecisionOf(tx: Executor, registrationIds: string[], decisionId: string | null) {
    if (registrationIds.length === 0) return;
    await tx.update(titleRegistration).set({ decisionId, updatedAt: new Date() }).where(inArray(titleRegistration.id, registrationIds));
  },

  async clearDecision(tx: Executor, decisionId: string) {
    await tx.update(titleRegistration).set({ decisionId: null }).where(eq(titleRegistration.decisionId, decisionId));
  },

  // ── recognitions ──────────────────────────────────────────────────────────
  async insertRecognitions(tx: Executor, rows: (typeof recognition.$inferInsert)[]): Promise<RecognitionRow[]> {
    const out: RecognitionRow[] = [];
    for (let i = 0; i < rows.length; i += 1000) out.push(...(await tx.insert(recognition).values(rows.slice(i, i + 1000)).returning()));
    return out;
  },

  async findRecognition(tx: Executor, id: string) {
    const [row] = await tx
      .select({ rec: recognition, casePath: org.path, decision: recognitionDecision })
      .from(recognition)
      .innerJoin(org, eq(org.id, recognition.orgId))
      .innerJoin(recognitionDecision, eq(recognitionDecision.id, recognition.decisionId))
      .where(eq(recognition.id, id))
      .for('update', { of: recognition });
    if (!row) return undefined;
    const [decisionOrg] = await tx.select({ path: org.path }).from(org).where(eq(org.id, row.decision.orgId));
    return { ...row, decisionOrgPath: decisionOrg.path };
  },

  async revoke(tx: Executor, id: string, set: { revokedAt: Date; revokedBy: string | null; revokeReason: string }) {
    const [row] = await tx.update(recognition).set(set).where(eq(recognition.id, id)).returning();
    return row;
  },

  /** Recognitions as lists show them, by subject name; `state` valid / revoked / expired on `today`. */
  async listRecognitions(tx: Executor, f: CaseFilter & { recognitionState?: 'valid' | 'revoked' | 'expired'; today: string }, limit: number, offset: number) {
    const parts: SQL[] = [caseWhere(f), sql`rc.id is not null`];
    if (f.recognitionState === 'revoked') parts.push(sql`rc.revoked_at is not null`);
    if (f.recognitionState === 'expired') parts.push(sql`rc.revoked_at is null and rc.valid_until is not null and rc.valid_until < ${f.today}`);
    if (f.recognitionState === 'valid') parts.push(sql`rc.revoked_at is null and (rc.valid_until is null or rc.valid_until >= ${f.today})`);
    const where = sql.join(parts, sql` and `);
    const from = sql`${caseFrom} join ${recognition} rc on rc.registration_id = r.id join ${recognitionDecision} d on d.id = rc.decision_id`;
    const [items, [{ total }]] = await Promise.all([
      tx
        .execute(
          sql`select rc.id, rc.year, rc.title, r.id as "registrationId", r.subject_kind as "subjectKind",
                coalesce(r.person_id, r.household_id, r.clan_id, r.subject_org_id) as "subjectId",
                coalesce(p.full_name, c.name, so.name, 'Hộ ' || coalesce(hp.full_name, h.code) || ' (' || h.code || ')') as "subjectName",
                r.org_id as "orgId", o.name as "orgName", rc.outcome, rc.valid_from::text as "validFrom", rc.valid_until::text as "validUntil",
                rc.revoked_at as "revokedAt", rc.revoke_reason as "revokeReason", rc.certificate_code as "certificateCode",
                d.id as "decisionId", d.number as "decisionNumber", d.signed_on::text as "decisionSignedOn", d.issuing_body as "issuingBody"
              ${from} where ${where} ${caseOrder} limit ${limit} offset ${offset}`,
        )
        .then(rowsOf<Record<string, unknown> & { validUntil: string | null; revokedAt: string | Date | null }>),
      tx.execute(sql`select count(*)::int as total ${from} where ${where}`).then(rowsOf<{ total: number }>),
    ]);
    return { items, total };
  },

  // ── figures ───────────────────────────────────────────────────────────────
  /**
   * Registered and recognised cases of a subtree per direct child of its root ('' = the root itself),
   * title and citizen group. Recognised: recognised by a decision, the recognition not revoked.
   */
  caseCounts(tx: Executor, f: { path: string; rootId: string; year: number; title?: string }) {
    return tx
      .execute(
        sql`select split_part(substr(o.path, ${f.path.length + 1}), '/', 1) as "childId", r.title, r.citizen_group as "citizenGroup",
              count(*)::int as registered,
              count(*) filter (where r.state = 'recognised' and rc.revoked_at is null)::int as recognised
            from ${titleRegistration} r join ${org} o on o.id = r.org_id
            left join ${recognition} rc on rc.registration_id = r.id
            where o.path like ${f.path + '%'} and r.year = ${f.year} and r.state <> 'withdrawn'
              and (r.subject_org_id is null or r.subject_org_id <> ${f.rootId}) ${f.title ? sql`and r.title = ${f.title}` : sql``}
            group by 1, 2, 3`,
      )
      .then(rowsOf<{ childId: string; title: string; citizenGroup: string | null; registered: number; recognised: number }>);
  },
};
