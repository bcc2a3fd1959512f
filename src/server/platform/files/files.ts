import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import { notFound } from '../errors.js';
import type { RequestContext } from '../http/context.js';
import { storedFile } from './file.table.js';
import type { FileStorage } from './storage.js';

export type StoredFile = typeof storedFile.$inferSelect;

export async function registerFile(tx: Executor, row: typeof storedFile.$inferInsert): Promise<StoredFile> {
  const [created] = await tx.insert(storedFile).values(row).returning();
  return created;
}

export function createFileService(db: Executor, storage: FileStorage) {
  return {
    /** A generated file is downloadable only by the user who made it. */
    async openOwn(ctx: RequestContext, id: string) {
      const file = await db.query.storedFile.findFirst({ where: eq(storedFile.id, id) });
      if (!file || !ctx.actor || file.createdBy !== ctx.actor.userId) {
        throw notFound({ vi: 'Không tìm thấy tệp.', en: 'File not found.' });
      }
      return { file, stream: storage.stream(file.storageKey) };
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;
