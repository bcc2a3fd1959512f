import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import type { ZApp } from '../../platform/http/app-types.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/http/cookies.js';
import type { AuthService } from './auth.service.js';

export function authRoutes(app: ZApp, auth: AuthService) {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Log in', body: z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }) },
    },
    async (request, reply) => {
      const result = await auth.login(request.ctx, request.body);
      setSessionCookie(request, reply, result.token);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { config: { allowPasswordChangePending: true }, schema: { tags: ['auth'], summary: 'Log out' } },
    async (request, reply) => {
      await auth.logout(request.ctx, request.cookies[SESSION_COOKIE]!);
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    },
  );

  app.get('/api/v1/auth/me', { config: { allowPasswordChangePending: true }, schema: { tags: ['auth'], summary: 'The logged-in user' } }, async (request) => ({
    user: await auth.me(request.ctx),
    csrfToken: request.session!.csrfToken,
  }));

  app.post(
    '/api/v1/auth/password',
    {
      config: { allowPasswordChangePending: true },
      schema: {
        tags: ['auth'],
        summary: 'Change my password',
        body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(128), newPasswordConfirm: z.string().min(1).max(128) }),
      },
    },
    async (request, reply) => {
      await auth.changePassword(request.ctx, request.session!.sessionId, request.body);
      return reply.status(204).send();
    },
  );

  app.get('/api/v1/auth/password-policy', { config: { public: true }, schema: { tags: ['auth'], summary: 'The password policy' } }, async () =>
    auth.passwordPolicy(),
  );
}
