import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuthService, ResolvedSession } from '../../modules/auth/auth.service.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { AppError, unauthenticated } from '../errors.js';
import type { RequestContext } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    session: ResolvedSession | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, setup, login). */
    public?: boolean;
    /** Reachable while the user must still change their password. */
    allowPasswordChangePending?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const csrfError = () =>
  new AppError(403, 'CSRF', {
    vi: 'Phiên làm việc không hợp lệ, vui lòng tải lại trang.',
    en: 'Invalid request token; please reload the page.',
  });

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A request from another site: its Origin names another host than the one it was sent to. */
function crossSite(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== request.host;
  } catch {
    return true;
  }
}

/**
 * Resolves the session cookie into the request context, then enforces: a session on every
 * non-public API route, the CSRF token on every state-changing one, and a pending password
 * change before anything else.
 */
export function registerAuthHooks(app: FastifyInstance, auth: AuthService) {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('session', null);

  // Decided on the matched route, not the raw URL: '/%61pi/…' routes to '/api/…' too.
  const isApi = (request: FastifyRequest) => request.routeOptions.url?.startsWith('/api/') === true;

  app.addHook('onRequest', async (request) => {
    request.session = null;
    request.ctx = { actor: null, requestId: request.id, ip: request.ip };
    if (!isApi(request)) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await auth.resolve(token) : null;
    request.session = session;
    request.ctx.actor = session?.actor ?? null;
  });

  app.addHook('preHandler', async (request) => {
    if (!isApi(request)) return;
    const config = request.routeOptions.config;
    const writes = !SAFE_METHODS.has(request.method);
    if (writes && crossSite(request)) throw csrfError();
    // The API's own documentation is public; what it documents is not.
    if (config.public || request.routeOptions.url?.startsWith('/api/docs')) return;
    if (!request.session) throw unauthenticated();
    if (writes) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) throw csrfError();
    }
    if (request.session.mustChangePassword && !config.allowPasswordChangePending) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', {
        vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
        en: 'You must change your password before continuing.',
      });
    }
  });
}
