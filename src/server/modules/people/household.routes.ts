import { z } from 'zod';
import type { ZApp } from '../../platform/http/app-types.js';
import { exportLanguage, pageQuery, text, uuidParam } from '../../platform/http/schemas.js';
import type { HouseholdService } from './household.service.js';

const tags = ['households and clans'];
const placeQuery = { orgId: z.uuid().optional(), q: z.string().trim().max(200).optional() };
const listQuery = z.object({ ...placeQuery, ...pageQuery });
/** The list's query without paging, plus the language of the file's headings. */
const exportBody = z.object({ ...placeQuery, language: exportLanguage });
const optional = (max: number) => z.string().trim().max(max).nullish();

export function householdRoutes(app: ZApp, households: HouseholdService) {
  app.get('/api/v1/households', { schema: { tags, summary: 'Households of a subtree (search by code or head of household)', querystring: listQuery } }, async (request) =>
    households.listHouseholds(request.ctx, request.query),
  );
  app.post('/api/v1/households/export', { schema: { tags, summary: 'Export the household list as shown to Excel (a background job; audited)', body: exportBody } }, async (request, reply) => {
    const { language, ...query } = request.body;
    return reply.status(202).send(await households.exportHouseholds(request.ctx, query, language));
  });
  app.get('/api/v1/households/:id', { schema: { tags, summary: 'A household with its members and clans', params: uuidParam } }, async (request) =>
    households.getHousehold(request.ctx, request.params.id),
  );
  app.post(
    '/api/v1/households',
    { schema: { tags, summary: 'Register a household in a hamlet', body: z.object({ orgId: z.uuid(), code: text(40), address: optional(300) }) } },
    async (request, reply) => reply.status(201).send(await households.createHousehold(request.ctx, request.body)),
  );
  app.patch(
    '/api/v1/households/:id',
    { schema: { tags, summary: 'Edit a household or choose its head', params: uuidParam, body: z.object({ code: text(40).optional(), address: optional(300), headPersonId: z.uuid().nullish() }) } },
    async (request) => households.updateHousehold(request.ctx, request.params.id, request.body),
  );

  app.get('/api/v1/clans', { schema: { tags, summary: 'Clans of a subtree', querystring: listQuery } }, async (request) => households.listClans(request.ctx, request.query));
  app.post('/api/v1/clans/export', { schema: { tags, summary: 'Export the clan list as shown to Excel (a background job; audited)', body: exportBody } }, async (request, reply) => {
    const { language, ...query } = request.body;
    return reply.status(202).send(await households.exportClans(request.ctx, query, language));
  });
  app.get('/api/v1/clans/:id', { schema: { tags, summary: 'A clan with its households', params: uuidParam } }, async (request) => households.getClan(request.ctx, request.params.id));
  app.post(
    '/api/v1/clans',
    { schema: { tags, summary: 'Register a clan of a commune', body: z.object({ orgId: z.uuid(), name: text(200), headPersonId: z.uuid().nullish(), note: optional(1000) }) } },
    async (request, reply) => reply.status(201).send(await households.createClan(request.ctx, request.body)),
  );
  app.patch(
    '/api/v1/clans/:id',
    { schema: { tags, summary: 'Edit a clan', params: uuidParam, body: z.object({ name: text(200).optional(), headPersonId: z.uuid().nullish(), note: optional(1000) }) } },
    async (request) => households.updateClan(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/v1/clans/:id/households',
    { schema: { tags, summary: 'Add a household to a clan', params: uuidParam, body: z.object({ householdId: z.uuid() }) } },
    async (request) => households.setClanHousehold(request.ctx, request.params.id, request.body.householdId, true),
  );
  app.delete(
    '/api/v1/clans/:id/households/:householdId',
    { schema: { tags, summary: 'Remove a household from a clan', params: z.object({ id: z.uuid(), householdId: z.uuid() }) } },
    async (request) => households.setClanHousehold(request.ctx, request.params.id, request.params.householdId, false),
  );
}
