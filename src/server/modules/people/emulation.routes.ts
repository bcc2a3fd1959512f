import { z } from 'zod';
import type { ZApp } from '../../platform/http/app-types.js';
import type { EmulationService } from './emulation.service.js';

const tags = ['emulation'];
const params = z.object({ id: z.uuid(), year: z.coerce.number().int().min(1990).max(2100) });
const code = z.string().max(60).nullable();

export function emulationRoutes(app: ZApp, emulation: EmulationService) {
  app.get('/api/v1/emulation/catalogue', { schema: { tags, summary: 'Emulation titles and discipline standings, with their legal source' } }, async () => emulation.catalogue());

  app.put(
    '/api/v1/people/:id/emulation/:year',
    { schema: { tags, summary: "A person's emulation title and labour-discipline standing for a year", params, body: z.object({ titleCode: code, discipline: code, note: z.string().trim().max(500).nullish() }) } },
    async (request) => emulation.setForPerson(request.ctx, request.params.id, request.params.year, request.body),
  );

  app.get('/api/v1/orgs/:id/emulation', { schema: { tags, summary: "A unit's collective titles by year", params: z.object({ id: z.uuid() }) } }, async (request) => ({
    items: await emulation.forOrg(request.ctx, request.params.id),
  }));

  app.put(
    '/api/v1/orgs/:id/emulation/:year',
    { schema: { tags, summary: "A unit's collective emulation title for a year", params, body: z.object({ titleCode: code, note: z.string().trim().max(500).nullish() }) } },
    async (request) => emulation.setForOrg(request.ctx, request.params.id, request.params.year, request.body),
  );
}
