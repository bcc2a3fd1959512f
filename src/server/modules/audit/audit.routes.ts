import { z } from 'zod';
import type { ZApp } from '../../platform/http/app-types.js';
import { exportLanguage, isoDate } from '../../platform/http/schemas.js';
import type { AuditService } from './audit.service.js';

const tags = ['audit'];
const filters = {
  orgId: z.uuid().optional(),
  userId: z.uuid().optional(),
  entity: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export function auditRoutes(app: ZApp, audit: AuditService) {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: 'The audit log of a subtree, newest first',
        querystring: z.object({ ...filters, cursor: z.string().regex(/^\d{1,15}$/).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      },
    },
    async (request) => audit.list(request.ctx, request.query),
  );

  app.post(
    '/api/v1/audit/export',
    { schema: { tags, summary: 'Export the audit log to Excel (a background job)', body: z.object({ ...filters, language: exportLanguage }) } },
    async (request, reply) => {
      const { language, ...query } = request.body;
      return reply.status(202).send(await audit.startExport(request.ctx, query, language));
    },
  );
}
