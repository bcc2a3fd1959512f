import { z } from 'zod';
import type { ZApp } from '../../platform/http/app-types.js';
import { exportLanguage, uuidParam } from '../../platform/http/schemas.js';
import {
  actParams,
  actSchema,
  approveManySchema,
  learningYearSchema,
  membersQuery,
  planContentSchema,
  planReportSchema,
  remindSchema,
  startPlanSchema,
  summaryQuery,
  templateSchema,
  year,
} from './studyPlan.schemas.js';
import type { StudyPlanService } from './studyPlan.service.js';

const tags = ['study plans'];

export function studyPlanRoutes(app: ZApp, plans: StudyPlanService) {
  // ── learning years ────────────────────────────────────────────────────────
  app.get(
    '/api/v1/learning-years',
    { schema: { tags, summary: 'Learning years a unit opened', querystring: z.object({ orgId: z.uuid() }) } },
    async (request) => plans.listYears(request.ctx, request.query.orgId),
  );
  app.put(
    '/api/v1/learning-years',
    { schema: { tags, summary: 'Open or change the learning year of a subtree, with its deadlines (secretariat)', body: learningYearSchema } },
    async (request) => plans.saveYear(request.ctx, request.body),
  );

  // ── the member's own plan ─────────────────────────────────────────────────
  app.get(
    '/api/v1/study-plans/mine',
    { schema: { tags, summary: 'My plan of a year, the learning year that applies, templates to start from', querystring: z.object({ year }) } },
    async (request) => plans.mine(request.ctx, request.query.year),
  );
  app.post('/api/v1/study-plans', { schema: { tags, summary: 'Start my plan of a year (empty, from last year, or from a template)', body: startPlanSchema } }, async (request, reply) =>
    reply.status(201).send(await plans.start(request.ctx, request.body)),
  );

  // ── the unit's view ───────────────────────────────────────────────────────
  app.get(
    '/api/v1/study-plans',
    { schema: { tags, summary: "Members of a subtree and their plan's state (the head's queue, who is late)", querystring: membersQuery } },
    async (request) => plans.members(request.ctx, request.query),
  );
  app.post(
    '/api/v1/study-plans/export',
    { schema: { tags, summary: 'The plan register (the members list as shown) to Excel; a background job, audited', body: membersQuery.omit({ page: true, pageSize: true }).extend({ language: exportLanguage }) } },
    async (request, reply) => {
      const { language, ...query } = request.body;
      return reply.status(202).send(await plans.exportMembers(request.ctx, query, language));
    },
  );
  app.get(
    '/api/v1/study-plans/summary',
    { schema: { tags, summary: 'Plan states per unit under the chosen one, and the share approved', querystring: summaryQuery } },
    async (request) => plans.summary(request.ctx, request.query),
  );
  app.post(
    '/api/v1/study-plans/approve',
    { schema: { tags, summary: 'Approve several submitted plans at once (all or none)', body: approveManySchema } },
    async (request) => plans.approveMany(request.ctx, request.body.planIds, request.body.comment),
  );
  app.post(
    '/api/v1/study-plans/remind',
    { schema: { tags, summary: 'Remind members who have not yet sent their plan', body: remindSchema } },
    async (request) => plans.remind(request.ctx, request.body),
  );

  // ── one plan ──────────────────────────────────────────────────────────────
  app.get('/api/v1/study-plans/:id', { schema: { tags, summary: 'One plan with its history and the acts I may do', params: uuidParam } }, async (request) =>
    plans.get(request.ctx, request.params.id),
  );
  app.put(
    '/api/v1/study-plans/:id',
    { schema: { tags, summary: 'Edit my plan (draft or returned)', params: uuidParam, body: planContentSchema } },
    async (request) => plans.save(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/v1/study-plans/:id/report',
    { schema: { tags, summary: 'Write the year-end report of my approved plan', params: uuidParam, body: planReportSchema } },
    async (request) => plans.saveReport(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/study-plans/:id/:act',
    { schema: { tags, summary: 'submit, withdraw, approve, return, reopen, report, confirm or returnReport', params: actParams, body: actSchema } },
    async (request) => plans.act(request.ctx, request.params.id, request.params.act, request.body.comment),
  );

  app.post('/api/v1/study-plans/:id/document', { schema: { tags, summary: 'The plan as a Word file in the official layout (download it from /files/:fileId)', params: uuidParam } }, async (request, reply) =>
    reply.status(201).send(await plans.document(request.ctx, request.params.id)),
  );

  // ── templates ─────────────────────────────────────────────────────────────
  app.get(
    '/api/v1/plan-templates',
    { schema: { tags, summary: 'Plan templates a unit published', querystring: z.object({ orgId: z.uuid() }) } },
    async (request) => plans.listTemplates(request.ctx, request.query.orgId),
  );
  app.post('/api/v1/plan-templates', { schema: { tags, summary: 'Publish a plan template (secretariat)', body: templateSchema } }, async (request, reply) =>
    reply.status(201).send(await plans.saveTemplate(request.ctx, null, request.body)),
  );
  app.put(
    '/api/v1/plan-templates/:id',
    { schema: { tags, summary: 'Change a plan template', params: uuidParam, body: templateSchema } },
    async (request) => plans.saveTemplate(request.ctx, request.params.id, request.body),
  );
  app.delete('/api/v1/plan-templates/:id', { schema: { tags, summary: 'Withdraw a plan template', params: uuidParam } }, async (request, reply) => {
    await plans.deleteTemplate(request.ctx, request.params.id);
    return reply.status(204).send();
  });
}
