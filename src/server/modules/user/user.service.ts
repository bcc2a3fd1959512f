import { nfc, personSortKey, searchKey } from '../../../shared/vn-text.js';
import { ROLE_CODES, ROLE_INFO, type RoleCode } from '../../../shared/roles.js';
import type { UserSummary } from '../../../shared/api-types.js';
import type { Db, Executor, Tx } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/password.js';
import { deleteSessionsOf } from '../../platform/auth/sessions.js';
import { AppError, conflict, forbidden, invalid, notFound, ruleBroken } from '../../platform/errors.js';
import { queueListExport, runListExport, shownTitle, type ExportLanguage, type ListExportColumn } from '../../platform/excel/list-export.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { requireActor, type RequestContext } from '../../platform/http/context.js';
import type { JobContext, JobRunner } from '../../platform/jobs/runner.js';
import { can, canGrant, canManageAccount, scopePaths, type Actor, type Grant } from '../../platform/policy.js';
import type { OrgService, Page } from '../org/org.service.js';
import { passwordProblem } from './password-policy.js';
import { userRepo, type UserRow } from './user.repo.js';


const userNotFound = () => notFound({ vi: 'Không tìm thấy tài khoản.', en: 'Account not found.' });

/** Logins: 3–64 characters of a–z, 0–9, dot, dash, underscore; kept lower case. */
export function normaliseLogin(login: string): string {
  return login.normalize('NFC').trim().toLowerCase();
}
const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

function checkLogin(login: string, field = 'login') {
  if (!LOGIN_PATTERN.test(login)) {
    throw invalid(
      field,
      'Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.',
      'A login has 3–64 characters: unaccented letters, digits, dot, dash or underscore.',
    );
  }
}

export function checkPassword(password: string, login: string | undefined, field: string) {
  const problem = passwordProblem(password, login);
  if (problem) throw new AppError(400, 'WEAK_PASSWORD', problem, field);
}


const snapshot = (u: UserRow) => ({
  login: u.login,
  displayName: u.displayName,
  homeOrgId: u.homeOrgId,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
});

/** A new account's checked fields and password hash, prepared before its transaction (argon2 takes ~50 ms). */
export interface NewAccount {
  id?: string;
  login: string;
  displayName: string;
  nameSearch: string;
  nameSort: string;
  passwordHash: string;
}

export async function prepareAccount(input: { id?: string; login: string; displayName: string; password: string }, fields = { login: 'login', password: 'password' }): Promise<NewAccount> {
  const login = normaliseLogin(input.login);
  checkLogin(login, fields.login);
  checkPassword(input.password, login, fields.password);
  const displayName = nfc(input.displayName);
  return {
    ...(input.id ? { id: input.id } : {}),
    login,
    displayName,
    nameSearch: searchKey(displayName),
    nameSort: personSortKey(displayName),
    passwordHash: await hashPassword(input.password),
  };
}

/** The query of the account list, without paging: a subtree and a search on name and login. */
export interface UserQuery {
  orgId?: string;
  q?: string;
}

export const USER_EXPORT_JOB = 'users.export';

const statusTitle = (u: UserSummary) => shownTitle(u.disabled ? 'users.status.disabled' : u.mustChangePassword ? 'users.status.mustChange' : 'users.status.active');
const roleName = (role: string, lang: ExportLanguage) => ROLE_INFO[role as RoleCode][lang === 'vi' ? 'nameVi' : 'nameEn'];

/** The columns of the account list on screen, in their order (roles as its tags read: "role · unit"). */
const exportColumns = (lang: ExportLanguage): ListExportColumn<UserSummary>[] => [
  { header: shownTitle('users.col.name'), width: 30, value: (u) => u.displayName },
  { header: shownTitle('users.col.login'), width: 20, value: (u) => u.login },
  { header: shownTitle('users.col.homeOrg'), width: 30, value: (u) => u.homeOrg?.name ?? null },
  { header: shownTitle('users.col.roles'), width: 50, value: (u) => u.grants.map((g) => `${roleName(g.role, lang)} · ${g.orgName}`).join('; ') || null },
  { header: shownTitle('users.col.status'), width: 18, value: (u) => statusTitle(u)[lang] },
];

