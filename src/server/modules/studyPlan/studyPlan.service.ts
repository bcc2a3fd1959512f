/**
 * Self-study plans (kế hoạch tự học, tự bồi dưỡng): the learning year a unit opens, each member's
 * plan through its states (workflow.ts), the head's queue and the roll-up over a subtree, reminders,
 * and the templates the secretariat publishes. Every change is audited in its transaction; members
 * get messages in the app when their plan moves.
 */
import { randomUUID } from 'node:crypto';
import { eq, type SQL } from 'drizzle-orm';
import type { Bilingual } from '../../../shared/api-types.js';
import { DEFAULT_COMMITMENT, NO_PLAN, PLAN_STATES, type PlanChanges, type PlanContent, type PlanReport, type PlanState } from '../../../shared/studyPlan.js';
import { formatDate, searchKey } from '../../../shared/vn-text.js';
import type { Db, Executor, Tx } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notFound, ruleBroken } from '../../platform/errors.js';
import { authorOf, requireActor, type RequestContext } from '../../platform/http/context.js';
import { notify, type NewNotification } from '../../platform/notifications/notifications.js';
import { authorize, authorizeSelfOr, can, type Actor } from '../../platform/policy.js';
import { todayInVietnam } from '../../platform/time.js';
import { planTemplate } from './studyPlan.table.js';
import type { OrgService } from '../org/org.service.js';
import type { PeopleService } from '../people/people.service.js';
import type { UserService } from '../user/user.service.js';
import type { JobRunner } from '../../platform/jobs/runner.js';
import { queueListExport, runListExport, type ExportLanguage, type ListExportColumn } from '../../platform/excel/list-export.js';
import { renderDocx } from '../../platform/documents/official-document.js';
import { saveGeneratedDocument } from '../../platform/documents/generated-document.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { planDocumentSpec } from './plan-document.js';
import { studyPlanRelations, studyPlanRepo, type MemberPlanRow, type StudyPlanRow } from './studyPlan.repo.js';
import type { LearningYearInput, MembersQuery, PlanContentInput, PlanReportInput, TemplateInput } from './studyPlan.schemas.js';
import { ACT_RULES, diffPlan, EDITABLE_STATES, transition, type PlanAct } from './workflow.js';

export const PLAN_REGISTER_EXPORT_JOB = 'study_plans.export';

const planNotFound = () => notFound({ vi: 'Không tìm thấy kế hoạch.', en: 'Plan not found.' });
const ACTIVE_STATES: PlanState[] = ['submitted', 'approved', 'reported', 'confirmed'];
const APPROVED_STATES: PlanState[] = ['approved', 'reported', 'confirmed'];

/** Gives every line an id (new lines come without one). */
function withLineIds(content: PlanContentInput): PlanContent {
  return { ...content, lines: content.lines.map((l) => ({ ...l, id: l.id ?? randomUUID() })) };
}

/** A copy of content for a new plan: fresh line ids, the commitment kept. */
function copyContent(content: PlanContent, year: number, fromYear: number): PlanContent {
  const shift = (m: string) => `${Number(m.slice(0, 4)) + (year - fromYear)}${m.slice(4)}`;
  return { ...content, lines: content.lines.map((l) => ({ ...l, id: randomUUID(), fromMonth: shift(l.fromMonth), toMonth: shift(l.toMonth) })) };
}

const emptyContent = (): PlanContent => ({ selfAssessment: null, goals: null, lines: [], conditions: null, commitment: DEFAULT_COMMITMENT.vi });

/** Each line of the plan has a result in the report. */
const reportCovers = (content: PlanContent, report: PlanReport | null) =>
  report !== null && content.lines.every((l) => report.lines.some((r) => r.lineId === l.id));

/** The day on which membership says who is expected to have a plan in `year`. */
const expectedOn = (year: number, endsOn?: string) => {
  const today = todayInVietnam();
  const end = endsOn ?? `${year}-12-31`;
  return today < end ? (today < `${year}-01-01` ? `${year}-01-01` : today) : end;
};

