import { z } from 'zod';
import { keysOf, PEOPLE_COLUMNS } from '../../../shared/people.js';
import type { ZApp } from '../../platform/http/app-types.js';
import { exportLanguage, isoDate, uuidParam } from '../../platform/http/schemas.js';
import { membershipFieldsSchema, peopleQuerySchema, personFieldsSchema } from './people.schemas.js';
import type { PeopleJobs } from './people.jobs.js';
import type { PeopleService } from './people.service.js';

const tags = ['people'];

export function peopleRoutes(app: ZApp, people: PeopleService, peopleJobs: PeopleJobs) {
  app.post(
    '/api/v1/people/export',
    {
      schema: {
        tags,
        summary: 'Export the list as shown to Excel (a background job; audited)',
        body: peopleQuerySchema.omit({ page: true, pageSize: true }).extend({
          columns: z.array(z.enum(keysOf(PEOPLE_COLUMNS))).min(1).max(20),
          language: exportLanguage,
        }),
      },
    },
    async (request, reply) => {
      const { columns, language, ...query } = request.body;
      return reply.status(202).send(await peopleJobs.startExport(request.ctx, query, columns, language));
    },
  );

  app.post(
    '/api/v1/people/bulk',
    {
      schema: {
        tags,
        summary: 'Move memberships to another unit, or end them, from a date (a background job, all or nothing)',
        body: z.object({ action: z.enum(['move', 'end']), membershipIds: z.array(z.uuid()).min(1).max(5000), targetOrgId: z.uuid().optional(), date: isoDate }),
      },
    },
    async (request, reply) => reply.status(202).send(await peopleJobs.startBulk(request.ctx, request.body)),
  );

  app.get(
    '/api/v1/people',
    { schema: { tags, summary: 'Staff or residents of a subtree: mark-free name search, filters, Vietnamese order', querystring: peopleQuerySchema } },
    async (request) => people.list(request.ctx, request.query),
  );

  app.get(
    '/api/v1/people/positions',
    { schema: { tags, summary: 'Positions held in a subtree (for the filter)', querystring: z.object({ orgId: z.uuid().optional() }) } },
    async (request) => ({ items: await people.positions(request.ctx, request.query.orgId) }),
  );

  app.get('/api/v1/people/:id', { schema: { tags, summary: 'One person with memberships', params: uuidParam } }, async (request) => people.get(request.ctx, request.params.id));

  app.post(
    '/api/v1/people',
    { schema: { tags, summary: 'Add a person (a resident, a member of staff, or both)', body: personFieldsSchema.extend({ membership: membershipFieldsSchema.optional() }) } },
    async (request, reply) => reply.status(201).send(await people.create(request.ctx, request.body)),
  );

  app.patch(
    '/api/v1/people/:id',
    { schema: { tags, summary: 'Edit a person', params: uuidParam, body: personFieldsSchema.partial() } },
    async (request) => people.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/v1/people/:id/memberships',
    { schema: { tags, summary: 'Add a membership in a unit', params: uuidParam, body: membershipFieldsSchema } },
    async (request, reply) => reply.status(201).send(await people.addMembership(request.ctx, request.params.id, request.body)),
  );

  app.patch(
    '/api/v1/memberships/:id',
    { schema: { tags, summary: 'Edit or end a membership', params: uuidParam, body: membershipFieldsSchema.omit({ orgId: true }).partial() } },
    async (request) => people.updateMembership(request.ctx, request.params.id, request.body),
  );
}
