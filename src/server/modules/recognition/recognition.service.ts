/**
 * Titles (danh hiệu) by official criteria: a subject registers for a title in a year, assesses
 * itself against the criteria set in force (the version is kept with the assessment, so a later
 * version never changes a stored result), submits; the level above reviews (may assess again, then
 * accepts, returns or rejects); a decision (quyết định công nhận) lists the reviewed cases and, once
 * issued, creates the recognitions with their certificate codes; a recognition may be revoked.
 * Every act is a `registration_event` the subject sees, audited in its transaction; transitions are
 * in workflow.ts, who may act in recognition.policy.ts.
 */
import { randomBytes } from 'node:crypto';
import type { Bilingual } from '../../../shared/api-types.js';
import type { ImportRegistration } from '../../../shared/api-types.js';
import type { RegistrationImportRecord } from '../dataImport/rows.js';
import { checkRegistrationSettings, createRegistrationResolver } from './recognition.import.js';
import { TITLE_NAMES, TITLE_SUBJECT, type AssessmentInputs, type CriteriaSetDocument, type LearningTitle, type SubjectAttribute, type SubjectKind } from '../../../shared/criteria.js';
import { searchKey } from '../../../shared/vn-text.js';
import type { Db, Executor, Tx } from '../../db/index.js';
import { recordAudit, recordAudits } from '../../platform/audit/audit.js';
import { AppError, conflict, invalid, notFound, ruleBroken } from '../../platform/errors.js';
import { authorOf, requireActor, type RequestContext } from '../../platform/http/context.js';
import { notify, type NewNotification } from '../../platform/notifications/notifications.js';
import { can, scopePaths, type Actor } from '../../platform/policy.js';
import { todayInVietnam } from '../../platform/time.js';
import { effectiveVersion } from '../criteria/criteria.service.js';
import { evaluate, validateInputs } from '../criteria/engines/index.js';
import type { EvaluationResult, InputError } from '../criteria/engines/types.js';
import type { OrgService } from '../org/org.service.js';
import type { PeopleService } from '../people/people.service.js';
import { derivedValues, type DerivedValue } from './derived-facts.js';
import {
  authorizeCaseManage,
  authorizeCaseRead,
  authorizeCaseReview,
  authorizeDecide,
  canReadCase,
  caseNotFound,
  insideOf,
  rolesOn,
  type CaseScope,
} from './recognition.policy.js';
import { recognitionRepo, subjectColumn, subjectIdOf, type AssessmentRow, type CaseListRow, type DecisionRow, type RegistrationRow } from './recognition.repo.js';
import type { AssessmentInput, CasesQuery, DecisionInput, DecisionUpdate, RecognitionsQuery, RegisterBulkInput, RegisterInput } from './recognition.schemas.js';
import { checkTitleFits, loadSubjects, prefillAttributes, type Subject } from './subject.js';
import { titleSummary } from './summary.js';
import { allows, STATE_NAMES, transition, type CaseAct, type RegistrationState } from './workflow.js';

const decisionNotFound = () => notFound({ vi: 'Không tìm thấy quyết định công nhận.', en: 'Recognition decision not found.' });
const recognitionNotFound = () => notFound({ vi: 'Không tìm thấy danh hiệu đã công nhận.', en: 'Recognition not found.' });

/** RFC 4648 base32 without padding: 16 random bytes (128 bits) give 26 characters. */
export function certificateCode(bytes: Buffer = randomBytes(16)): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** The last day a recognition holds: the day before the same date `months` later (null: no limit). */
export function validUntil(from: string, months: number | undefined): string | null {
  if (!months) return null;
  const [y, m, d] = from.split('-').map(Number);
  const lastOfMonth = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const same = new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastOfMonth)));
  same.setUTCDate(same.getUTCDate() - 1);
  return same.toISOString().slice(0, 10);
}

/** The day whose people, units and rules count for a year: its end, or today while it runs. */
const countedOn = (year: number) => {
  const today = todayInVietnam();
  const end = `${year}-12-31`;
  return today < end ? (today < `${year}-01-01` ? `${year}-01-01` : today) : end;
};

/** The headline of a result (events, lists). */
export function headlineOf(result: EvaluationResult | null | undefined) {
  if (!result) return null;
  return result.engine === 'points'
    ? { total: result.total, max: result.max, band: result.band?.code ?? null, passed: result.passed }
    : { level: result.level, passed: result.passed };
}

/** The outcome a decision recognises: the band (points) or the level (levels). */
const outcomeOf = (result: EvaluationResult | null | undefined) => (!result ? null : result.engine === 'points' ? (result.band?.code ?? null) : result.level);

/** An input the engine refused: 400 naming the indicator (every issue in `issues`). */
function invalidInputs(errors: InputError[]): AppError {
  const first = errors[0];
  const names = (m: string, word: string) => (m.includes(first.indicator) ? m : `${word} ${first.indicator}: ${m}`);
  return new AppError(400, 'INVALID_ASSESSMENT', { vi: names(first.message.vi, 'Chỉ tiêu'), en: names(first.message.en, 'Indicator') }, first.indicator, {
    reason: first.code,
    issues: errors,
  });
}

const derivedNumbers = (derived: Record<string, DerivedValue>) => Object.fromEntries(Object.entries(derived).map(([k, v]) => [k, v.value]));

type LoadedCase = Awaited<ReturnType<typeof recognitionRepo.findCase>> & { subject: Subject; scope: CaseScope };

