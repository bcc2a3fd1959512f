import { z } from 'zod';
import type { ZApp } from '../../platform/http/app-types.js';
import { booleanQuery, isoDate, pageQuery, text, uuidParam } from '../../platform/http/schemas.js';
import type { OrgService } from './org.service.js';
import { reorgPlanSchema } from './reorganisation.js';

const tags = ['organisations'];
const orgCode = z.string().trim().max(64).nullish();

export function orgRoutes(app: ZApp, orgs: OrgService) {
  // Public: the first-run setup page offers the kinds before any account exists.
  app.get('/api/v1/org-kinds', { config: { public: true }, schema: { tags, summary: 'Kinds of organisation and where each may stand' } }, async () => ({
    items: await orgs.listKinds(),
  }));

  app.put(
    '/api/v1/org-kinds/:code',
    {
      schema: {
        tags,
        summary: 'Create or change a kind of organisation (system administrators)',
        params: z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/) }),
        body: z.object({ nameVi: text(200), nameEn: text(200), canBeRoot: z.boolean(), parentKinds: z.array(z.string().max(40)).max(50), mergeGroup: z.string().trim().max(40).nullish() }),
      },
    },
    async (request) => orgs.saveKind(request.ctx, request.params.code, request.body),
  );

  app.get(
    '/api/v1/orgs',
    { schema: { tags, summary: 'Children of an organisation, or the top-most ones the caller sees', querystring: z.object({ parentId: z.uuid().optional(), includeClosed: booleanQuery, ...pageQuery }) } },
    async (request) => orgs.listChildren(request.ctx, { ...request.query, includeClosed: request.query.includeClosed ?? false }),
  );

  app.get(
    '/api/v1/orgs/search',
    { schema: { tags, summary: 'Mark-free search by name within what the caller sees', querystring: z.object({ q: text(200), includeClosed: booleanQuery, ...pageQuery }) } },
    async (request) => orgs.search(request.ctx, { ...request.query, includeClosed: request.query.includeClosed ?? false }),
  );

  app.get('/api/v1/orgs/:id', { schema: { tags, summary: 'One organisation', params: uuidParam } }, async (request) => orgs.get(request.ctx, request.params.id));

  app.post(
    '/api/v1/orgs',
    {
      schema: {
        tags,
        summary: 'Create a unit (parentId null: a new root, system administrators only)',
        body: z.object({ parentId: z.uuid().nullable(), name: text(300), kindCode: text(64), code: orgCode, validFrom: isoDate.nullish() }),
      },
    },
    async (request, reply) => reply.status(201).send(await orgs.create(request.ctx, request.body)),
  );

  app.patch(
    '/api/v1/orgs/:id',
    { schema: { tags, summary: 'Rename or edit a unit', params: uuidParam, body: z.object({ name: text(300).optional(), kindCode: text(64).optional(), code: orgCode }) } },
    async (request) => orgs.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/v1/orgs/:id/move',
    { schema: { tags, summary: 'Move a unit with its subtree', params: uuidParam, body: z.object({ newParentId: z.uuid() }) } },
    async (request) => orgs.move(request.ctx, request.params.id, request.body.newParentId),
  );

  app.post(
    '/api/v1/orgs/:id/close',
    { schema: { tags, summary: 'Close a unit and its subtree from a date', params: uuidParam, body: z.object({ validTo: isoDate }) } },
    async (request) => orgs.close(request.ctx, request.params.id, request.body.validTo),
  );

  app.post('/api/v1/orgs/:id/reopen', { schema: { tags, summary: 'Reopen a closed unit', params: uuidParam } }, async (request) =>
    orgs.reopen(request.ctx, request.params.id),
  );

  app.get('/api/v1/orgs/:id/lineage', { schema: { tags, summary: 'Units this one replaced and units that replaced it, with dates', params: uuidParam } }, async (request) =>
    orgs.lineage(request.ctx, request.params.id),
  );

  reorganisationRoutes(app, orgs);
}

/** Merge, split and transfer units on an effective date (see reorganisation.ts). */
function reorganisationRoutes(app: ZApp, orgs: OrgService) {
  app.post(
    '/api/v1/reorganisations/preview',
    { schema: { tags, summary: 'What a reorganisation would create, move, close and link; writes nothing', body: reorgPlanSchema } },
    async (request) => orgs.previewReorganisation(request.ctx, request.body),
  );

  app.post(
    '/api/v1/reorganisations',
    { schema: { tags, summary: 'Apply a reorganisation (merge, split or transfer) in one transaction', body: reorgPlanSchema } },
    async (request, reply) => reply.status(201).send(await orgs.applyReorganisation(request.ctx, request.body)),
  );

  app.get(
    '/api/v1/reorganisations',
    { schema: { tags, summary: 'Reorganisations involving units the caller sees, newest first', querystring: z.object({ orgId: z.uuid().optional(), ...pageQuery }) } },
    async (request) => orgs.listReorganisations(request.ctx, request.query),
  );

  app.get('/api/v1/reorganisations/:id', { schema: { tags, summary: 'One reorganisation with its lineage links', params: uuidParam } }, async (request) =>
    orgs.getReorganisation(request.ctx, request.params.id),
  );
}
