import { formatDateTime } from '../../../shared/vn-text.js';
import type { Db } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { unauthenticated } from '../../platform/errors.js';
import { registerFile } from '../../platform/files/files.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { systemContext, type RequestContext } from '../../platform/http/context.js';
import type { JobRunner } from '../../platform/jobs/runner.js';
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
const EXPORT_BATCH = 2000;

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

  async function exportJob({ job, progress }: Parameters<Parameters<JobRunner['register']>[1]>[0]) {
    const payload = job.payload as { query: AuditQuery; language: 'vi' | 'en' };
    const actor = await users.loadActor(db, job.createdBy!);
    const filter = await filterFor(actor, payload.query);
    const total = await auditRepo.count(db, filter);
    const target = await storage.create();
    const vi = payload.language !== 'en';
    try {
      // Loaded on first use: exceljs costs a quarter of a second at start-up.
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target.path, useStyles: true });
      const sheet = workbook.addWorksheet(vi ? 'Nhật ký' : 'Audit log', { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = [
        { header: vi ? 'Thời gian' : 'Time', key: 'at', width: 18 },
        { header: vi ? 'Người thực hiện' : 'User', key: 'userName', width: 26 },
        { header: vi ? 'Hành động' : 'Action', key: 'action', width: 16 },
        { header: vi ? 'Đối tượng' : 'Entity', key: 'entity', width: 12 },
        { header: vi ? 'Tên đối tượng' : 'Entity name', key: 'entityName', width: 30 },
        { header: vi ? 'Mã đối tượng' : 'Entity id', key: 'entityId', width: 38 },
        { header: vi ? 'Đơn vị' : 'Organisation', key: 'orgName', width: 36 },
        { header: vi ? 'Trước' : 'Before', key: 'before', width: 50 },
        { header: vi ? 'Sau' : 'After', key: 'after', width: 50 },
        { header: vi ? 'Mã yêu cầu' : 'Request id', key: 'requestId', width: 20 },
        { header: vi ? 'Địa chỉ IP' : 'IP address', key: 'ip', width: 16 },
      ];
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
      let written = 0;
      let beforeId: number | undefined;
      for (;;) {
        const rows = await auditRepo.page(db, filter, EXPORT_BATCH, beforeId);
        for (const row of rows) {
          const r = present(row, actor);
          sheet
            .addRow({
              ...r,
              at: formatDateTime(row.at),
              before: r.before ? JSON.stringify(r.before) : '',
              after: r.after ? JSON.stringify(r.after) : '',
            })
            .commit();
        }
        written += rows.length;
        await progress(total ? written / total : 1, { vi: `Đã ghi ${written}/${total} dòng`, en: `${written}/${total} rows written` });
        if (rows.length < EXPORT_BATCH) break;
        beforeId = rows.at(-1)!.id;
      }
      sheet.commit();
      await workbook.commit();
      const size = await target.commit();
      const fileName = `nhat-ky-${new Date().toISOString().slice(0, 10)}.xlsx`;
      return async (tx: Parameters<Parameters<Db['transaction']>[0]>[0]) => {
        const file = await registerFile(tx, {
          name: fileName,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          size,
          storageKey: target.key,
          createdBy: job.createdBy,
          orgId: job.orgId,
        });
        await recordAudit(tx, systemContext(actor, `job:${job.id}`), {
          action: 'export',
          entity: 'audit',
          entityId: file.id,
          orgId: job.orgId,
          after: { query: payload.query, rows: written },
        });
        return { fileId: file.id, fileName, rows: written };
      };
    } catch (err) {
      await target.discard();
      throw err;
    }
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
      return db.transaction(async (tx) => {
        const queued = await jobs.enqueue(tx, ctx, AUDIT_EXPORT_JOB, { query: q, language }, q.orgId ?? null);
        await recordAudit(tx, ctx, { action: 'export_requested', entity: 'audit', entityId: queued.id, orgId: q.orgId ?? null, after: { query: q, scopes: filter.scope.length } });
        return queued;
      });
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
