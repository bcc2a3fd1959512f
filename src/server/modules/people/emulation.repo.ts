import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { emulationRecord } from './emulation.table.js';

export type EmulationRow = typeof emulationRecord.$inferSelect;

export const emulationRepo = {
  forPerson(db: Executor, personId: string): Promise<EmulationRow[]> {
    return db.select().from(emulationRecord).where(eq(emulationRecord.personId, personId)).orderBy(desc(emulationRecord.year));
  },

  forOrg(db: Executor, orgId: string): Promise<EmulationRow[]> {
    return db.select().from(emulationRecord).where(eq(emulationRecord.orgId, orgId)).orderBy(desc(emulationRecord.year));
  },

  find(db: Executor, subject: { personId: string } | { orgId: string }, year: number) {
    const who = 'personId' in subject ? eq(emulationRecord.personId, subject.personId) : eq(emulationRecord.orgId, subject.orgId);
    return db.query.emulationRecord.findFirst({ where: and(who, eq(emulationRecord.year, year)) });
  },

  async save(tx: Executor, existing: EmulationRow | undefined, row: typeof emulationRecord.$inferInsert): Promise<EmulationRow> {
    if (existing) {
      const [updated] = await tx
        .update(emulationRecord)
        .set({ titleCode: row.titleCode, discipline: row.discipline, note: row.note, updatedAt: new Date() })
        .where(eq(emulationRecord.id, existing.id))
        .returning();
      return updated;
    }
    const [created] = await tx.insert(emulationRecord).values(row).returning();
    return created;
  },
};

/**
 * Emulation results that derived indicators count (recognition/derived-facts.ts), as SQL relations of
 * `(subject_id, source_id)`: the person and their record of the year. Composed by the caller with the
 * population counted into one set-based statement.
 */
export const emulationRelations = {
  /** People whose individual title of the year is one of `titleCodes`. */
  personTitles(year: number, titleCodes: string[]): SQL {
    return sql`select e.person_id as subject_id, e.id as source_id from ${emulationRecord} e
      where e.year = ${year} and e.person_id is not null and e.title_code = any(${sql.param(titleCodes)}::text[])`;
  },

  /** People whose labour-discipline standing of the year is one of `disciplineCodes`. */
  personDiscipline(year: number, disciplineCodes: string[]): SQL {
    return sql`select e.person_id as subject_id, e.id as source_id from ${emulationRecord} e
      where e.year = ${year} and e.person_id is not null and e.discipline = any(${sql.param(disciplineCodes)}::text[])`;
  },
};
