import { CITIZEN_GROUPS, HOUSEHOLD_RELATIONS, PEOPLE_COLUMNS, SEXES, STAFF_CATEGORIES, type PeopleColumn } from '../../../shared/people.js';
import type { Bilingual, PersonListItem } from '../../../shared/api-types.js';
import { formatDate } from '../../../shared/vn-text.js';
import type { Db, Tx } from '../../db/index.js';
import { AppError } from '../../platform/errors.js';
import { queueListExport, runListExport } from '../../platform/excel/list-export.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { requireActor, systemContext, type RequestContext } from '../../platform/http/context.js';
import type { JobContext, JobRunner } from '../../platform/jobs/runner.js';
import type { Actor } from '../../platform/policy.js';
import type { OrgService } from '../org/org.service.js';
import type { UserService } from '../user/user.service.js';
import { peopleRepo } from './people.repo.js';
import type { PeopleQuery, PeopleService } from './people.service.js';

export const PEOPLE_EXPORT_JOB = 'people.export';
export const PEOPLE_BULK_JOB = 'people.bulk';

export type ExportQuery = Omit<PeopleQuery, 'page' | 'pageSize'>;
export interface BulkRequest {
  action: 'move' | 'end';
  membershipIds: string[];
  targetOrgId?: string;
  /** The first day of the new membership; the old one holds until the day before. */
  date: string;
}

const label = (table: Record<string, Bilingual>, code: string | null | undefined, lang: 'vi' | 'en') => (code ? (table[code]?.[lang] ?? code) : '');

/** A cell of the export exactly as the list shows it (masked values stay masked). */
function cellOf(p: PersonListItem, column: PeopleColumn, lang: 'vi' | 'en'): string {
  switch (column) {
    case 'birthDate':
      return p.birthDate ? formatDate(p.birthDate) : '';
    case 'sex':
      return label(SEXES, p.sex, lang);
    case 'org':
      return p.org.name;
    case 'category':
      return label(STAFF_CATEGORIES, p.category, lang);
    case 'isLeader':
      return p.isLeader ? (lang === 'vi' ? 'Có' : 'Yes') : '';
    case 'householdRelation':
      return label(HOUSEHOLD_RELATIONS, p.householdRelation, lang);
    case 'citizenGroup':
      return label(CITIZEN_GROUPS, p.citizenGroup, lang);
    default:
      return (p[column] as string | null | undefined) ?? '';
  }
}

/** Excel exports of the people lists and bulk changes of memberships, as background jobs. */
export function createPeopleJobs(db: Db, deps: { people: PeopleService; orgs: OrgService; users: UserService; jobs: JobRunner; storage: FileStorage }) {
  const { people, orgs, users, jobs, storage } = deps;

  async function exportJob(ctx: JobContext) {
    const { query, columns, language } = ctx.job.payload as { query: ExportQuery; columns: PeopleColumn[]; language: 'vi' | 'en' };
    const actor = await users.loadActor(db, ctx.job.createdBy!);
    return runListExport(storage, ctx, {
      actor,
      language,
      sheetName: { vi: 'Danh sách', en: 'List' },
      numbered: true,
      columns: columns.map((c) => ({ header: PEOPLE_COLUMNS[c], width: c === 'fullName' || c === 'org' ? 30 : 16, value: (p: PersonListItem) => cellOf(p, c, language) })),
      batch: ({ offset, limit }) => people.listRows(actor, query, limit, offset),
      fileStem: `danh-sach-${query.kind === 'staff' ? 'can-bo' : 'dan-cu'}`,
      audit: { entity: 'person', after: { query, columns } },
    });
  }

  /** Checks every membership first; the changes then go in one transaction, so a bad row changes nothing. */
  async function bulkJob({ job, progress }: JobContext) {
    const payload = job.payload as BulkRequest;
    const actor = await users.loadActor(db, job.createdBy!);
    const ctx = systemContext(actor, `job:${job.id}`);
    await checkBulk(actor, payload);
    await progress(0.2, { vi: 'Đã kiểm tra, đang cập nhật…', en: 'Checked, updating…' });
    return async (tx: Tx) => {
      const changed = await people.applyBulk(tx, ctx, payload);
      return { changed };
    };
  }

  async function checkBulk(actor: Actor, r: BulkRequest) {
    if (r.action === 'move') {
      if (!r.targetOrgId) throw new AppError(400, 'INVALID_INPUT', { vi: 'Chọn đơn vị chuyển đến.', en: 'Choose the unit to move to.' }, 'targetOrgId');
      await orgs.requireAccess(db, actor, r.targetOrgId, 'person.manage');
    }
    for (const id of r.membershipIds) {
      const m = await peopleRepo.findMembership(db, id);
      if (!m) throw new AppError(404, 'NOT_FOUND', { vi: 'Không tìm thấy quá trình công tác.', en: 'Membership not found.' });
      await orgs.requireAccess(db, actor, m.orgId, 'person.manage');
    }
  }

  jobs.register(PEOPLE_EXPORT_JOB, exportJob);
  jobs.register(PEOPLE_BULK_JOB, bulkJob);

  return {
    /** Queues an export of the list as shown; the query is checked now and again when the job runs. */
    async startExport(ctx: RequestContext, query: ExportQuery, columns: PeopleColumn[], language: 'vi' | 'en') {
      await people.listRows(requireActor(ctx), query, 1, 0);
      return queueListExport(db, jobs, ctx, PEOPLE_EXPORT_JOB, { payload: { query, columns, language }, orgId: query.orgId ?? null, entity: 'person', after: { query, columns } });
    },

    async startBulk(ctx: RequestContext, request: BulkRequest) {
      await checkBulk(requireActor(ctx), request);
      return db.transaction(async (tx) => jobs.enqueue(tx, ctx, PEOPLE_BULK_JOB, request, request.targetOrgId ?? null));
    },
  };
}

export type PeopleJobs = ReturnType<typeof createPeopleJobs>;
