import type { Db } from '../../db/index.js';
import { AppError, conflict, invalid } from '../../platform/errors.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { AuthService } from '../auth/auth.service.js';
import type { OrgService } from '../org/org.service.js';
import { prepareAccount, type UserService } from '../user/user.service.js';

export interface SetupInput {
  org: { name: string; kindCode: string; code?: string | null };
  admin: { displayName: string; login: string; password: string; passwordConfirm: string };
}

const setupDone = () =>
  conflict('SETUP_DONE', 'Hệ thống đã được khởi tạo. Vui lòng đăng nhập.', 'hoctap is already set up. Please log in.');

/** Errors of the org and user services name their own fields; the setup form nests them. */
const SETUP_FIELDS: Record<string, string> = {
  name: 'org.name',
  kindCode: 'org.kindCode',
  code: 'org.code',
  login: 'admin.login',
  password: 'admin.password',
  displayName: 'admin.displayName',
};

function withSetupField(err: unknown): unknown {
  if (err instanceof AppError && err.field && SETUP_FIELDS[err.field]) {
    return new AppError(err.status, err.code, err.messages, SETUP_FIELDS[err.field], err.extra);
  }
  return err;
}

/** First run: the root organisation and the first administrator, once, then never again. */
export function createSetupService(db: Db, orgs: OrgService, users: UserService, auth: AuthService) {
  return {
    async needed(): Promise<boolean> {
      return (await users.count()) === 0;
    },

    async run(ctx: RequestContext, input: SetupInput) {
      if (input.admin.password !== input.admin.passwordConfirm) {
        throw invalid('admin.passwordConfirm', 'Hai mật khẩu không khớp.', 'The two passwords differ.');
      }
      // The audit rows of setup name the administrator being created, whose id is chosen now.
      const adminId = crypto.randomUUID();
      const asAdmin: RequestContext = { ...ctx, actor: { userId: adminId, grants: [] } };
      const account = await prepareAccount({ id: adminId, ...input.admin }, { login: 'admin.login', password: 'admin.password' });
      const result = await db.transaction(async (tx) => {
        // Two concurrent setups (two tabs, two app processes) serialise here; the second sees an account.
        await users.lockForSetup(tx);
        if ((await users.count(tx)) > 0) throw setupDone();
        const root = await orgs.createRootInSetup(tx, asAdmin, input.org);
        const admin = await users.createAdminInSetup(tx, asAdmin, account, root.id);
        const session = await auth.openSession(tx, admin.id);
        return { adminId: admin.id, ...session };
      }).catch((err) => {
        throw withSetupField(err);
      });
      const actor = await users.loadActor(db, result.adminId);
      return { token: result.token, csrfToken: result.csrfToken, user: await auth.meOf(actor) };
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