export function createRecognitionService(db: Db, deps: { orgs: OrgService; people: PeopleService }) {
  const { orgs, people } = deps;

  // ── loading and presenting ────────────────────────────────────────────────
  async function subjectOf(tx: Executor, reg: RegistrationRow): Promise<Subject> {
    const id = subjectIdOf(reg);
    const found = (await loadSubjects(tx, reg.subjectKind as SubjectKind, [id], todayInVietnam())).get(id);
    return found ?? { kind: reg.subjectKind as SubjectKind, id, name: '', orgId: reg.orgId, orgName: '', orgPath: '', orgKind: null, userId: null, citizenGroup: null };
  }

  const scopeOf = (reg: RegistrationRow, orgPath: string, subject: Subject): CaseScope => ({
    subjectKind: reg.subjectKind,
    orgPath,
    ownerUserId: reg.subjectKind === 'person' ? subject.userId : null,
  });

  /** A case the actor may read (404 otherwise), with its subject. */
  async function loadCase(tx: Executor, actor: Actor, id: string): Promise<LoadedCase> {
    const found = await recognitionRepo.findCase(tx, id);
    if (!found) throw caseNotFound();
    const subject = await subjectOf(tx, found.reg);
    const scope = scopeOf(found.reg, found.orgPath, subject);
    authorizeCaseRead(actor, scope);
    return { ...found, subject, scope };
  }

  const presentRegistration = (reg: RegistrationRow, c: { orgName: string }, subject: Subject) => ({
    id: reg.id,
    year: reg.year,
    title: reg.title as LearningTitle,
    subjectKind: reg.subjectKind as SubjectKind,
    subjectId: subjectIdOf(reg),
    subjectName: subject.name,
    orgId: reg.orgId,
    orgName: c.orgName,
    citizenGroup: reg.citizenGroup,
    state: reg.state as RegistrationState,
    reviewComment: reg.reviewComment,
    decisionId: reg.decisionId,
    createdAt: reg.createdAt.toISOString(),
    updatedAt: reg.updatedAt.toISOString(),
  });

  const presentAssessment = (a: AssessmentRow, assessedByName: string | null) => ({
    id: a.id,
    stage: a.stage as 'self' | 'review',
    criteriaVersionId: a.criteriaVersionId,
    attributes: a.attributes,
    inputs: a.inputs,
    derived: a.derived,
    result: a.result,
    comment: a.comment,
    assessedByName,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  });

  const presentListRow = (r: CaseListRow) => ({
    id: r.id,
    year: r.year,
    title: r.title as LearningTitle,
    subjectKind: r.subjectKind as SubjectKind,
    subjectId: r.subjectId,
    subjectName: r.subjectName,
    orgId: r.orgId,
    orgName: r.orgName,
    citizenGroup: r.citizenGroup,
    state: r.state as RegistrationState,
    self: r.selfResult,
    review: r.reviewResult,
    recognition: r.recognitionId ? { id: r.recognitionId, outcome: r.outcome, validFrom: r.validFrom, validUntil: r.validUntil, revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null } : null,
    updatedAt: new Date(r.updatedAt).toISOString(),
  });

  /** The criteria version an assessment uses: the one asked for, the one already used, or the one in force on 31/12. */
  async function versionFor(tx: Executor, c: LoadedCase, existing: AssessmentRow | undefined, requestedId?: string) {
    const id = requestedId ?? existing?.criteriaVersionId;
    if (id) {
      const v = await recognitionRepo.version(tx, id);
      if (!v || v.state !== 'published' || v.title !== c.reg.title) {
        throw invalid('criteriaVersionId', 'Phiên bản bộ tiêu chí không dùng được cho danh hiệu này (chưa ban hành hoặc của danh hiệu khác).', 'That criteria version cannot be used for this title (not published, or for another title).');
      }
      return { id: v.id, setId: v.setId, no: v.no, document: v.document };
    }
    const effective = await effectiveVersion(tx, { title: c.reg.title, on: `${c.reg.year}-12-31`, orgPath: c.orgPath, citizenGroup: c.reg.citizenGroup ?? undefined });
    if (!effective) {
      throw ruleBroken(
        'NO_CRITERIA_SET',
        `Chưa có bộ tiêu chí ${TITLE_NAMES[c.reg.title as LearningTitle].vi} nào có hiệu lực cho năm ${c.reg.year}; hãy liên hệ quản trị viên.`,
        `No ${TITLE_NAMES[c.reg.title as LearningTitle].en} criteria set is in force for ${c.reg.year}; ask the administrator.`,
        'criteriaVersionId',
      );
    }
    return { id: effective.versionId, setId: effective.setId, no: effective.no, document: effective.document };
  }

  const derivedSubject = (c: LoadedCase) => ({ kind: c.reg.subjectKind as SubjectKind, id: subjectIdOf(c.reg), year: c.reg.year });

  /** Who hears about a case: the person (or the household's, clan's head), or an organisation's heads. */
  async function subjectUsers(tx: Executor, reg: RegistrationRow, subject: Subject): Promise<string[]> {
    if (reg.subjectKind === 'org') return recognitionRepo.holdersOf(tx, reg.orgId, 'unit_head');
    return subject.userId ? [subject.userId] : [];
  }

  async function tell(tx: Executor, actor: Actor, reg: RegistrationRow, subject: Subject, act: CaseAct, comment: string | null | undefined) {
    const title = TITLE_NAMES[reg.title as LearningTitle];
    const why = comment ? `: ${comment}` : '.';
    const messages: Partial<Record<CaseAct, Bilingual>> = {
      return: { vi: `Hồ sơ ${title.vi} năm ${reg.year} của ${subject.name} được trả lại để bổ sung${why}`, en: `The ${reg.year} ${title.en} case of ${subject.name} was returned${why}` },
      reject: { vi: `Hồ sơ ${title.vi} năm ${reg.year} của ${subject.name} không được công nhận${why}`, en: `The ${reg.year} ${title.en} case of ${subject.name} was not recognised${why}` },
      recognise: { vi: `${subject.name} đã được công nhận danh hiệu ${title.vi} năm ${reg.year}.`, en: `${subject.name} was recognised as ${title.en} for ${reg.year}.` },
      revoke: { vi: `Danh hiệu ${title.vi} năm ${reg.year} của ${subject.name} đã bị thu hồi${why}`, en: `The ${reg.year} ${title.en} recognition of ${subject.name} was revoked${why}` },
    };
    const message = messages[act];
    if (!message) return;
    const users = (await subjectUsers(tx, reg, subject)).filter((u) => u !== actor.userId);
    const rows: NewNotification[] = users.map((userId) => ({ userId, kind: `title.${act}`, message, link: `/titles/registrations/${reg.id}` }));
    await notify(tx, rows);
  }

  /** One act on a loaded case: state, event, audit, message. */
  async function applyAct(
    tx: Tx,
    ctx: RequestContext,
    c: LoadedCase,
    act: CaseAct,
    opts: { comment?: string | null; selfAssessed?: boolean; passed?: boolean; summary?: Record<string, unknown> | null; set?: Partial<RegistrationRow> } = {},
  ) {
    const actor = requireActor(ctx);
    const state = transition(act, { state: c.reg.state as RegistrationState, roles: act === 'recognise' || act === 'revoke' ? ['decider'] : rolesOn(actor, c.scope), comment: opts.comment, selfAssessed: opts.selfAssessed, passed: opts.passed });
    const updated = state !== c.reg.state || opts.set ? await recognitionRepo.updateCase(tx, c.reg.id, { state, ...opts.set }) : c.reg;
    await recognitionRepo.addEvents(tx, [{ registrationId: c.reg.id, act, stateAfter: state, comment: opts.comment ?? null, summary: opts.summary ?? null, actorId: authorOf(actor) }]);
    await recordAudit(tx, ctx, {
      action: act,
      entity: 'title_registration',
      entityId: c.reg.id,
      orgId: c.reg.orgId,
      before: { state: c.reg.state },
      after: { state, ...(opts.comment ? { comment: opts.comment } : {}), ...(opts.summary ? { summary: opts.summary } : {}) },
    });
    await tell(tx, actor, updated, c.subject, act, opts.comment);
    return updated;
  }

  /** Re-throws a rule broken on one case of a batch with the subject's name, on `field`. */
  function naming(err: unknown, name: string, field: string): never {
    if (err instanceof AppError && err.status !== 404) throw new AppError(err.status, err.code, { vi: `${name}: ${err.messages.vi}`, en: `${name}: ${err.messages.en}` }, field, err.extra);
    throw err;
  }

  // ── registration ──────────────────────────────────────────────────────────
  /** Checks one subject for registering and gives the row to insert. */
  function registrationRow(actor: Actor, input: { year: number; title: LearningTitle; subjectKind: SubjectKind; citizenGroup?: string }, subject: Subject, field: string) {
    checkTitleFits(input.title, input.subjectKind, subject);
    const scope: CaseScope = { subjectKind: subject.kind, orgPath: subject.orgPath ?? '', ownerUserId: subject.kind === 'person' ? subject.userId : null };
    if (!subject.orgId) {
      if (scope.ownerUserId === actor.userId) {
        throw ruleBroken('NO_PLACE', 'Hồ sơ của bạn chưa có đơn vị công tác hay nơi cư trú; hãy liên hệ văn phòng.', 'Your record has no unit or residence yet; ask your secretariat.', field);
      }
      throw notFound({ vi: 'Không tìm thấy đối tượng đăng ký.', en: 'Subject not found.' });
    }
    authorizeCaseManage(actor, scope);
    return {
      year: input.year,
      title: input.title,
      subjectKind: input.subjectKind,
      [subjectColumn(input.subjectKind)]: subject.id,
      orgId: subject.orgId,
      citizenGroup: input.title === 'LEARNING_CITIZEN' ? (input.citizenGroup ?? subject.citizenGroup) : null,
      registeredBy: authorOf(actor),
    };
  }

  async function insertRegistrations(tx: Tx, ctx: RequestContext, rows: ReturnType<typeof registrationRow>[]) {
    const actor = requireActor(ctx);
    const created = await recognitionRepo.insertCases(tx, rows);
    await recognitionRepo.addEvents(tx, created.map((r) => ({ registrationId: r.id, act: 'register', stateAfter: 'registered', actorId: authorOf(actor) })));
    await recordAudits(
      tx,
      ctx,
      created.map((r) => ({ action: 'create', entity: 'title_registration', entityId: r.id, orgId: r.orgId, after: { year: r.year, title: r.title, subjectKind: r.subjectKind, subjectId: subjectIdOf(r), citizenGroup: r.citizenGroup } })),
    );
    return created;
  }

  /** Registers many subjects of one kind at once: all or none; those already registered are counted, not repeated. */
  async function registerMany(tx: Tx, ctx: RequestContext, input: RegisterBulkInput) {
    const actor = requireActor(ctx);
    const ids = [...new Set(input.subjectIds)];
    checkTitleFits(input.title, input.subjectKind);
    const subjects = await loadSubjects(tx, input.subjectKind, ids, countedOn(input.year));
    const rows = ids.map((id, i) => {
      const subject = subjects.get(id);
      if (!subject) throw notFound({ vi: `Không tìm thấy đối tượng thứ ${i + 1} của danh sách.`, en: `Subject ${i + 1} of the list not found.` });
      try {
        return registrationRow(actor, input, subject, `subjectIds.${i}`);
      } catch (err) {
        naming(err, subject.name, `subjectIds.${i}`);
      }
    });
    const already = await recognitionRepo.alreadyRegistered(tx, input.title, input.year, input.subjectKind, ids);
    const fresh = rows.filter((r) => !already.has(r[subjectColumn(input.subjectKind)] as string));
    const created = await insertRegistrations(tx, ctx, fresh);
    return { created: created.length, alreadyRegistered: already.size, ids: created.map((r) => r.id) };
  }

  // ── assessments ───────────────────────────────────────────────────────────
  async function saveAssessment(ctx: RequestContext, id: string, stage: 'self' | 'review', input: AssessmentInput & { attributes?: SubjectAttribute[] }) {
    const actor = requireActor(ctx);
    return db.transaction(async (tx) => {
      const c = await loadCase(tx, actor, id);
      if (stage === 'self') authorizeCaseManage(actor, c.scope);
      else authorizeCaseReview(actor, c.scope);
      transition(stage === 'self' ? 'assess' : 'assessReview', { state: c.reg.state as RegistrationState, roles: rolesOn(actor, c.scope) });
      const existing = await recognitionRepo.assessmentsOf(tx, id);
      const mine = stage === 'self' ? existing.self?.a : existing.review?.a;
      const version = await versionFor(tx, c, mine ?? (stage === 'review' ? existing.self?.a : undefined), input.criteriaVersionId);
      const derived = await derivedValues(tx, derivedSubject(c), version.document);
      const attributes = input.attributes ?? mine?.attributes ?? existing.self?.a.attributes ?? prefillAttributes(c.subject);
      const engineCtx = { attributes, derived: derivedNumbers(derived) };
      const errors = validateInputs(version.document, input.inputs as AssessmentInputs, engineCtx);
      if (errors.length) throw invalidInputs(errors);
      const result = evaluate(version.document, input.inputs as AssessmentInputs, engineCtx);
      const saved = await recognitionRepo.saveAssessment(tx, {
        registrationId: id,
        stage,
        criteriaVersionId: version.id,
        attributes,
        inputs: input.inputs as AssessmentInputs,
        derived: derived as Record<string, unknown>,
        result,
        comment: input.comment ?? null,
        assessedBy: authorOf(actor),
      });
      const act = stage === 'self' ? 'assess' : 'assessReview';
      const summary = headlineOf(result);
      await recognitionRepo.addEvents(tx, [{ registrationId: id, act, stateAfter: c.reg.state, comment: input.comment ?? null, summary, actorId: authorOf(actor) }]);
      await recordAudit(tx, ctx, {
        action: mine ? 'update' : 'create',
        entity: 'title_assessment',
        entityId: saved.id,
        orgId: c.reg.orgId,
        before: mine ? { criteriaVersionId: mine.criteriaVersionId, inputs: mine.inputs, result: headlineOf(mine.result) } : null,
        after: { stage, criteriaVersionId: version.id, attributes, inputs: saved.inputs, result: summary },
      });
      await recognitionRepo.updateCase(tx, id, {});
      const after = await recognitionRepo.assessmentsOf(tx, id);
      const row = (stage === 'self' ? after.self : after.review)!;
      return presentAssessment(row.a, row.assessedByName);
    });
  }

  /** Accepts, returns or rejects one case (the review assessment if saved, else the self one, is accepted). */
  async function reviewCase(tx: Tx, ctx: RequestContext, c: LoadedCase, act: 'accept' | 'return' | 'reject', comment: string | null | undefined) {
    const actor = requireActor(ctx);
    authorizeCaseReview(actor, c.scope);
    const { self, review } = await recognitionRepo.assessmentsOf(tx, c.reg.id);
    const accepted = (review ?? self)?.a;
    return applyAct(tx, ctx, c, act, {
      comment,
      passed: accepted?.result?.passed ?? false,
      summary: act === 'accept' ? { ...headlineOf(accepted?.result), stage: accepted?.stage } : null,
      set: { reviewComment: comment ?? null },
    });
  }

  // ── decisions ─────────────────────────────────────────────────────────────
  async function loadDecision(tx: Executor, actor: Actor, id: string, lock = false) {
    const d = await recognitionRepo.findDecision(tx, id, lock);
    if (!d || !can(actor, 'recognition.read', d.orgPath)) throw decisionNotFound();
    return d;
  }

  /** The cases a decision lists: readable, inside its organisation, of its title and year, reviewed, on no other decision. */
  async function checkEntries(tx: Tx, actor: Actor, d: { id: string | null; orgPath: string; title: string; year: number }, ids: string[]) {
    const unique = [...new Set(ids)];
    const cases = await recognitionRepo.lockCases(tx, unique);
    const byId = new Map(cases.map((c) => [c.reg.id, c]));
    const kinds = [...new Set(cases.map((c) => c.reg.subjectKind))];
    const subjects = new Map<string, Subject>();
    for (const kind of kinds) {
      for (const [k, v] of await loadSubjects(tx, kind as SubjectKind, cases.filter((c) => c.reg.subjectKind === kind).map((c) => subjectIdOf(c.reg)), todayInVietnam())) subjects.set(k, v);
    }
    unique.forEach((id, i) => {
      const c = byId.get(id);
      const subject = c && subjects.get(subjectIdOf(c.reg));
      if (!c || !canReadCase(actor, scopeOf(c.reg, c.orgPath, subject ?? ({ userId: null } as Subject)))) throw caseNotFound();
      const name = subject?.name ?? '';
      const field = `registrationIds.${i}`;
      if (!insideOf(d.orgPath, c.orgPath)) {
        throw ruleBroken('OUTSIDE_DECISION', `${name} (${c.orgName}) không thuộc phạm vi của cơ quan ra quyết định.`, `${name} (${c.orgName}) is outside the deciding organisation.`, field);
      }
      if (c.reg.title !== d.title || c.reg.year !== d.year) {
        throw ruleBroken('DECISION_MISMATCH', `${name}: hồ sơ của danh hiệu hoặc năm khác với quyết định.`, `${name}: the case is for another title or year than the decision.`, field);
      }
      if (c.reg.state !== 'reviewed') {
        const st = STATE_NAMES[c.reg.state as RegistrationState];
        throw ruleBroken('NOT_REVIEWED', `${name}: hồ sơ "${st.vi}", chưa được thẩm định thông qua.`, `${name}: the case is "${st.en}", not reviewed and accepted.`, field);
      }
      if (c.reg.decisionId && c.reg.decisionId !== d.id) {
        throw conflict('ON_OTHER_DECISION', `${name}: đã có trong một quyết định khác.`, `${name}: already listed on another decision.`, field);
      }
    });
    return unique;
  }

  async function presentDecision(tx: Executor, d: { decision: DecisionRow; orgName: string }) {
    const { items } = await recognitionRepo.listCases(tx, { paths: ['/'], decisionId: d.decision.id }, 5000, 0);
    const x = d.decision;
    return {
      id: x.id,
      orgId: x.orgId,
      orgName: d.orgName,
      year: x.year,
      title: x.title as LearningTitle,
      number: x.number,
      signedOn: x.signedOn,
      signerName: x.signerName,
      signerPosition: x.signerPosition,
      issuingBody: x.issuingBody,
      state: x.state as 'draft' | 'issued',
      issuedAt: x.issuedAt?.toISOString() ?? null,
      updatedAt: x.updatedAt.toISOString(),
      count: items.length,
      entries: items.map((r) => ({
        /** The recognition once issued, else the case. */
        id: r.recognitionId ?? r.id,
        decisionId: x.id,
        year: r.year,
        title: r.title,
        registrationId: r.id,
        subjectKind: r.subjectKind,
        subjectId: r.subjectId,
        subjectName: r.subjectName,
        orgId: r.orgId,
        orgName: r.orgName,
        citizenGroup: r.citizenGroup,
        outcome: r.outcome ?? (r.reviewResult ?? r.selfResult)?.band ?? (r.reviewResult ?? r.selfResult)?.level ?? null,
        result: r.reviewResult ?? r.selfResult,
        recognitionId: r.recognitionId,
        certificateCode: r.certificateCode,
        validFrom: r.validFrom,
        validUntil: r.validUntil,
        revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
      })),
    };
  }

  const frozen = () => conflict('DECISION_ISSUED', 'Quyết định đã ban hành, không sửa được.', 'The decision is issued and cannot be changed.', 'state');

  /** Paths for lists: the chosen organisation's subtree (recognition.read there), or all the actor reads. */
  async function listPaths(actor: Actor, orgId?: string) {
    return orgId ? [(await orgs.requireAccess(db, actor, orgId, 'recognition.read')).path] : scopePaths(actor, 'recognition.read');
  }

  return {
    // ── registration ────────────────────────────────────────────────────────
    async register(ctx: RequestContext, input: RegisterInput) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        checkTitleFits(input.title, input.subjectKind);
        const subject = (await loadSubjects(tx, input.subjectKind, [input.subjectId], countedOn(input.year))).get(input.subjectId);
        if (!subject) throw notFound({ vi: 'Không tìm thấy đối tượng đăng ký.', en: 'Subject not found.' });
        const row = registrationRow(actor, input, subject, 'subjectId');
        if ((await recognitionRepo.alreadyRegistered(tx, input.title, input.year, input.subjectKind, [subject.id])).size) {
          throw conflict('ALREADY_REGISTERED', `${subject.name} đã đăng ký ${TITLE_NAMES[input.title].vi} năm ${input.year}.`, `${subject.name} is already registered for ${TITLE_NAMES[input.title].en} ${input.year}.`, 'subjectId');
        }
        const [created] = await insertRegistrations(tx, ctx, [row]);
        return presentRegistration(created, { orgName: subject.orgName }, subject);
      });
    },

    async registerBulk(ctx: RequestContext, input: RegisterBulkInput) {
      return db.transaction(async (tx) => {
        const { created, alreadyRegistered } = await registerMany(tx, ctx, input);
        return { created, alreadyRegistered };
      });
    },

    // ── the Excel import of a registration list (dataImport) ────────────────
    /** Checks the title and year entered in the wizard, and that the actor may register in the unit. */
    async importSettings(actor: Actor, orgId: string, sent: ImportRegistration | undefined): Promise<ImportRegistration> {
      await orgs.requireAccess(db, actor, orgId, 'recognition.manage');
      return checkRegistrationSettings(sent);
    },

    async importResolver(actor: Actor, orgId: string, sent: ImportRegistration) {
      const target = await orgs.requireAccess(db, actor, orgId, 'recognition.manage');
      const settings = checkRegistrationSettings(sent);
      return createRegistrationResolver(db, target, settings, countedOn(settings.year));
    },

    /** Registers a batch of resolved rows in the import's transaction; those already registered are skipped. */
    async importBatch(tx: Tx, ctx: RequestContext, sent: ImportRegistration, records: RegistrationImportRecord[]) {
      const settings = checkRegistrationSettings(sent);
      const subjectIds = records.filter((r) => !r.skip).map((r) => r.subjectId!);
      const { created } = await registerMany(tx, ctx, { year: settings.year, title: settings.title, subjectKind: TITLE_SUBJECT[settings.title], subjectIds, citizenGroup: settings.citizenGroup ?? undefined });
      return { create: created, update: 0, skip: records.length - created };
    },

    /** The person's own cases (the account's linked person). */
    async mine(ctx: RequestContext, year?: number) {
      const actor = requireActor(ctx);
      const member = await people.memberOfUser(db, actor.userId, todayInVietnam());
      if (!member) return { person: null, items: [] };
      const { items } = await recognitionRepo.listCases(db, { paths: ['/'], personId: member.person.id, year }, 200, 0);
      return { person: { id: member.person.id, fullName: member.person.fullName }, items: items.map(presentListRow) };
    },

    async list(ctx: RequestContext, q: CasesQuery) {
      const actor = requireActor(ctx);
      const paths = await listPaths(actor, q.orgId);
      const { items, total } = await recognitionRepo.listCases(
        db,
        { paths, year: q.year, title: q.title, state: q.state, citizenGroup: q.citizenGroup, nameKey: q.q ? searchKey(q.q) : undefined },
        q.pageSize,
        (q.page - 1) * q.pageSize,
      );
      return { items: items.map(presentListRow), total, page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const c = await loadCase(db, actor, id);
      const { self, review } = await recognitionRepo.assessmentsOf(db, id);
      let version: { id: string; setId: string; no: number; document: CriteriaSetDocument } | null = null;
      try {
        version = await versionFor(db, c, review?.a ?? self?.a);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'NO_CRITERIA_SET') throw err;
      }
      const derived = version ? await derivedValues(db, derivedSubject(c), version.document) : {};
      const events = await recognitionRepo.eventsOf(db, id);
      const { items } = await recognitionRepo.listCases(db, { paths: ['/'], ids: [id] }, 1, 0);
      const roles = rolesOn(actor, c.scope);
      const state = c.reg.state as RegistrationState;
      return {
        registration: presentRegistration(c.reg, c, c.subject),
        subject: { kind: c.subject.kind, id: c.subject.id, name: c.subject.name, orgName: c.orgName, attributes: self?.a.attributes ?? prefillAttributes(c.subject) },
        criteriaVersion: version,
        self: self ? presentAssessment(self.a, self.assessedByName) : null,
        review: review ? presentAssessment(review.a, review.assessedByName) : null,
        derived,
        events: events.map((e) => ({ act: e.e.act, stateAfter: e.e.stateAfter, comment: e.e.comment, summary: e.e.summary, actorName: e.actorName, createdAt: e.e.createdAt.toISOString() })),
        recognition: items[0] ? presentListRow(items[0]).recognition : null,
        can: {
          assess: allows('assess', state, roles),
          submit: allows('submit', state, roles),
          assessReview: allows('assessReview', state, roles),
          review: allows('accept', state, roles),
          withdraw: allows('withdraw', state, roles),
        },
      };
    },

    saveSelfAssessment: (ctx: RequestContext, id: string, input: AssessmentInput) => saveAssessment(ctx, id, 'self', input),
    saveReviewAssessment: (ctx: RequestContext, id: string, input: AssessmentInput) => saveAssessment(ctx, id, 'review', input),

    async submit(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const c = await loadCase(tx, actor, id);
        authorizeCaseManage(actor, c.scope);
        const { self } = await recognitionRepo.assessmentsOf(tx, id);
        const updated = await applyAct(tx, ctx, c, 'submit', { selfAssessed: !!self?.a.result, summary: headlineOf(self?.a.result) });
        await recognitionRepo.markSubmitted(tx, self!.a.id);
        return presentRegistration(updated, c, c.subject);
      });
    },

    async review(ctx: RequestContext, id: string, act: 'accept' | 'return' | 'reject', comment?: string | null) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const c = await loadCase(tx, actor, id);
        const updated = await reviewCase(tx, ctx, c, act, comment);
        return presentRegistration(updated, c, c.subject);
      });
    },

    /** Accepts several submitted cases at once: all or none, naming the subject of the case that cannot be. */
    async reviewBulk(ctx: RequestContext, ids: string[], comment?: string | null) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const unique = [...new Set(ids)];
        const locked = await recognitionRepo.lockCases(tx, unique);
        if (locked.length !== unique.length) throw caseNotFound();
        const loaded: LoadedCase[] = [];
        for (const id of unique) loaded.push(await loadCase(tx, actor, id));
        for (const c of loaded) {
          try {
            await reviewCase(tx, ctx, c, 'accept', comment);
          } catch (err) {
            naming(err, c.subject.name, 'registrationIds');
          }
        }
        return { accepted: loaded.length };
      });
    },

    async withdraw(ctx: RequestContext, id: string, reason?: string | null) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const c = await loadCase(tx, actor, id);
        authorizeCaseManage(actor, c.scope);
        const updated = await applyAct(tx, ctx, c, 'withdraw', { comment: reason, set: { decisionId: null } });
        return presentRegistration(updated, c, c.subject);
      });
    },

    // ── figures ─────────────────────────────────────────────────────────────
    async summary(ctx: RequestContext, q: { year: number; orgId?: string; title?: LearningTitle }) {
      const actor = requireActor(ctx);
      let orgId = q.orgId;
      if (!orgId) {
        const first = scopePaths(actor, 'recognition.read')[0];
        if (!first || first === '/') throw invalid('orgId', 'Hãy chọn đơn vị.', 'Choose an organisation.');
        orgId = first.split('/').filter(Boolean).pop()!;
      }
      const root = await orgs.requireAccess(db, actor, orgId, 'recognition.read');
      const counts = await recognitionRepo.caseCounts(db, { path: root.path, rootId: root.id, year: q.year, title: q.title });
      const figures = await titleSummary(db, { root, year: q.year, title: q.title, day: countedOn(q.year) }, counts, async (ids) => new Map((await orgs.findByIds(db, ids)).map((o) => [o.id, o.name])));
      return { org: { id: root.id, name: root.name }, year: q.year, ...figures };
    },

    // ── decisions ───────────────────────────────────────────────────────────
    async listDecisions(ctx: RequestContext, q: { year?: number; title?: LearningTitle; orgId?: string; page: number; pageSize: number }) {
      const actor = requireActor(ctx);
      const paths = await listPaths(actor, q.orgId);
      const { items, total } = await recognitionRepo.listDecisions(db, { paths, year: q.year, title: q.title }, q.pageSize, (q.page - 1) * q.pageSize);
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    async createDecision(ctx: RequestContext, input: DecisionInput) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const unit = await orgs.requireAccess(tx, actor, input.orgId, 'recognition.decide');
        const ids = await checkEntries(tx, actor, { id: null, orgPath: unit.path, title: input.title, year: input.year }, input.registrationIds);
        const decision = await recognitionRepo.insertDecision(tx, {
          orgId: unit.id,
          year: input.year,
          title: input.title,
          issuingBody: input.issuingBody,
          number: input.number,
          signedOn: input.signedOn,
          signerName: input.signerName,
          signerPosition: input.signerPosition,
          createdBy: authorOf(actor),
        });
        await recognitionRepo.setDecisionOf(tx, ids, decision.id);
        await recordAudit(tx, ctx, { action: 'create', entity: 'recognition_decision', entityId: decision.id, orgId: unit.id, after: { ...input, registrationIds: ids } });
        return presentDecision(tx, { decision, orgName: unit.name });
      });
    },

    async getDecision(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return presentDecision(db, await loadDecision(db, actor, id));
    },

    async updateDecision(ctx: RequestContext, id: string, input: DecisionUpdate) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const d = await loadDecision(tx, actor, id, true);
        authorizeDecide(actor, d.orgPath);
        if (d.decision.state === 'issued') throw frozen();
        const { registrationIds, ...fields } = input;
        const decision = Object.keys(fields).length ? await recognitionRepo.updateDecision(tx, id, fields) : d.decision;
        let ids: string[] | undefined;
        if (registrationIds) {
          ids = await checkEntries(tx, actor, { id, orgPath: d.orgPath, title: d.decision.title, year: d.decision.year }, registrationIds);
          await recognitionRepo.clearDecision(tx, id);
          await recognitionRepo.setDecisionOf(tx, ids, id);
        }
        const { createdAt: _c, updatedAt: _u, ...before } = d.decision;
        await recordAudit(tx, ctx, { action: 'update', entity: 'recognition_decision', entityId: id, orgId: d.decision.orgId, before, after: { ...fields, ...(ids ? { registrationIds: ids } : {}) } });
        return presentDecision(tx, { decision, orgName: d.orgName });
      });
    },

    /** Issues a decision: number, date and signer required; recognitions created; the decision frozen. */
    async issueDecision(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const d = await loadDecision(tx, actor, id, true);
        authorizeDecide(actor, d.orgPath);
        if (d.decision.state === 'issued') throw frozen();
        const x = d.decision;
        if (!x.number) throw ruleBroken('DECISION_NUMBER_REQUIRED', 'Hãy ghi số quyết định trước khi ban hành.', 'Give the decision number before issuing.', 'number');
        if (!x.signedOn) throw ruleBroken('DECISION_DATE_REQUIRED', 'Hãy ghi ngày ký quyết định trước khi ban hành.', 'Give the signing date before issuing.', 'signedOn');
        if (!x.signerName) throw ruleBroken('DECISION_SIGNER_REQUIRED', 'Hãy ghi người ký quyết định trước khi ban hành.', 'Give the signer before issuing.', 'signerName');
        const { items } = await recognitionRepo.listCases(tx, { paths: ['/'], decisionId: id }, 5000, 0);
        if (items.length === 0) throw ruleBroken('DECISION_EMPTY', 'Quyết định chưa có hồ sơ nào trong danh sách kèm theo.', 'The decision lists no case.', 'registrationIds');
        await checkEntries(tx, actor, { id, orgPath: d.orgPath, title: x.title, year: x.year }, items.map((i) => i.id));
        const versions = new Map<string, CriteriaSetDocument>();
        const recognitions = [];
        const loaded: LoadedCase[] = [];
        for (const item of items) {
          const c = await loadCase(tx, actor, item.id);
          const { self, review } = await recognitionRepo.assessmentsOf(tx, item.id);
          const accepted = (review ?? self)!.a;
          if (!versions.has(accepted.criteriaVersionId)) versions.set(accepted.criteriaVersionId, (await recognitionRepo.version(tx, accepted.criteriaVersionId))!.document);
          const doc = versions.get(accepted.criteriaVersionId)!;
          recognitions.push({
            decisionId: id,
            registrationId: c.reg.id,
            year: c.reg.year,
            title: c.reg.title,
            subjectKind: c.reg.subjectKind,
            personId: c.reg.personId,
            householdId: c.reg.householdId,
            clanId: c.reg.clanId,
            subjectOrgId: c.reg.subjectOrgId,
            orgId: c.reg.orgId,
            outcome: outcomeOf(accepted.result),
            validFrom: x.signedOn,
            validUntil: validUntil(x.signedOn, doc.validityMonths),
            certificateCode: certificateCode(),
          });
          loaded.push(c);
        }
        const created = await recognitionRepo.insertRecognitions(tx, recognitions);
        for (const c of loaded) {
          const rec = created.find((r) => r.registrationId === c.reg.id)!;
          await applyAct(tx, ctx, c, 'recognise', { summary: { decisionId: id, number: x.number, signedOn: x.signedOn, outcome: rec.outcome, validUntil: rec.validUntil } });
        }
        const issued = await recognitionRepo.updateDecision(tx, id, { state: 'issued', issuedAt: new Date(), issuedBy: authorOf(actor) });
        await recordAudit(tx, ctx, { action: 'issue', entity: 'recognition_decision', entityId: id, orgId: x.orgId, before: { state: 'draft' }, after: { state: 'issued', number: x.number, signedOn: x.signedOn, recognitions: created.length } });
        await recordAudits(tx, ctx, created.map((r) => ({ action: 'create', entity: 'recognition', entityId: r.id, orgId: r.orgId, after: { registrationId: r.registrationId, decisionId: id, outcome: r.outcome, validFrom: r.validFrom, validUntil: r.validUntil } })));
        return presentDecision(tx, { decision: issued, orgName: d.orgName });
      });
    },

    // ── recognitions ────────────────────────────────────────────────────────
    async listRecognitions(ctx: RequestContext, q: RecognitionsQuery) {
      const actor = requireActor(ctx);
      const paths = await listPaths(actor, q.orgId);
      const { items, total } = await recognitionRepo.listRecognitions(
        db,
        { paths, year: q.year, title: q.title, nameKey: q.q ? searchKey(q.q) : undefined, recognitionState: q.state, today: todayInVietnam() },
        q.pageSize,
        (q.page - 1) * q.pageSize,
      );
      const today = todayInVietnam();
      return {
        items: items.map((r) => ({
          ...r,
          revokedAt: r.revokedAt ? new Date(r.revokedAt).toISOString() : null,
          status: r.revokedAt ? 'revoked' : r.validUntil && r.validUntil < today ? 'expired' : 'valid',
        })),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Revokes a recognition with a reason (recognition.decide on the decision's organisation); the case stays recognised. */
    async revoke(ctx: RequestContext, id: string, reason: string) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const found = await recognitionRepo.findRecognition(tx, id);
        if (!found || (!can(actor, 'recognition.read', found.casePath) && !can(actor, 'recognition.read', found.decisionOrgPath))) throw recognitionNotFound();
        authorizeDecide(actor, found.decisionOrgPath);
        if (found.rec.revokedAt) throw conflict('ALREADY_REVOKED', 'Danh hiệu này đã bị thu hồi.', 'This recognition is already revoked.', 'id');
        const c = (await recognitionRepo.findCase(tx, found.rec.registrationId))!;
        const subject = await subjectOf(tx, c.reg);
        const loaded: LoadedCase = { ...c, subject, scope: scopeOf(c.reg, c.orgPath, subject) };
        const revoked = await recognitionRepo.revoke(tx, id, { revokedAt: new Date(), revokedBy: authorOf(actor), revokeReason: reason });
        await applyAct(tx, ctx, loaded, 'revoke', { comment: reason, summary: { recognitionId: id, outcome: found.rec.outcome } });
        await recordAudit(tx, ctx, { action: 'revoke', entity: 'recognition', entityId: id, orgId: found.rec.orgId, before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt, reason } });
        return {
          id: revoked.id,
          registrationId: revoked.registrationId,
          outcome: revoked.outcome,
          validFrom: revoked.validFrom,
          validUntil: revoked.validUntil,
          revokedAt: revoked.revokedAt?.toISOString() ?? null,
          revokeReason: revoked.revokeReason,
        };
      });
    },
  };
}

export type RecognitionService = ReturnType<typeof createRecognitionService>;
