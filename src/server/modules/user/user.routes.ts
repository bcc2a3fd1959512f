import { z } from 'zod';
import { ROLE_CODES } from '../../../shared/roles.js';
import type { ZApp } from '../../platform/http/app-types.js';
import { exportLanguage, pageQuery, text, uuidParam } from '../../platform/http/schemas.js';
import type { UserService } from './user.service.js';

const tags = ['users'];
const listQuery = { orgId: z.uuid().optional(), q: z.string().trim().max(200).optional() };

export function userRoutes(app: ZApp, users: UserService) {
  app.get('/api/v1/roles', { schema: { tags, summary: 'Roles, and which of them the caller may grant' } }, async (request) => ({
    items: users.roles(request.ctx),
  }));

  app.get(
    '/api/v1/users',
    { schema: { tags, summary: 'Accounts of an organisation subtree', querystring: z.object({ ...listQuery, ...pageQuery }) } },
    async (request) => users.list(request.ctx, request.query),
  );

  app.post(
    '/api/v1/users/export',
    { schema: { tags, summary: 'Export the account list as shown to Excel (a background job; audited)', body: z.object({ ...listQuery, language: exportLanguage }) } },
    async (request, reply) => {
      const { language, ...query } = request.body;
      return reply.status(202).send(await users.startExport(request.ctx, query, language));
    },
  );

  app.get('/api/v1/users/:id', { schema: { tags, summary: 'One account', params: uuidParam } }, async (request) => users.get(request.ctx, request.params.id));

  app.post(
    '/api/v1/users',
    { schema: { tags, summary: 'Create an account', body: z.object({ login: text(64), displayName: text(200), homeOrgId: z.uuid(), password: z.string().min(1).max(128) }) } },
    async (request, reply) => reply.status(201).send(await users.create(request.ctx, request.body)),
  );

  app.patch(
    '/api/v1/users/:id',
    { schema: { tags, summary: 'Edit, move or disable an account', params: uuidParam, body: z.object({ displayName: text(200).optional(), homeOrgId: z.uuid().optional(), disabled: z.boolean().optional() }) } },
    async (request) => users.update(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/v1/users/:id/reset-password',
    { schema: { tags, summary: 'Set a new password that the user must change at next login', params: uuidParam, body: z.object({ newPassword: z.string().min(1).max(128) }) } },
    async (request, reply) => {
      await users.resetPassword(request.ctx, request.params.id, request.body.newPassword);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/v1/users/:id/grants',
    { schema: { tags, summary: 'Grant a role on an organisation', params: uuidParam, body: z.object({ orgId: z.uuid(), role: z.enum(ROLE_CODES) }) } },
    async (request, reply) => reply.status(201).send(await users.addGrant(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/users/:id/grants/:grantId',
    { schema: { tags, summary: 'Revoke a role', params: z.object({ id: z.uuid(), grantId: z.uuid() }) } },
    async (request) => users.removeGrant(request.ctx, request.params.id, request.params.grantId),
  );
}
