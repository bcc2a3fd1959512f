import type { EmulationView } from '../../../shared/api-types.js';
import { searchKey } from '../../../shared/vn-text.js';
import type { SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { invalid } from '../../platform/errors.js';
import { requireActor, type RequestContext } from '../../platform/http/context.js';
import type { OrgService } from '../org/org.service.js';
import catalogue from '../../../../criteria/emulation.json' with { type: 'json' };
import { emulationRelations, emulationRepo, type EmulationRow } from './emulation.repo.js';
import type { PeopleService } from './people.service.js';

export type EmulationCatalogue = typeof catalogue;

export const presentEmulation = (r: EmulationRow): EmulationView => ({ year: r.year, titleCode: r.titleCode, discipline: r.discipline, note: r.note });

/** The individual title a cell names ("Lao động tiên tiến", "CSTĐ cơ sở", a code), or null. */
export function individualTitleCode(text: string): string | null {
  const key = searchKey(text).replace(/[^a-z0-9]+/g, ' ').trim().replace(/^cstd\b/, 'chien si thi dua').replace(/^ldtt$/, 'lao dong tien tien');
  const found = catalogue.individual.find((t) => t.code.toLowerCase() === text.trim().toLowerCase() || searchKey(t.nameVi).replace(/[^a-z0-9]+/g, ' ').trim() === key);
  return found?.code ?? null;
}

/** Code of an individual title, a collective title or a discipline standing, or an error naming the field. */
export function checkEmulationCode(list: 'individual' | 'collective' | 'discipline', code: string | null | undefined, field: string) {
  if (code && !catalogue[list].some((t) => t.code === code)) {
    throw invalid(field, `Mã "${code}" không có trong danh mục.`, `Code "${code}" is not in the catalogue.`);
  }
}

/** Yearly emulation titles of people and units, and labour-discipline standing of people (criteria/emulation.json). */
export function createEmulationService(db: Db, orgs: OrgService, people: PeopleService) {
  async function save(tx: Executor, ctx: RequestContext, subject: { personId: string } | { orgId: string }, year: number, orgId: string | null, values: { titleCode: string | null; discipline: string | null; note: string | null }) {
    const before = await emulationRepo.find(tx, subject, year);
    const after = await emulationRepo.save(tx, before, { ...subject, year, ...values });
    await recordAudit(tx, ctx, { action: before ? 'update' : 'create', entity: 'emulation', entityId: after.id, orgId, before: before ? presentEmulation(before) : null, after: { ...subject, ...presentEmulation(after) } });
    return presentEmulation(after);
  }

  return {
    catalogue: () => catalogue,

    async setForPerson(ctx: RequestContext, personId: string, year: number, input: { titleCode: string | null; discipline: string | null; note?: string | null }) {
      checkEmulationCode('individual', input.titleCode, 'titleCode');
      checkEmulationCode('discipline', input.discipline, 'discipline');
      return db.transaction(async (tx) => {
        const p = await people.requireAccess(tx, requireActor(ctx), personId, 'person.manage');
        return save(tx, ctx, { personId }, year, p.orgId, { titleCode: input.titleCode, discipline: input.discipline, note: input.note ?? null });
      });
    },

    async setForOrg(ctx: RequestContext, orgId: string, year: number, input: { titleCode: string | null; note?: string | null }) {
      checkEmulationCode('collective', input.titleCode, 'titleCode');
      return db.transaction(async (tx) => {
        await orgs.requireAccess(tx, requireActor(ctx), orgId, 'person.manage');
        return save(tx, ctx, { orgId }, year, orgId, { titleCode: input.titleCode, discipline: null, note: input.note ?? null });
      });
    },

    async forOrg(ctx: RequestContext, orgId: string) {
      await orgs.requireAccess(db, requireActor(ctx), orgId, 'org.read');
      return (await emulationRepo.forOrg(db, orgId)).map(presentEmulation);
    },
  };
}

export type EmulationService = ReturnType<typeof createEmulationService>;

/** Codes of the catalogue's individual or collective titles of rank `minRank` or higher (criteria/emulation.json). */
export function titleCodesFrom(list: 'individual' | 'collective', minRank: number): string[] {
  return catalogue[list].filter((t) => t.rank >= minRank).map((t) => t.code);
}

/** Rank of an individual or collective title code, or null when the catalogue does not know it. */
export const titleRank = (list: 'individual' | 'collective', code: string | null): number | null =>
  catalogue[list].find((t) => t.code === code)?.rank ?? null;

/**
 * What derived indicators read of the emulation records (recognition/derived-facts.ts): relations of
 * `(subject_id, source_id)` to compose into one set-based statement, and a unit's own collective title.
 */
export const emulationFacts = {
  /** People holding an individual title of rank `minRank` or higher in the year. */
  personTitlesFrom(year: number, minRank: number): SQL {
    return emulationRelations.personTitles(year, titleCodesFrom('individual', minRank));
  },

  /** People whose labour-discipline standing of the year is compliant (TT 24/2023 criterion 2.1). */
  personsKeepingDiscipline(year: number): SQL {
    return emulationRelations.personDiscipline(
      year,
      catalogue.discipline.filter((d) => d.compliant).map((d) => d.code),
    );
  },

  /** The unit's own record of the year with its collective title's rank; null when nothing is recorded. */
  async collectiveTitleOf(db: Executor, orgId: string, year: number): Promise<{ id: string; titleCode: string | null; rank: number | null } | null> {
    const row = await emulationRepo.find(db, { orgId }, year);
    return row ? { id: row.id, titleCode: row.titleCode, rank: titleRank('collective', row.titleCode) } : null;
  },
};
