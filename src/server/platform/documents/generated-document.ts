/**
 * Keeping a generated document: its bytes go to the storage backend, a stored_file row makes it
 * downloadable by the user who generated it, and an audit row says who generated which file from
 * which data, in the same transaction as the file row.
 *
 * The bytes are written before the transaction (no I/O inside one, see docs/architecture.md):
 *
 *   // in a job handler, outside any transaction
 *   const content = await storeDocumentContent(storage, await renderDocx(spec));
 *   return (tx) => recordGeneratedDocument(tx, ctx, content, { name, kind, sourceEntity, sourceId, orgId });
 *
 * or, from a service that has no transaction open yet, saveGeneratedDocument() does both.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import type { Db, Tx } from '../../db/index.js';
import { recordAudit } from '../audit/audit.js';
import { registerFile, type StoredFile } from '../files/files.js';
import type { FileStorage } from '../files/storage.js';
import { SYSTEM_USER_ID, type RequestContext } from '../http/context.js';
import { DOCX_CONTENT_TYPE } from './official-document.js';

/** The bytes of a generated file, or the path of a file holding them (left in place). */
export type DocumentContent = Buffer | { path: string };

/** Bytes committed to the storage backend, not yet registered. */
export interface StoredContent {
  key: string;
  size: number;
  /** Removes the bytes when the transaction that should register them fails. */
  discard(): Promise<void>;
}

export interface GeneratedDocumentInfo {
  /** The file name the user downloads, e.g. "ke-hoach-05-KH-STC.docx". */
  name: string;
  /** What the document is, e.g. "study_plan", "recognition_decision". */
  kind: string;
  /** The audit entity and id of the data it was generated from. */
  sourceEntity: string;
  sourceId: string;
  /** The organisation the data belongs to (scopes the audit row and the file). */
  orgId?: string | null;
  /** Defaults from the name's extension (.docx, .pdf, .xlsx). */
  contentType?: string;
  /** More facts for the audit row, e.g. the version of the data or the document number. */
  details?: Record<string, unknown>;
}

const CONTENT_TYPES: Record<string, string> = {
  docx: DOCX_CONTENT_TYPE,
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function contentTypeOf(info: GeneratedDocumentInfo): string {
  const extension = info.name.split('.').pop()?.toLowerCase() ?? '';
  const type = info.contentType ?? CONTENT_TYPES[extension];
  if (!type) throw new Error(`no content type for ${info.name}`);
  return type;
}

/** Writes the bytes to the storage backend. Call it outside any transaction. */
export async function storeDocumentContent(storage: FileStorage, content: DocumentContent): Promise<StoredContent> {
  const target = await storage.create();
  try {
    await (Buffer.isBuffer(content) ? writeFile(target.path, content) : copyFile(content.path, target.path));
    const size = await target.commit();
    return { key: target.key, size, discard: () => storage.delete(target.key) };
  } catch (err) {
    await target.discard();
    throw err;
  }
}

/** Registers stored bytes as a file of the acting user and records the 'generate' audit row. */
export async function recordGeneratedDocument(tx: Tx, ctx: RequestContext, content: StoredContent, info: GeneratedDocumentInfo): Promise<StoredFile> {
  const userId = ctx.actor && ctx.actor.userId !== SYSTEM_USER_ID ? ctx.actor.userId : null;
  const file = await registerFile(tx, {
    name: info.name,
    contentType: contentTypeOf(info),
    size: content.size,
    storageKey: content.key,
    createdBy: userId,
    orgId: info.orgId ?? null,
  });
  await recordAudit(tx, ctx, {
    action: 'generate',
    entity: info.sourceEntity,
    entityId: info.sourceId,
    orgId: info.orgId ?? null,
    after: { ...info.details, fileId: file.id, name: file.name, kind: info.kind, size: file.size },
  });
  return file;
}

/** Stores the bytes, then registers and audits them in one transaction; the bytes go if it fails. */
export async function saveGeneratedDocument(
  db: Db,
  storage: FileStorage,
  ctx: RequestContext,
  content: DocumentContent,
  info: GeneratedDocumentInfo,
): Promise<StoredFile> {
  contentTypeOf(info); // an unknown type fails before anything is stored
  const stored = await storeDocumentContent(storage, content);
  try {
    return await db.transaction((tx) => recordGeneratedDocument(tx, ctx, stored, info));
  } catch (err) {
    await stored.discard();
    throw err;
  }
}
