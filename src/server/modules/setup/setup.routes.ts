import { z } from 'zod';
import type { ZApp } from '../../platform/http/app-types.js';
import { setSessionCookie } from '../../platform/http/cookies.js';
import { text } from '../../platform/http/schemas.js';
import type { SetupService } from './setup.service.js';

export const setupBody = z.object({
  org: z.object({ name: text(300), kindCode: text(64), code: z.string().trim().max(64).nullish() }),
  admin: z.object({
    displayName: text(200),
    login: text(64),
    password: z.string().min(1).max(128),
    passwordConfirm: z.string().min(1).max(128),
  }),
});

export function setupRoutes(app: ZApp, setup: SetupService) {
  app.get('/api/v1/setup', { config: { public: true }, schema: { tags: ['setup'], summary: 'Is first-run setup needed?' } }, async () => ({
    needed: await setup.needed(),
  }));

  app.post(
    '/api/v1/setup',
    { config: { public: true }, schema: { tags: ['setup'], summary: 'Create the root organisation and the first administrator', body: setupBody } },
    async (request, reply) => {
      const result = await setup.run(request.ctx, request.body);
      setSessionCookie(request, reply, result.token);
      return reply.status(201).send({ user: result.user, csrfToken: result.csrfToken });
    },
  );
}
