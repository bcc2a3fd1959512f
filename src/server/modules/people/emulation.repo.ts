import { and, desc, eq } from 'drizzle-orm';
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
