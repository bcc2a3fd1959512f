import type { ZApp } from '../../platform/http/app-types.js';
import { uuidParam } from '../../platform/http/schemas.js';
import {
  assessmentSchema,
  casesQuery,
  decisionSchema,
  decisionsQuery,
  decisionUpdateSchema,
  mineQuery,
  recognitionsQuery,
  registerBulkSchema,
  registerSchema,
  reviewBulkSchema,
  reviewSchema,
  revokeSchema,
  summaryQuery,
  withdrawSchema,
} from './recognition.schemas.js';
import type { RecognitionService } from './recognition.service.js';

const tags = ['titles'];

export function recognitionRoutes(app: ZApp, titles: RecognitionService) {
  // ── registrations ─────────────────────────────────────────────────────────
  app.get(
    '/api/v1/titles/registrations',
    { schema: { tags, summary: 'Title cases of a subtree (paged, Vietnamese name order, filtered)', querystring: casesQuery } },
    async (request) => titles.list(request.ctx, request.query),
  );
  app.post('/api/v1/titles/registrations', { schema: { tags, summary: 'Register a subject for a title in a year (a person may register themself for Công dân học tập)', body: registerSchema } }, async (request, reply) =>
    reply.status(201).send(await titles.register(request.ctx, request.body)),
  );
  app.post(
    '/api/v1/titles/registrations/bulk',
    { schema: { tags, summary: 'Register many subjects of one kind at once (all or none; already registered ones counted)', body: registerBulkSchema } },
    async (request) => titles.registerBulk(request.ctx, request.body),
  );
  app.get('/api/v1/titles/registrations/mine', { schema: { tags, summary: 'My own (person) title cases', querystring: mineQuery } }, async (request) =>
    titles.mine(request.ctx, request.query.year),
  );
  app.post(
    '/api/v1/titles/registrations/review-bulk',
    { schema: { tags, summary: 'Accept several submitted cases at once (all or none)', body: reviewBulkSchema } },
    async (request) => titles.reviewBulk(request.ctx, request.body.registrationIds, request.body.comment),
  );
  app.get(
    '/api/v1/titles/registrations/:id',
    { schema: { tags, summary: 'One case: subject, criteria version, assessments, derived values, events, what I may do', params: uuidParam } },
    async (request) => titles.get(request.ctx, request.params.id),
  );
  app.put(
    '/api/v1/titles/registrations/:id/assessments/self',
    { schema: { tags, summary: 'Save the self-assessment (validated per indicator, evaluated)', params: uuidParam, body: assessmentSchema } },
    async (request) => titles.saveSelfAssessment(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/v1/titles/registrations/:id/assessments/review',
    { schema: { tags, summary: "Save the reviewer's assessment (the level above)", params: uuidParam, body: assessmentSchema } },
    async (request) => titles.saveReviewAssessment(request.ctx, request.params.id, request.body),
  );
  app.post('/api/v1/titles/registrations/:id/submit', { schema: { tags, summary: 'Submit the self-assessed case for review', params: uuidParam } }, async (request) =>
    titles.submit(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/titles/registrations/:id/review',
    { schema: { tags, summary: 'Accept, return or reject a submitted case (return and reject need a comment)', params: uuidParam, body: reviewSchema } },
    async (request) => titles.review(request.ctx, request.params.id, request.body.act, request.body.comment),
  );
  app.post(
    '/api/v1/titles/registrations/:id/withdraw',
    { schema: { tags, summary: 'Withdraw a case, with the reason', params: uuidParam, body: withdrawSchema } },
    async (request) => titles.withdraw(request.ctx, request.params.id, request.body.reason),
  );

  // ── figures ───────────────────────────────────────────────────────────────
  app.get(
    '/api/v1/titles/summary',
    { schema: { tags, summary: 'Eligible, registered and recognised per unit under the chosen one, title and citizen group; the shares', querystring: summaryQuery } },
    async (request) => titles.summary(request.ctx, request.query),
  );

  // ── decisions ─────────────────────────────────────────────────────────────
  app.get('/api/v1/titles/decisions', { schema: { tags, summary: 'Recognition decisions', querystring: decisionsQuery } }, async (request) =>
    titles.listDecisions(request.ctx, request.query),
  );
  app.post('/api/v1/titles/decisions', { schema: { tags, summary: 'Draft a recognition decision with the list of reviewed cases', body: decisionSchema } }, async (request, reply) =>
    reply.status(201).send(await titles.createDecision(request.ctx, request.body)),
  );
  app.get('/api/v1/titles/decisions/:id', { schema: { tags, summary: 'A decision with its annexed list', params: uuidParam } }, async (request) =>
    titles.getDecision(request.ctx, request.params.id),
  );
  app.put(
    '/api/v1/titles/decisions/:id',
    { schema: { tags, summary: 'Change a draft decision (fields, the list)', params: uuidParam, body: decisionUpdateSchema } },
    async (request) => titles.updateDecision(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/titles/decisions/:id/issue',
    { schema: { tags, summary: 'Issue the decision (number, date, signer required): recognitions created, the decision frozen', params: uuidParam } },
    async (request) => titles.issueDecision(request.ctx, request.params.id),
  );

  // ── recognitions ─────────────────────────────────────────────────────────
  app.get('/api/v1/titles/recognitions', { schema: { tags, summary: 'Recognitions (valid, revoked, expired)', querystring: recognitionsQuery } }, async (request) =>
    titles.listRecognitions(request.ctx, request.query),
  );
  app.post(
    '/api/v1/titles/recognitions/:id/revoke',
    { schema: { tags, summary: 'Revoke a recognition with a reason', params: uuidParam, body: revokeSchema } },
    async (request) => titles.revoke(request.ctx, request.params.id, request.body.reason),
  );
}
