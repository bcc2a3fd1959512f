import { formatDateTime } from '../../../shared/vn-text.js';
import type { Db } from '../../db/index.js';
import { unauthenticated } from '../../platform/errors.js';
import { queueListExport, runListExport, type ExportLanguage, type ListExportColumn } from '../../platform/excel/list-export.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { JobContext, JobRunner } from '../../platform/jobs/runner.js';
import { can, isSystemAdmin, scopePaths, type Actor } from '../../platform/policy.js';
import { maskCitizenId, maskPhone } from '../../../shared/people.js';
import { startOfVietnamDay } from '../../platform/time.js';
import type { OrgService } from '../org/org.service.js';
import type { UserService } from '../user/user.service.js';
import { auditRepo, type AuditFilter, type AuditRow } from './audit.repo.js';

export interface AuditQuery {
  orgId?: string;
  userId?: string;
  entity?: string;
  action?: string;
  /** Vietnam calendar days, 'yyyy-mm-dd', both included. */
  from?: string;
  to?: string;
}

export const AUDIT_EXPORT_JOB = 'audit.export';

/** Keys of people's records that only those who may read identifiers see in the audit. */
const PERSONAL_KEYS: Record<string, (v: string) => string> = { citizenId: maskCitizenId, phone: maskPhone, email: () => '***' };

function maskPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonal);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === 'string' && PERSONAL_KEYS[k] ? PERSONAL_KEYS[k](v) : maskPersonal(v)]),
  );
}

/** An audit row as `viewer` may read it: identifiers of people masked unless they may read them there. */
function present(r: AuditRow, viewer: Actor) {
  const { orgPath, ...row } = r;
  const sensitive = orgPath ? can(viewer, 'person.sensitive', orgPath) : isSystemAdmin(viewer);
  return {
    ...row,
    id: String(r.id),
    at: r.at.toISOString(),
    before: sensitive ? r.before : maskPersonal(r.before),
    after: sensitive ? r.after : maskPersonal(r.after),
  };
}

type AuditEntryView = ReturnType<typeof present>;
const json = (v: unknown) => (v ? JSON.stringify(v) : '');

const EXPORT_COLUMNS: ListExportColumn<AuditEntryView>[] = [
  { header: { vi: 'Thời gian', en: 'Time' }, width: 18, value: (r) => formatDateTime(r.at) },
  { header: { vi: 'Người thực hiện', en: 'User' }, width: 26, value: (r) => r.userName },
  { header: { vi: 'Hành động', en: 'Action' }, width: 16, value: (r) => r.action },
  { header: { vi: 'Đối tượng', en: 'Entity' }, width: 12, value: (r) => r.entity },
  { header: { vi: 'Tên đối tượng', en: 'Entity name' }, width: 30, value: (r) => r.entityName },
  { header: { vi: 'Mã đối tượng', en: 'Entity id' }, width: 38, value: (r) => r.entityId },
  { header: { vi: 'Đơn vị', en: 'Organisation' }, width: 36, value: (r) => r.orgName },
  { header: { vi: 'Trước', en: 'Before' }, width: 50, value: (r) => json(r.before) },
  { header: { vi: 'Sau', en: 'After' }, width: 50, value: (r) => json(r.after) },
  { header: { vi: 'Mã yêu cầu', en: 'Request id' }, width: 20, value: (r) => r.requestId },
  { header: { vi: 'Địa chỉ IP', en: 'IP address' }, width: 16, value: (r) => r.ip },
];

function nextDay(isoDay: string): Date {
  const d = startOfVietnamDay(isoDay);
  return new Date(d.getTime() + 24 * 3600 * 1000);
}

export function createAuditService(db: Db, orgs: OrgService, users: UserService, jobs: JobRunner, storage: FileStorage) {
  /** The filter as this actor may run it: never wider than the subtrees where they may read the audit. */
  async function filterFor(actor: Actor, q: AuditQuery): Promise<AuditFilter> {
    const scope = q.orgId ? [(await orgs.requireAccess(db, actor, q.orgId, 'audit.read')).path] : scopePaths(actor, 'audit.read');
    return {
      scope,
      includeUnscoped: !q.orgId && isSystemAdmin(actor),
      userId: q.userId,
      entity: q.entity,
      action: q.action,
      from: q.from ? startOfVietnamDay(q.from) : undefined,
      to: q.to ? nextDay(q.to) : undefined,
    };
  }

  async function exportJob(ctx: JobContext) {
    const { query, language } = ctx.job.payload as { query: AuditQuery; language: ExportLanguage };
    const actor = await users.loadActor(db, ctx.job.createdBy!);
    const filter = await filterFor(actor, query);
    const total = await auditRepo.count(db, filter);
    return runListExport(storage, ctx, {
      actor,
      language,
      sheetName: { vi: 'Nhật ký', en: 'Audit log' },
      numbered: false,
      columns: EXPORT_COLUMNS,
      batch: async ({ limit, last }) => ({ items: (await auditRepo.page(db, filter, limit, last && Number(last.id))).map((r) => present(r, actor)), total }),
      fileStem: 'nhat-ky',
      audit: { entity: 'audit', after: { query } },
    });
  }

  jobs.register(AUDIT_EXPORT_JOB, exportJob);

  return {
    async list(ctx: RequestContext, q: AuditQuery & { cursor?: string; limit: number }) {
      if (!ctx.actor) throw unauthenticated();
      const filter = await filterFor(ctx.actor, q);
      const rows = await auditRepo.page(db, filter, q.limit + 1, q.cursor ? Number(q.cursor) : undefined);
      const items = rows.slice(0, q.limit).map((r) => present(r, ctx.actor!));
      return { items, nextCursor: rows.length > q.limit ? items.at(-1)!.id : null };
    },

    /** Queues the Excel export; the filter is checked now and again when the job runs. */
    async startExport(ctx: RequestContext, q: AuditQuery, language: 'vi' | 'en') {
      if (!ctx.actor) throw unauthenticated();
      const filter = await filterFor(ctx.actor, q);
      return queueListExport(db, jobs, ctx, AUDIT_EXPORT_JOB, { payload: { query: q, language }, orgId: q.orgId ?? null, entity: 'audit', after: { query: q, scopes: filter.scope.length } });
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
