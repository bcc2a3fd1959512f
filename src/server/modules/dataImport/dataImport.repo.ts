import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { org } from '../org/org.table.js';
import { dataImport, dataImportIssue, importMapping } from './dataImport.table.js';

export type DataImportRow = typeof dataImport.$inferSelect;
export type IssueRow = typeof dataImportIssue.$inferInsert;

export const dataImportRepo = {
  async find(db: Executor, id: string) {
    const rows = await db.select({ imp: dataImport, orgName: org.name, orgPath: org.path }).from(dataImport).innerJoin(org, eq(org.id, dataImport.orgId)).where(eq(dataImport.id, id));
    return rows[0];
  },

  listOwn(db: Executor, userId: string, limit: number, offset: number) {
    return db
      .select({ imp: dataImport, orgName: org.name, orgPath: org.path })
      .from(dataImport)
      .innerJoin(org, eq(org.id, dataImport.orgId))
      .where(eq(dataImport.userId, userId))
      .orderBy(desc(dataImport.createdAt))
      .limit(limit)
      .offset(offset);
  },

  async countOwn(db: Executor, userId: string) {
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(dataImport).where(eq(dataImport.userId, userId));
    return n;
  },

  async insert(tx: Executor, row: typeof dataImport.$inferInsert) {
    const [created] = await tx.insert(dataImport).values(row).returning();
    return created;
  },

  async update(tx: Executor, id: string, changes: Partial<typeof dataImport.$inferInsert>) {
    const [updated] = await tx
      .update(dataImport)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(dataImport.id, id))
      .returning();
    return updated;
  },

  async replaceIssues(tx: Executor, importId: string, issues: IssueRow[]) {
    await tx.delete(dataImportIssue).where(eq(dataImportIssue.importId, importId));
    for (let i = 0; i < issues.length; i += 500) await tx.insert(dataImportIssue).values(issues.slice(i, i + 500));
  },

  issues(db: Executor, importId: string, limit: number, offset: number) {
    return db.select().from(dataImportIssue).where(eq(dataImportIssue.importId, importId)).orderBy(asc(dataImportIssue.seq)).limit(limit).offset(offset);
  },

  async issueCount(db: Executor, importId: string) {
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(dataImportIssue).where(eq(dataImportIssue.importId, importId));
    return n;
  },

  async rememberedMapping(db: Executor, userId: string, kind: string): Promise<Record<string, string | null>> {
    const rows = await db.select().from(importMapping).where(and(eq(importMapping.userId, userId), eq(importMapping.kind, kind)));
    return Object.fromEntries(rows.map((r) => [r.headerKey, r.fieldKey === '' ? null : r.fieldKey]));
  },

  async remember(tx: Executor, userId: string, kind: string, entries: { headerKey: string; fieldKey: string | null }[]) {
    for (const e of entries) {
      await tx
        .insert(importMapping)
        .values({ userId, kind, headerKey: e.headerKey, fieldKey: e.fieldKey ?? '' })
        .onConflictDoUpdate({ target: [importMapping.userId, importMapping.kind, importMapping.headerKey], set: { fieldKey: e.fieldKey ?? '', updatedAt: new Date() } });
    }
  },
};