function messageFor(act: PlanAct, year: number, comment: string | null | undefined, actorName: string): Bilingual {
  const c = comment ? ` ${comment}` : '';
  switch (act) {
    case 'approve':
      return { vi: `Kế hoạch tự học năm ${year} của bạn đã được ${actorName} phê duyệt.${c}`, en: `Your ${year} self-study plan was approved by ${actorName}.${c}` };
    case 'return':
      return { vi: `Kế hoạch tự học năm ${year} được trả lại để sửa: ${comment}`, en: `Your ${year} self-study plan was returned for changes: ${comment}` };
    case 'reopen':
      return { vi: `Kế hoạch tự học năm ${year} đã duyệt được mở lại để sửa: ${comment}`, en: `Your approved ${year} plan was reopened for changes: ${comment}` };
    case 'confirm':
      return { vi: `Kết quả thực hiện kế hoạch năm ${year} của bạn đã được xác nhận.${c}`, en: `The results of your ${year} plan were confirmed.${c}` };
    case 'returnReport':
      return { vi: `Báo cáo kết quả năm ${year} được trả lại: ${comment}`, en: `Your ${year} year-end report was returned: ${comment}` };
    default:
      return { vi: '', en: '' };
  }
}

export function createStudyPlanService(db: Db, deps: { orgs: OrgService; people: PeopleService; users: UserService; jobs: JobRunner; storage: FileStorage }) {
  const { orgs, people, users, jobs, storage } = deps;

  /** The member behind the account: their person and the unit whose head approves their plan. */
  async function requireMember(tx: Executor, actor: Actor, day: string) {
    const member = await people.memberOfUser(tx, actor.userId, day);
    if (!member || member.memberships.length === 0) {
      throw ruleBroken(
        'NOT_A_MEMBER',
        'Tài khoản của bạn chưa gắn với hồ sơ cán bộ đang công tác tại một đơn vị; hãy liên hệ văn phòng đơn vị.',
        'Your account is not linked to a staff record with a current unit; ask your secretariat.',
      );
    }
    return { person: member.person, unit: member.memberships[0] };
  }

  async function loadPlan(tx: Executor, actor: Actor, id: string) {
    const found = await studyPlanRepo.findPlan(tx, id);
    if (!found) throw planNotFound();
    try {
      const who = authorizeSelfOr(actor, found.userId, 'learning.read', found.orgPath);
      return { ...found, who };
    } catch {
      throw planNotFound();
    }
  }

  /** Who the actor is for this plan: the owner, a reviewer (may approve), or a reader. */
  const roleOn = (actor: Actor, p: { userId: string | null; orgPath: string }) =>
    p.userId === actor.userId ? ('owner' as const) : can(actor, 'learning.review', p.orgPath) ? ('reviewer' as const) : ('reader' as const);

  /** Acts the actor may do now (for the screen's buttons; the server checks again). */
  function allowedActs(actor: Actor, p: { plan: StudyPlanRow; userId: string | null; orgPath: string }): PlanAct[] {
    const role = roleOn(actor, p);
    return (Object.keys(ACT_RULES) as PlanAct[]).filter((act) => ACT_RULES[act].by === role && ACT_RULES[act].from.includes(p.plan.state as PlanState));
  }

  /** For a plan that comes back after a return: what changed since the version that was returned. */
  async function changesSinceReturn(tx: Executor, plan: StudyPlanRow): Promise<PlanChanges | null> {
    const versions = await studyPlanRepo.versions(tx, plan.id);
    const lastReturn = [...versions].reverse().find((v) => v.act === 'return' || v.act === 'reopen');
    return lastReturn ? diffPlan(lastReturn.content, plan.content) : null;
  }

  async function present(tx: Executor, actor: Actor, p: NonNullable<Awaited<ReturnType<typeof studyPlanRepo.findPlan>>>) {
    const versions = await studyPlanRepo.versions(tx, p.plan.id);
    const ly = await studyPlanRepo.yearFor(tx, p.orgPath, p.plan.year);
    return {
      id: p.plan.id,
      year: p.plan.year,
      state: p.plan.state as PlanState,
      person: { id: p.plan.personId, fullName: p.fullName },
      org: { id: p.plan.orgId, name: p.orgName },
      content: p.plan.content,
      report: p.plan.report,
      reviewComment: p.plan.reviewComment,
      submittedAt: p.plan.submittedAt?.toISOString() ?? null,
      approvedAt: p.plan.approvedAt?.toISOString() ?? null,
      reportedAt: p.plan.reportedAt?.toISOString() ?? null,
      confirmedAt: p.plan.confirmedAt?.toISOString() ?? null,
      updatedAt: p.plan.updatedAt.toISOString(),
      learningYear: ly ? { planDeadline: ly.planDeadline, reportDeadline: ly.reportDeadline, startsOn: ly.startsOn, endsOn: ly.endsOn, orgName: ly.orgName } : null,
      role: roleOn(actor, p),
      acts: allowedActs(actor, p),
      changes: p.plan.state === 'submitted' ? await changesSinceReturn(tx, p.plan) : null,
      versions: versions.map((v) => ({ no: v.no, act: v.act, stateAfter: v.stateAfter, comment: v.comment, actorId: v.actorId, createdAt: v.createdAt.toISOString() })),
    };
  }

  /** Applies one act to a loaded plan: state, timestamps, version, audit, message. */
  async function applyAct(tx: Tx, ctx: RequestContext, p: NonNullable<Awaited<ReturnType<typeof studyPlanRepo.findPlan>>>, act: PlanAct, comment: string | null | undefined) {
    const actor = requireActor(ctx);
    const role = roleOn(actor, p);
    if (role === 'reader') authorize(actor, 'learning.review', p.orgPath);
    const state = transition(act, { state: p.plan.state as PlanState, role: role === 'owner' ? 'owner' : 'reviewer', comment, content: p.plan.content, reportComplete: reportCovers(p.plan.content, p.plan.report) });
    const now = new Date();
    const set: Parameters<typeof studyPlanRepo.updatePlan>[2] = { state };
    if (act === 'submit') set.submittedAt = now;
    if (act === 'approve') Object.assign(set, { approvedAt: now, approvedBy: authorOf(actor) });
    if (act === 'report') set.reportedAt = now;
    if (act === 'confirm') Object.assign(set, { confirmedAt: now, confirmedBy: authorOf(actor) });
    if (ACT_RULES[act].by === 'reviewer') set.reviewComment = comment ?? null;
    const updated = await studyPlanRepo.updatePlan(tx, p.plan.id, set);
    if (ACT_RULES[act].keepsVersion) {
      await studyPlanRepo.addVersion(tx, { planId: p.plan.id, act, stateAfter: state, content: updated.content, report: updated.report, comment: comment ?? null, actorId: authorOf(actor) });
    }
    await recordAudit(tx, ctx, {
      action: act,
      entity: 'study_plan',
      entityId: p.plan.id,
      orgId: p.plan.orgId,
      before: { state: p.plan.state },
      after: { state, ...(comment ? { comment } : {}) },
    });
    await notify(tx, await messagesAfter(tx, act, p, comment, actor));
    return updated;
  }

  /** Who hears of an act: the unit's heads when a plan or report comes in, the member otherwise. */
  async function messagesAfter(tx: Executor, act: PlanAct, p: { plan: StudyPlanRow; userId: string | null; fullName: string }, comment: string | null | undefined, actor: Actor): Promise<NewNotification[]> {
    const link = `/study-plans/${p.plan.id}`;
    if (act === 'submit' || act === 'report') {
      const heads = (await studyPlanRepo.holdersOf(tx, p.plan.orgId, 'unit_head')).filter((u) => u !== actor.userId);
      const message =
        act === 'submit'
          ? { vi: `${p.fullName} đã gửi kế hoạch tự học năm ${p.plan.year} để duyệt.`, en: `${p.fullName} submitted a ${p.plan.year} self-study plan for approval.` }
          : { vi: `${p.fullName} đã gửi báo cáo kết quả năm ${p.plan.year}.`, en: `${p.fullName} sent the ${p.plan.year} year-end report.` };
      return heads.map((userId) => ({ userId, kind: `study_plan.${act}`, message, link }));
    }
    if (act === 'withdraw' || !p.userId) return [];
    const actorName = (await people.memberOfUser(tx, actor.userId, todayInVietnam()))?.person.fullName ?? 'lãnh đạo đơn vị';
    return [{ userId: p.userId, kind: `study_plan.${act}`, message: messageFor(act, p.plan.year, comment, actorName), link }];
  }

  /** Members of a subtree with their plan's state, `limit` from `offset`, as `actor` sees them (the queue and the register). */
  async function memberRows(actor: Actor, q: Omit<MembersQuery, 'page' | 'pageSize'>, limit: number, offset: number) {
    const unit = await orgs.requireAccess(db, actor, q.orgId, 'learning.read');
    const ly = await studyPlanRepo.yearFor(db, unit.path, q.year);
    const day = expectedOn(q.year, ly?.endsOn);
    const { items, total, totalCapped } = await studyPlanRepo.members(
      db,
      { path: unit.path, year: q.year, day, state: q.state, nameKey: q.q ? searchKey(q.q) : undefined, orgId: q.directOnly ? q.orgId : undefined },
      limit,
      offset,
    );
    const late = (r: MemberPlanRow) => ly !== undefined && todayInVietnam() > ly.planDeadline && !ACTIVE_STATES.includes(r.state as PlanState);
    return {
      items: items.map((r) => ({
        person: { id: r.personId, fullName: r.fullName },
        org: { id: r.orgId, name: r.orgName },
        position: r.position,
        isLeader: r.isLeader,
        hasAccount: r.userId !== null,
        planId: r.planId,
        state: r.state as PlanState | 'none',
        submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
        late: late(r),
        canApprove: r.state === 'submitted' && r.userId !== actor.userId && can(actor, 'learning.review', r.orgPath),
      })),
      total,
      totalCapped,
      page: Math.floor(offset / limit) + 1,
      pageSize: limit,
      learningYear: ly ? { orgName: ly.orgName, planDeadline: ly.planDeadline, reportDeadline: ly.reportDeadline } : null,
    };
  }
  type MemberRow = Awaited<ReturnType<typeof memberRows>>['items'][number];

  jobs.register(PLAN_REGISTER_EXPORT_JOB, async (ctx) => {
    const { query, language } = ctx.job.payload as { query: Omit<MembersQuery, 'page' | 'pageSize'>; language: ExportLanguage };
    const actor = await users.loadActor(db, ctx.job.createdBy!);
    const stateName = (s: PlanState | 'none') => (s === 'none' ? NO_PLAN : PLAN_STATES[s])[language];
    const columns: ListExportColumn<MemberRow>[] = [
      { header: { vi: 'Họ và tên', en: 'Full name' }, width: 28, value: (r) => r.person.fullName },
      { header: { vi: 'Đơn vị', en: 'Unit' }, width: 30, value: (r) => r.org.name },
      { header: { vi: 'Chức vụ', en: 'Position' }, width: 20, value: (r) => r.position },
      { header: { vi: 'Kế hoạch năm ' + query.year, en: `${query.year} plan` }, width: 22, value: (r) => stateName(r.state) },
      { header: { vi: 'Ngày gửi duyệt', en: 'Submitted on' }, width: 14, value: (r) => (r.submittedAt ? formatDate(todayInVietnam(new Date(r.submittedAt))) : null) },
      { header: { vi: 'Quá hạn', en: 'Late' }, width: 9, value: (r) => (r.late ? (language === 'vi' ? 'Quá hạn' : 'Late') : null) },
    ];
    return runListExport(storage, ctx, {
      actor,
      language,
      sheetName: { vi: 'Sổ kế hoạch tự học', en: 'Self-study plans' },
      numbered: true,
      columns,
      batch: ({ offset, limit }) => memberRows(actor, query, limit, offset),
      fileStem: `so-ke-hoach-tu-hoc-${query.year}`,
      audit: { entity: 'study_plan', after: { query } },
    });
  });

  return {
    // ── learning years ──────────────────────────────────────────────────────

    async listYears(ctx: RequestContext, orgId: string) {
      const actor = requireActor(ctx);
      await orgs.requireAccess(db, actor, orgId, 'org.read');
      return { items: await studyPlanRepo.yearsOf(db, orgId) };
    },

    /** Opens (or changes) a learning year for a unit's subtree. */
    async saveYear(ctx: RequestContext, input: LearningYearInput) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await orgs.requireAccess(tx, actor, input.orgId, 'learning.manage');
        const row = {
          orgId: input.orgId,
          year: input.year,
          startsOn: input.startsOn ?? `${input.year}-01-01`,
          endsOn: input.endsOn ?? `${input.year}-12-31`,
          planDeadline: input.planDeadline,
          reportDeadline: input.reportDeadline,
          createdBy: authorOf(actor),
        };
        if (row.startsOn > row.endsOn) throw ruleBroken('YEAR_DATES', 'Ngày bắt đầu sau ngày kết thúc.', 'The start is after the end.', 'endsOn');
        if (row.planDeadline < row.startsOn || row.planDeadline > row.endsOn) {
          throw ruleBroken('DEADLINE_OUTSIDE', 'Hạn nộp kế hoạch phải nằm trong năm học tập.', 'The plan deadline must fall within the learning year.', 'planDeadline');
        }
        if (row.reportDeadline < row.planDeadline) {
          throw ruleBroken('DEADLINE_ORDER', 'Hạn báo cáo kết quả phải sau hạn nộp kế hoạch.', 'The report deadline must come after the plan deadline.', 'reportDeadline');
        }
        const before = await studyPlanRepo.findYear(tx, input.orgId, input.year);
        const saved = await studyPlanRepo.saveYear(tx, row);
        await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entity: 'learning_year', entityId: saved.id, orgId: input.orgId, before: before ?? null, after: saved });
        return saved;
      });
    },

    // ── the member's own plan ───────────────────────────────────────────────

    /** The member's year: their unit, the learning year that applies, their plan, templates to start from. */
    async mine(ctx: RequestContext, year: number) {
      const actor = requireActor(ctx);
      const member = await people.memberOfUser(db, actor.userId, expectedOn(year));
      const unit = member?.memberships[0];
      if (!member || !unit) return { year, member: null, learningYear: null, plan: null, templates: [], hasPrevious: false };
      const [ly, plan, previous, templates] = await Promise.all([
        studyPlanRepo.yearFor(db, unit.orgPath, year),
        studyPlanRepo.findPlanOf(db, member.person.id, year),
        studyPlanRepo.findPlanOf(db, member.person.id, year - 1),
        studyPlanRepo.templatesFor(db, unit.orgPath, year),
      ]);
      const fitting = templates.filter((t) => t.template.positions.length === 0 || (unit.position && t.template.positions.some((p) => searchKey(p) === searchKey(unit.position!))));
      return {
        year,
        member: { personId: member.person.id, fullName: member.person.fullName, org: { id: unit.orgId, name: unit.orgName }, position: unit.position },
        learningYear: ly ? { orgName: ly.orgName, startsOn: ly.startsOn, endsOn: ly.endsOn, planDeadline: ly.planDeadline, reportDeadline: ly.reportDeadline } : null,
        plan: plan ? await present(db, actor, (await studyPlanRepo.findPlan(db, plan.id))!) : null,
        templates: fitting.map((t) => ({ id: t.template.id, title: t.template.title, orgName: t.orgName })),
        hasPrevious: previous !== undefined,
      };
    },

    /** Starts the member's plan of a year: empty, from last year's, or from a template. */
    async start(ctx: RequestContext, input: { year: number; from: 'blank' | 'previous' | 'template'; templateId?: string }) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const { person, unit } = await requireMember(tx, actor, expectedOn(input.year));
        const ly = await studyPlanRepo.yearFor(tx, unit.orgPath, input.year);
        if (!ly) {
          throw ruleBroken('NO_LEARNING_YEAR', `${unit.orgName} chưa mở năm học tập ${input.year}; hãy liên hệ văn phòng đơn vị.`, `${unit.orgName} has not opened the ${input.year} learning year yet; ask your secretariat.`, 'year');
        }
        if (await studyPlanRepo.findPlanOf(tx, person.id, input.year)) {
          throw ruleBroken('PLAN_EXISTS', `Bạn đã có kế hoạch năm ${input.year}.`, `You already have a plan for ${input.year}.`, 'year');
        }
        let content = emptyContent();
        if (input.from === 'previous') {
          const previous = await studyPlanRepo.findPlanOf(tx, person.id, input.year - 1);
          if (!previous) throw ruleBroken('NO_PREVIOUS_PLAN', `Bạn không có kế hoạch năm ${input.year - 1}.`, `You have no plan for ${input.year - 1}.`, 'from');
          content = copyContent(previous.content, input.year, input.year - 1);
        } else if (input.from === 'template') {
          const template = input.templateId ? (await studyPlanRepo.templatesFor(tx, unit.orgPath, input.year)).find((t) => t.template.id === input.templateId) : undefined;
          if (!template) throw ruleBroken('TEMPLATE_NOT_FOUND', 'Không tìm thấy mẫu kế hoạch này cho đơn vị của bạn.', 'That template is not published for your unit.', 'templateId');
          content = copyContent(template.template.content, input.year, template.template.year);
        }
        const plan = await studyPlanRepo.insertPlan(tx, { personId: person.id, orgId: unit.orgId, year: input.year, content });
        await recordAudit(tx, ctx, { action: 'create', entity: 'study_plan', entityId: plan.id, orgId: unit.orgId, after: { year: input.year, from: input.from, templateId: input.templateId ?? null, lines: content.lines.length } });
        return present(tx, actor, (await studyPlanRepo.findPlan(tx, plan.id))!);
      });
    },

    async get(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return present(db, actor, await loadPlan(db, actor, id));
    },

    /** The owner edits the content while the plan is a draft or returned. */
    async save(ctx: RequestContext, id: string, input: PlanContentInput) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const p = await loadPlan(tx, actor, id);
        if (p.who !== 'owner') throw ruleBroken('PLAN_OWNER_ONLY', 'Chỉ người lập kế hoạch được sửa kế hoạch.', 'Only the member who wrote the plan may edit it.');
        if (!EDITABLE_STATES.includes(p.plan.state as PlanState)) {
          throw ruleBroken('PLAN_FROZEN', `Kế hoạch ${PLAN_STATES[p.plan.state as PlanState].vi.toLowerCase()} không sửa được; hãy đề nghị lãnh đạo mở lại.`, `A plan that is ${PLAN_STATES[p.plan.state as PlanState].en.toLowerCase()} cannot be edited; ask the head to reopen it.`, 'state');
        }
        const content = withLineIds(input);
        const updated = await studyPlanRepo.updatePlan(tx, id, { content });
        await recordAudit(tx, ctx, { action: 'update', entity: 'study_plan', entityId: id, orgId: p.plan.orgId, before: p.plan.content, after: content });
        return present(tx, actor, { ...p, plan: updated });
      });
    },

    /** The owner writes the year-end report on an approved plan (then sends it with the act `report`). */
    async saveReport(ctx: RequestContext, id: string, input: PlanReportInput) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const p = await loadPlan(tx, actor, id);
        if (p.who !== 'owner') throw ruleBroken('PLAN_OWNER_ONLY', 'Chỉ người lập kế hoạch được ghi kết quả.', 'Only the member who wrote the plan may report on it.');
        if (p.plan.state !== 'approved') {
          throw ruleBroken('PLAN_STATE', 'Chỉ ghi kết quả cho kế hoạch đã duyệt.', 'Only an approved plan takes a year-end report.', 'state');
        }
        const known = new Set(p.plan.content.lines.map((l) => l.id));
        const stray = input.lines.findIndex((l) => !known.has(l.lineId));
        if (stray >= 0) throw ruleBroken('UNKNOWN_LINE', 'Kết quả ghi cho một nội dung không có trong kế hoạch.', 'A result refers to a line that is not in the plan.', `lines.${stray}.lineId`);
        const updated = await studyPlanRepo.updatePlan(tx, id, { report: input });
        await recordAudit(tx, ctx, { action: 'update_report', entity: 'study_plan', entityId: id, orgId: p.plan.orgId, before: p.plan.report, after: input });
        return present(tx, actor, { ...p, plan: updated });
      });
    },

    /** One act on one plan (submit, approve, return…): see workflow.ts. */
    async act(ctx: RequestContext, id: string, act: PlanAct, comment?: string | null) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const p = await loadPlan(tx, actor, id);
        const updated = await applyAct(tx, ctx, p, act, comment);
        return present(tx, actor, { ...p, plan: updated });
      });
    },

    /** Approves several submitted plans at once: all or none, naming the member whose plan cannot be. */
    async approveMany(ctx: RequestContext, planIds: string[], comment?: string | null) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const plans = await studyPlanRepo.lockPlans(tx, [...new Set(planIds)]);
        if (plans.length !== new Set(planIds).size) throw planNotFound();
        for (const p of plans) {
          if (!can(actor, 'learning.read', p.orgPath) && p.userId !== actor.userId) throw planNotFound();
        }
        for (const p of plans) {
          try {
            await applyAct(tx, ctx, p, 'approve', comment);
          } catch (err) {
            if (err instanceof Error && 'messages' in err) {
              const e = err as Error & { status: number; code: string; messages: Bilingual };
              throw ruleBroken(e.code, `${p.fullName}: ${e.messages.vi}`, `${p.fullName}: ${e.messages.en}`, 'planIds');
            }
            throw err;
          }
        }
        return { approved: plans.length };
      });
    },

    /** The plan as a Word file in the official layout, ready to print and sign; kept and audited. */
    async document(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const p = await loadPlan(db, actor, id);
      const [facts, versions] = await Promise.all([studyPlanRepo.documentFacts(db, p.plan), studyPlanRepo.versions(db, id)]);
      const unitIds = p.orgPath.split('/').filter(Boolean).reverse();
      const units = await orgs.findByIds(db, unitIds);
      const { person } = facts;
      const spec = planDocumentSpec({
        year: p.plan.year,
        content: p.plan.content,
        report: p.plan.state === 'reported' || p.plan.state === 'confirmed' ? p.plan.report : null,
        date: todayInVietnam(p.plan.approvedAt ?? p.plan.submittedAt ?? new Date()),
        person: { ...person, languages: person.languages.map((l) => ({ language: l.language, certificate: l.certificate, level: l.level })) },
        position: facts.position,
        units: unitIds.map((uid) => units.find((u) => u.id === uid)?.name).filter((n): n is string => !!n),
        approverName: p.plan.approvedAt ? facts.approverName : null,
        confirmComment: p.plan.state === 'confirmed' ? (versions.filter((v) => v.act === 'confirm').pop()?.comment ?? null) : null,
      });
      const name = `ke-hoach-tu-hoc-${p.plan.year}-${searchKey(p.fullName).replace(/\s+/g, '-')}.docx`;
      const file = await saveGeneratedDocument(db, storage, ctx, await renderDocx(spec), {
        name,
        kind: 'study_plan',
        sourceEntity: 'study_plan',
        sourceId: id,
        orgId: p.plan.orgId,
        details: { state: p.plan.state, versions: versions.length },
      });
      return { fileId: file.id, name };
    },

    // ── the unit's view ─────────────────────────────────────────────────────

    /** Members of a subtree with the state of their plan (the head's queue, and who is late). */
    async members(ctx: RequestContext, q: MembersQuery) {
      return memberRows(requireActor(ctx), q, q.pageSize, (q.page - 1) * q.pageSize);
    },

    /** The plan register (the members list as shown, same filters) to Excel, as a job; audited. */
    async exportMembers(ctx: RequestContext, q: Omit<MembersQuery, 'page' | 'pageSize'>, language: ExportLanguage) {
      await orgs.requireAccess(db, requireActor(ctx), q.orgId, 'learning.read');
      return queueListExport(db, jobs, ctx, PLAN_REGISTER_EXPORT_JOB, { payload: { query: q, language }, orgId: q.orgId, entity: 'study_plan', after: { query: q } });
    },

    /** Plan states counted per unit directly under the chosen one, and in all; the shares the seeds target. */
    async summary(ctx: RequestContext, q: { orgId: string; year: number }) {
      const actor = requireActor(ctx);
      const unit = await orgs.requireAccess(db, actor, q.orgId, 'learning.read');
      const ly = await studyPlanRepo.yearFor(db, unit.path, q.year);
      const rows = await studyPlanRepo.stateCounts(db, { path: unit.path, year: q.year, day: expectedOn(q.year, ly?.endsOn) });
      const childIds = [...new Set(rows.map((r) => r.childId).filter(Boolean))];
      const names = new Map((await orgs.findByIds(db, childIds)).map((o) => [o.id, o.name]));
      const tally = (rs: typeof rows) => {
        const counts = Object.fromEntries([...Object.keys(PLAN_STATES), 'none'].map((s) => [s, 0])) as Record<PlanState | 'none', number>;
        for (const r of rs) counts[r.state as PlanState | 'none'] += r.n;
        const expected = Object.values(counts).reduce((a, b) => a + b, 0);
        const approved = APPROVED_STATES.reduce((a, s) => a + counts[s], 0);
        return { expected, counts, approved, approvedShare: expected ? approved / expected : null };
      };
      const units = [...new Set(rows.map((r) => r.childId))]
        .map((childId) => ({ org: childId ? { id: childId, name: names.get(childId) ?? '' } : { id: unit.id, name: unit.name }, own: childId === '', ...tally(rows.filter((r) => r.childId === childId)) }))
        .sort((a, b) => Number(b.own) - Number(a.own) || a.org.name.localeCompare(b.org.name, 'vi'));
      return { org: { id: unit.id, name: unit.name }, year: q.year, learningYear: ly ? { orgName: ly.orgName, planDeadline: ly.planDeadline, reportDeadline: ly.reportDeadline } : null, total: tally(rows), units };
    },

    /** Reminds members who have not yet sent a plan (all of the subtree, or the ones chosen). */
    async remind(ctx: RequestContext, input: { orgId: string; year: number; personIds?: string[] }) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const unit = await orgs.requireAccess(tx, actor, input.orgId, 'learning.review');
        const ly = await studyPlanRepo.yearFor(tx, unit.path, input.year);
        const day = expectedOn(input.year, ly?.endsOn);
        const pending: MemberPlanRow[] = [];
        for (const state of ['none', 'draft', 'returned']) {
          pending.push(...(await studyPlanRepo.members(tx, { path: unit.path, year: input.year, day, state }, 100_000, 0)).items);
        }
        const chosen = input.personIds ? new Set(input.personIds) : null;
        const targets = pending.filter((r) => r.userId && r.userId !== actor.userId && (!chosen || chosen.has(r.personId)));
        const deadline = ly ? formatDate(ly.planDeadline) : null;
        await notify(
          tx,
          targets.map((r) => ({
            userId: r.userId!,
            kind: 'study_plan.remind',
            message: {
              vi: `Nhắc việc: hãy lập và gửi kế hoạch tự học năm ${input.year}${deadline ? ` trước ngày ${deadline}` : ''}.`,
              en: `Reminder: write and submit your ${input.year} self-study plan${deadline ? ` by ${deadline}` : ''}.`,
            },
            link: `/my-plan?year=${input.year}`,
          })),
        );
        const withoutAccount = pending.filter((r) => !r.userId && (!chosen || chosen.has(r.personId))).length;
        await recordAudit(tx, ctx, { action: 'remind', entity: 'study_plan', orgId: unit.id, after: { year: input.year, reminded: targets.length, withoutAccount } });
        return { reminded: targets.length, withoutAccount };
      });
    },

    // ── templates ───────────────────────────────────────────────────────────

    async listTemplates(ctx: RequestContext, orgId: string) {
      const actor = requireActor(ctx);
      const unit = await orgs.requireAccess(db, actor, orgId, 'learning.read');
      const rows = await studyPlanRepo.templatesOf(db, eq(planTemplate.orgId, unit.id));
      return { items: rows.map((r) => ({ ...r.template, orgName: r.orgName })) };
    },

    async saveTemplate(ctx: RequestContext, id: string | null, input: TemplateInput) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const before = id ? await studyPlanRepo.findTemplate(tx, id) : undefined;
        if (id && !before) throw notFound();
        if (before) await orgs.requireAccess(tx, actor, before.template.orgId, 'learning.manage');
        await orgs.requireAccess(tx, actor, input.orgId, 'learning.manage');
        const saved = await studyPlanRepo.saveTemplate(tx, id, { ...input, content: withLineIds(input.content), createdBy: authorOf(actor) });
        await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entity: 'plan_template', entityId: saved.id, orgId: input.orgId, before: before?.template ?? null, after: saved });
        return saved;
      });
    },

    async deleteTemplate(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const before = await studyPlanRepo.findTemplate(tx, id);
        if (!before) throw notFound();
        await orgs.requireAccess(tx, actor, before.template.orgId, 'learning.manage');
        await studyPlanRepo.deleteTemplate(tx, id);
        await recordAudit(tx, ctx, { action: 'delete', entity: 'plan_template', entityId: id, orgId: before.template.orgId, before: before.template });
      });
    },
  };
}

export type StudyPlanService = ReturnType<typeof createStudyPlanService>;

/**
 * What derived indicators read of the plans (recognition/derived-facts.ts): members whose plan of the
 * year was approved (approved, reported or confirmed), as a relation of `(subject_id, source_id)` to
 * compose into one set-based statement, and one person's approved plan.
 */
export const studyPlanFacts = {
  approvedPlans(year: number): SQL {
    return studyPlanRelations.plansIn(year, APPROVED_STATES);
  },

  async approvedPlanOf(db: Executor, personId: string, year: number): Promise<{ id: string; state: PlanState } | null> {
    const plan = await studyPlanRepo.findPlanOf(db, personId, year);
    return plan && APPROVED_STATES.includes(plan.state as PlanState) ? { id: plan.id, state: plan.state as PlanState } : null;
  },
};
