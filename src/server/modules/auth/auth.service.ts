import type { Me } from '../../../shared/api-types.js';
import type { Db } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { burnVerifyTime, hashPassword, verifyPassword } from '../../platform/auth/password.js';
import { deleteSessionsOf, type SessionStore } from '../../platform/auth/sessions.js';
import { clearFailures, countAttempt, forgiveAttempt, lock, lockedForSeconds, THROTTLE_RULES, throttleKeys } from '../../platform/auth/throttle.js';
import { AppError, invalid, unauthenticated } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/http/context.js';
import { permissionsOf, type Actor } from '../../platform/policy.js';
import { PASSWORD_POLICY } from '../user/password-policy.js';
import { checkPassword, type UserService } from '../user/user.service.js';


export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  mustChangePassword: boolean;
  actor: Actor;
}

const lockedError = (seconds: number) =>
  new AppError(
    429,
    'LOGIN_LOCKED',
    {
      vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(seconds / 60)} phút.`,
      en: `Too many failed logins. Try again in ${Math.ceil(seconds / 60)} minutes.`,
    },
    undefined,
    { retryAfterSeconds: seconds },
  );

const invalidCredentials = () =>
  new AppError(401, 'INVALID_CREDENTIALS', {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong login or password.',
  });

export function createAuthService(db: Db, users: UserService, sessions: SessionStore) {
  async function me(actor: Actor): Promise<Me> {
    const user = await users.findById(db, actor.userId);
    if (!user) throw unauthenticated();
    const summary = await users.summaryOf(db, actor, user);
    return {
      id: user.id,
      login: user.login,
      displayName: user.displayName,
      mustChangePassword: user.mustChangePassword,
      homeOrg: summary.homeOrg,
      grants: summary.grants,
      permissions: permissionsOf(actor),
    };
  }

  return {
    passwordPolicy() {
      return { minLength: PASSWORD_POLICY.minLength, rules: PASSWORD_POLICY.rules };
    },

    /** Checks the password under the login rate limits and opens a session. */
    async login(ctx: RequestContext, input: { login: string; password: string }) {
      const keys = throttleKeys(ctx.ip, input.login.trim().toLowerCase());
      const wait = await lockedForSeconds(db, [keys.ip, keys.account]);
      if (wait > 0) throw lockedError(wait);
      // Counted before the check: the n-th concurrent guess sees n and stops past the limit.
      const [accountAttempts, ipAttempts] = [await countAttempt(db, keys.account, THROTTLE_RULES.account), await countAttempt(db, keys.ip, THROTTLE_RULES.ip)];
      const overAccount = accountAttempts > THROTTLE_RULES.account.maxFailures;
      const overIp = ipAttempts > THROTTLE_RULES.ip.maxFailures;
      if (overAccount || overIp) throw lockedError(Math.round(THROTTLE_RULES.account.lockMs / 1000));

      const user = await users.findByLogin(db, input.login);
      const ok = user && !user.disabled ? await verifyPassword(user.passwordHash, input.password) : (await burnVerifyTime(input.password), false);
      if (!ok || !user) {
        const accountLocked = accountAttempts >= THROTTLE_RULES.account.maxFailures;
        const ipLocked = ipAttempts >= THROTTLE_RULES.ip.maxFailures;
        if (accountLocked) await lock(db, keys.account, THROTTLE_RULES.account);
        if (ipLocked) await lock(db, keys.ip, THROTTLE_RULES.ip);
        if (accountLocked || ipLocked) {
          await recordAudit(db, ctx, { action: 'login_locked', entity: 'session', entityId: user?.id ?? null, orgId: user?.homeOrgId ?? null, after: { login: keys.account.slice(6, 70) } });
          throw lockedError(Math.round((accountLocked ? THROTTLE_RULES.account : THROTTLE_RULES.ip).lockMs / 1000));
        }
        throw invalidCredentials();
      }
      await forgiveAttempt(db, keys.ip);
      await clearFailures(db, keys.account);
      const { token, csrfToken, actor } = await db.transaction(async (tx) => {
        const opened = await sessions.create(tx, user.id);
        await users.recordLogin(tx, user.id);
        const actor = await users.loadActor(tx, user.id);
        await recordAudit(tx, { ...ctx, actor }, { action: 'login', entity: 'session', entityId: user.id, orgId: user.homeOrgId });
        return { ...opened, actor };
      });
      return { token, csrfToken, user: await me(actor) };
    },

    async logout(ctx: RequestContext, token: string) {
      await db.transaction(async (tx) => {
        await sessions.destroy(tx, token);
        if (ctx.actor) await recordAudit(tx, ctx, { action: 'logout', entity: 'session', entityId: ctx.actor.userId });
      });
    },

    /** The session behind a cookie token, with the actor's grants; null when absent or expired. */
    async resolve(token: string | undefined): Promise<ResolvedSession | null> {
      if (!token) return null;
      const found = await sessions.find(db, token);
      if (!found) return null;
      const user = await users.findById(db, found.userId);
      if (!user || user.disabled) return null;
      return { sessionId: found.id, csrfToken: found.csrfToken, mustChangePassword: user.mustChangePassword, actor: await users.loadActor(db, user.id) };
    },

    me(ctx: RequestContext) {
      if (!ctx.actor) throw unauthenticated();
      return me(ctx.actor);
    },

    async changePassword(ctx: RequestContext, sessionId: string, input: { currentPassword: string; newPassword: string; newPasswordConfirm: string }) {
      if (!ctx.actor) throw unauthenticated();
      const user = await users.findById(db, ctx.actor.userId);
      if (!user) throw unauthenticated();
      // The current password is guessed under the same per-account limit as a login.
      const key = throttleKeys(ctx.ip, user.login).account;
      const wait = await lockedForSeconds(db, [key]);
      if (wait > 0) throw lockedError(wait);
      const attempts = await countAttempt(db, key, THROTTLE_RULES.account);
      if (attempts > THROTTLE_RULES.account.maxFailures) throw lockedError(Math.round(THROTTLE_RULES.account.lockMs / 1000));
      if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
        if (attempts >= THROTTLE_RULES.account.maxFailures) await lock(db, key, THROTTLE_RULES.account);
        throw invalid('currentPassword', 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.');
      }
      await clearFailures(db, key);
      if (input.newPassword !== input.newPasswordConfirm) {
        throw invalid('newPasswordConfirm', 'Hai mật khẩu mới không khớp.', 'The two new passwords differ.');
      }
      if (input.newPassword === input.currentPassword) {
        throw invalid('newPassword', 'Mật khẩu mới phải khác mật khẩu hiện tại.', 'The new password must differ from the current one.');
      }
      checkPassword(input.newPassword, user.login, 'newPassword');
      const passwordHash = await hashPassword(input.newPassword);
      await db.transaction(async (tx) => {
        await users.setOwnPassword(tx, ctx, user, passwordHash);
        // Other sessions of this user end; this one stays.
        await deleteSessionsOf(tx, user.id, sessionId);
      });
    },

    /** Opens a session inside an ongoing transaction (first-run setup logs the admin in). */
    openSession: sessions.create,
    meOf: me,
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
