import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/db.js';
import type { Database } from '../../db/index.js';
import { auditLog } from '../audit/audit.table.js';
import { createFileService } from '../files/files.js';
import { storedFile } from '../files/file.table.js';
import { createLocalStorage, type FileStorage } from '../files/storage.js';
import { systemContext } from '../http/context.js';
import type { Actor } from '../policy.js';
import { zipEntryText } from './docx-reading.fixture.js';
import { recordGeneratedDocument, saveGeneratedDocument, storeDocumentContent } from './generated-document.js';
import { DOCX_CONTENT_TYPE, renderDocx } from './official-document.js';
import { samplePlan } from './sample-plan.fixture.js';

let database: Database;
let dir: string;
let storage: FileStorage;
const actor: Actor = { userId: randomUUID(), grants: [] };
const ctx = systemContext(actor, 'job:test');
const orgId = randomUUID();
const planId = randomUUID();

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'hoctap-documents-'));
  storage = createLocalStorage(path.join(dir, 'files'));
});
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Names of the objects in the storage folder (no temporary parts left behind). */
async function storedObjects(): Promise<string[]> {
  const root = path.join(dir, 'files');
  const folders = await readdir(root).catch(() => []);
  return (await Promise.all(folders.map((f) => readdir(path.join(root, f))))).flat();
}

describe('saveGeneratedDocument', () => {
  it('stores the file, lets its author download it and records who generated it from which data', async () => {
    const docx = await renderDocx(samplePlan());
    const file = await saveGeneratedDocument(database.db, storage, ctx, docx, {
      name: 'ke-hoach-05-KH-STC.docx',
      kind: 'unit_learning_plan',
      sourceEntity: 'learning_plan',
      sourceId: planId,
      orgId,
      details: { number: '05/KH-STC' },
    });
    expect(file).toMatchObject({ name: 'ke-hoach-05-KH-STC.docx', contentType: DOCX_CONTENT_TYPE, size: docx.length, createdBy: actor.userId, orgId });

    const own = await createFileService(database.db, storage).openOwn(ctx, file.id);
    const downloaded = await buffer(own.stream);
    expect(downloaded.equals(docx)).toBe(true);
    expect(zipEntryText(downloaded, 'word/document.xml')).toContain('Số: 05/KH-STC');

    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.entityId, planId));
    expect(audit).toMatchObject({ action: 'generate', entity: 'learning_plan', userId: actor.userId, orgId, requestId: 'job:test' });
    expect(audit.after).toEqual({ number: '05/KH-STC', fileId: file.id, name: file.name, kind: 'unit_learning_plan', size: docx.length });
  });

  it('copies a file rendered to a path', async () => {
    const source = path.join(dir, 'rendered.docx');
    await writeFile(source, await renderDocx(samplePlan()));
    const file = await saveGeneratedDocument(database.db, storage, ctx, { path: source }, { name: 'ban-sao.docx', kind: 'copy', sourceEntity: 'learning_plan', sourceId: planId });
    expect(file.size).toBeGreaterThan(1000);
  });

  it('removes the stored bytes when the transaction that records them fails', async () => {
    const before = await storedObjects();
    const failing = { name: 'loi.docx', kind: 'test', sourceEntity: 'learning_plan', sourceId: planId, orgId: 'not-a-uuid' };
    await expect(saveGeneratedDocument(database.db, storage, ctx, Buffer.from('PK'), failing)).rejects.toThrow();
    expect(await database.db.select().from(storedFile).where(eq(storedFile.name, 'loi.docx'))).toEqual([]);
    expect(await storedObjects()).toEqual(before);
  });

  it('splits into storing outside and recording inside the transaction, as a job does', async () => {
    const content = await storeDocumentContent(storage, await renderDocx(samplePlan()));
    const file = await database.db.transaction((tx) =>
      recordGeneratedDocument(tx, ctx, content, { name: 'ke-hoach.docx', kind: 'plan', sourceEntity: 'learning_plan', sourceId: planId }),
    );
    expect(file).toMatchObject({ storageKey: content.key, size: content.size });
  });

  it('refuses a file name without a known type before storing anything', async () => {
    const before = await storedObjects();
    await expect(
      saveGeneratedDocument(database.db, storage, ctx, Buffer.from('x'), { name: 'ke-hoach', kind: 'x', sourceEntity: 'learning_plan', sourceId: planId }),
    ).rejects.toThrow('no content type');
    expect(await storedObjects()).toEqual(before);
  });
});
