import { unauthenticated } from '../errors.js';
import type { Actor } from '../policy.js';

/** What a service needs to know about the request it serves. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string;
}

/** The context of work not started by a request (jobs, demo seeding, setup scripts). */
export function systemContext(actor: Actor | null = null, requestId = 'system'): RequestContext {
  return { actor, requestId, ip: 'local' };
}

/** The actor of work hoctap does by itself (demo seeding, maintenance): everything, audited as no user. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';
export const systemActor = (): Actor => ({
  userId: SYSTEM_USER_ID,
  grants: [{ id: SYSTEM_USER_ID, orgId: SYSTEM_USER_ID, orgPath: '/', orgName: '', role: 'system_admin' }],
});

/** The account to record as the author of a row (created_by…): none for hoctap's own work. */
export const authorOf = (actor: Actor): string | null => (actor.userId === SYSTEM_USER_ID ? null : actor.userId);

/** The actor of a request that needs a logged-in user (401 otherwise). */
export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor;
}