export function createUserService(db: Db, orgs: OrgService, deps: { jobs: JobRunner; storage: FileStorage }) {
  /** Accounts as `viewer` sees them: only the grants on organisations the viewer can see. */
  async function present(tx: Executor, viewer: Actor, rows: { user: UserRow; homeOrgName: string | null }[]): Promise<UserSummary[]> {
    const grants = await userRepo.grantsOf(
      tx,
      rows.map((r) => r.user.id),
    );
    return rows.map(({ user, homeOrgName }) => ({
      id: user.id,
      login: user.login,
      displayName: user.displayName,
      homeOrg: user.homeOrgId ? { id: user.homeOrgId, name: homeOrgName ?? '' } : null,
      disabled: user.disabled,
      mustChangePassword: user.mustChangePassword,
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      grants: grants
        .filter((g) => g.userId === user.id && can(viewer, 'org.read', g.orgPath))
        .map((g) => ({ id: g.id, orgId: g.orgId, orgName: g.orgName, role: g.role as RoleCode })),
    }));
  }

  async function summaryOf(tx: Executor, viewer: Actor, user: UserRow): Promise<UserSummary> {
    const home = user.homeOrgId ? (await orgs.findByIds(tx, [user.homeOrgId]))[0] : undefined;
    return (await present(tx, viewer, [{ user, homeOrgName: home?.name ?? null }]))[0];
  }

  /** Loads a user whose home organisation the actor may act on for `action`. */
  async function loadAuthorized(tx: Executor, actor: Actor, id: string, action: 'user.read' | 'user.manage') {
    const user = await userRepo.findById(tx, id);
    if (!user?.homeOrgId) throw userNotFound();
    const [home] = await orgs.findByIds(tx, [user.homeOrgId]);
    // A user the actor may not even read does not exist for them (404, not 403).
    if (!can(actor, 'user.read', home.path)) throw userNotFound();
    if (action === 'user.manage') {
      const grants = (await userRepo.grantsOf(tx, [id])).map((g) => ({ role: g.role as RoleCode, orgPath: g.orgPath }));
      if (!canManageAccount(actor, home.path, grants)) throw forbidden();
    }
    return user;
  }

  async function scope(viewer: Actor, orgId?: string) {
    return orgId ? [(await orgs.requireAccess(db, viewer, orgId, 'user.read')).path] : scopePaths(viewer, 'user.read');
  }

  /** The account list as `viewer` sees it, `limit` rows from `offset` (the screen's pages and the export's batches). */
  async function listRows(viewer: Actor, q: UserQuery, limit: number, offset: number) {
    const { items, total } = await userRepo.list(db, await scope(viewer, q.orgId), { key: q.q ? searchKey(q.q) : undefined, limit, offset });
    return { items: await present(db, viewer, items), total };
  }

  /** The actor behind a session: the user's grants with their organisations' paths. */
  async function loadActor(tx: Executor, userId: string): Promise<Actor> {
    const grants = await userRepo.grantsOf(tx, [userId]);
    return {
      userId,
      grants: grants.map((g): Grant => ({ id: g.id, orgId: g.orgId, orgPath: g.orgPath, orgName: g.orgName, role: g.role as RoleCode })),
    };
  }

  async function exportJob(ctx: JobContext) {
    const { query, language } = ctx.job.payload as { query: UserQuery; language: ExportLanguage };
    const actor = await loadActor(db, ctx.job.createdBy!);
    return runListExport(deps.storage, ctx, {
      actor,
      language,
      sheetName: { vi: 'Tài khoản', en: 'Accounts' },
      numbered: true,
      columns: exportColumns(language),
      batch: ({ offset, limit }) => listRows(actor, query, limit, offset),
      fileStem: 'tai-khoan',
      audit: { entity: 'user', after: { query } },
    });
  }

  deps.jobs.register(USER_EXPORT_JOB, exportJob);

  async function insertUser(tx: Executor, ctx: RequestContext, account: NewAccount, homeOrgId: string, mustChangePassword: boolean) {
    const created = await userRepo.insert(tx, { ...account, homeOrgId, mustChangePassword });
    if (!created) throw conflict('LOGIN_TAKEN', 'Tên đăng nhập đã được sử dụng.', 'This login is already in use.', 'login');
    await recordAudit(tx, ctx, { action: 'create', entity: 'user', entityId: created.id, orgId: homeOrgId, after: snapshot(created) });
    return created;
  }

  async function insertGrant(tx: Executor, ctx: RequestContext, user: UserRow, orgId: string, role: RoleCode) {
    const created = await userRepo.insertGrant(tx, { userId: user.id, orgId, role });
    if (!created) throw conflict('GRANT_EXISTS', 'Tài khoản đã có vai trò này tại đơn vị này.', 'The account already has this role here.', 'role');
    await recordAudit(tx, ctx, { action: 'grant', entity: 'user', entityId: user.id, orgId, after: { role, orgId } });
  }

  return {
    roles(ctx: RequestContext) {
      const actor = requireActor(ctx);
      return ROLE_CODES.map((code) => ({
        code,
        ...ROLE_INFO[code],
        grantable: actor.grants.some((g) => canGrant(actor, code, g.orgPath)),
      }));
    },

    loadActor,

    findByLogin(tx: Executor, login: string) {
      return userRepo.findByLogin(tx, normaliseLogin(login));
    },

    findById(tx: Executor, id: string) {
      return userRepo.findById(tx, id);
    },

    summaryOf,

    count(tx: Executor = db) {
      return userRepo.count(tx);
    },

    async list(ctx: RequestContext, q: UserQuery & { page: number; pageSize: number }): Promise<Page<UserSummary>> {
      const rows = await listRows(requireActor(ctx), q, q.pageSize, (q.page - 1) * q.pageSize);
      return { ...rows, page: q.page, pageSize: q.pageSize };
    },

    /** Queues the export of the list as shown; the query is checked now and again when the job runs. */
    async startExport(ctx: RequestContext, query: UserQuery, language: ExportLanguage) {
      await scope(requireActor(ctx), query.orgId);
      return queueListExport(db, deps.jobs, ctx, USER_EXPORT_JOB, { payload: { query, language }, orgId: query.orgId ?? null, entity: 'user', after: { query } });
    },

    async get(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const user = await loadAuthorized(db, actor, id, 'user.read');
      return summaryOf(db, actor, user);
    },

    /** For other modules: an account the actor may read (404 otherwise). */
    async requireVisible(tx: Executor, actor: Actor, id: string) {
      return loadAuthorized(tx, actor, id, 'user.read');
    },

    /** A new account must change its password at first login, unless told otherwise (demo data). */
    async create(ctx: RequestContext, input: { login: string; displayName: string; homeOrgId: string; password: string; mustChangePassword?: boolean }) {
      const actor = requireActor(ctx);
      const account = await prepareAccount(input);
      return db.transaction(async (tx) => {
        await orgs.requireAccess(tx, actor, input.homeOrgId, 'user.manage');
        const created = await insertUser(tx, ctx, account, input.homeOrgId, input.mustChangePassword ?? true);
        return summaryOf(tx, actor, created);
      });
    },

    /** First-run setup: the first administrator with system_admin on the root. */
    async createAdminInSetup(tx: Tx, ctx: RequestContext, account: NewAccount, rootOrgId: string) {
      const created = await insertUser(tx, ctx, account, rootOrgId, false);
      await insertGrant(tx, ctx, created, rootOrgId, 'system_admin');
      return created;
    },

    /** Setup's exclusivity: concurrent first runs wait here, then see the account the first one made. */
    async lockForSetup(tx: Tx) {
      await userRepo.lockTable(tx);
    },

    async update(ctx: RequestContext, id: string, input: { displayName?: string; homeOrgId?: string; disabled?: boolean }) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const before = await loadAuthorized(tx, actor, id, 'user.manage');
        const patch: Partial<UserRow> = {};
        if (input.displayName !== undefined) {
          const displayName = nfc(input.displayName);
          Object.assign(patch, { displayName, nameSearch: searchKey(displayName), nameSort: personSortKey(displayName) });
        }
        if (input.homeOrgId !== undefined && input.homeOrgId !== before.homeOrgId) {
          await orgs.requireAccess(tx, actor, input.homeOrgId, 'user.manage');
          patch.homeOrgId = input.homeOrgId;
        }
        if (input.disabled !== undefined) {
          if (input.disabled && id === actor.userId) {
            throw ruleBroken('CANNOT_DISABLE_SELF', 'Không thể tự khóa tài khoản của mình.', 'You cannot disable your own account.', 'disabled');
          }
          patch.disabled = input.disabled;
        }
        const after = await userRepo.update(tx, id, patch);
        if (after.disabled) await deleteSessionsOf(tx, id);
        await recordAudit(tx, ctx, { action: 'update', entity: 'user', entityId: id, orgId: after.homeOrgId, before: snapshot(before), after: snapshot(after) });
        return summaryOf(tx, actor, after);
      });
    },

    async resetPassword(ctx: RequestContext, id: string, newPassword: string) {
      const actor = requireActor(ctx);
      const passwordHash = await hashPassword(newPassword);
      await db.transaction(async (tx) => {
        const user = await loadAuthorized(tx, actor, id, 'user.manage');
        checkPassword(newPassword, user.login, 'newPassword');
        await userRepo.update(tx, id, { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() });
        await deleteSessionsOf(tx, id);
        await recordAudit(tx, ctx, { action: 'reset_password', entity: 'user', entityId: id, orgId: user.homeOrgId, after: { mustChangePassword: true } });
      });
    },

    /** The user's own password change (the caller has checked the current password and the policy, and hashed it). */
    async setOwnPassword(tx: Executor, ctx: RequestContext, user: UserRow, passwordHash: string) {
      await userRepo.update(tx, user.id, { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() });
      await recordAudit(tx, ctx, { action: 'change_password', entity: 'user', entityId: user.id, orgId: user.homeOrgId, after: { mustChangePassword: false } });
    },

    async recordLogin(tx: Executor, userId: string) {
      await userRepo.update(tx, userId, { lastLoginAt: new Date() });
    },

    async addGrant(ctx: RequestContext, id: string, input: { orgId: string; role: RoleCode }) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const user = await loadAuthorized(tx, actor, id, 'user.manage');
        const target = await orgs.requireAccess(tx, actor, input.orgId, 'user.manage');
        if (!canGrant(actor, input.role, target.path)) throw forbidden();
        await insertGrant(tx, ctx, user, target.id, input.role);
        return summaryOf(tx, actor, user);
      });
    },

    async removeGrant(ctx: RequestContext, id: string, grantId: string) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const user = await loadAuthorized(tx, actor, id, 'user.manage');
        if (id === actor.userId) {
          throw ruleBroken('CANNOT_REVOKE_OWN_ROLE', 'Không thể tự thu hồi vai trò của chính mình.', 'You cannot revoke your own role.');
        }
        const grant = (await userRepo.grantsOf(tx, [id])).find((g) => g.id === grantId);
        if (!grant) throw notFound({ vi: 'Không tìm thấy vai trò.', en: 'Role grant not found.' });
        await orgs.requireAccess(tx, actor, grant.orgId, 'user.manage');
        if (!canGrant(actor, grant.role as RoleCode, grant.orgPath)) throw forbidden();
        await userRepo.deleteGrant(tx, id, grantId);
        await recordAudit(tx, ctx, { action: 'revoke', entity: 'user', entityId: id, orgId: grant.orgId, before: { role: grant.role, orgId: grant.orgId } });
        return summaryOf(tx, actor, user);
      });
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
