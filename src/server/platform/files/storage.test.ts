/**
 * The two storage backends keep the same contract: the data folder, and an S3-compatible bucket
 * (a real S3 server, s3rver, listening on a local port). Evidence files uploaded through the API
 * land in the bucket and come back byte for byte.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';
import { parseStorage } from '../../config.js';
import { createS3Storage, type S3StorageConfig } from './s3-storage.js';
import { createLocalStorage, type FileStorage } from './storage.js';

const dir = mkdtempSync(path.join(tmpdir(), 'hoctap-storage-'));
let server: S3rver;
let s3: S3StorageConfig;

beforeAll(async () => {
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(dir, 's3'), configureBuckets: [{ name: 'hoctap', configs: [] }] });
  const { port } = await server.run();
  s3 = {
    kind: 's3',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket: 'hoctap',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: 'kontum/',
  };
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const readAll = async (stream: NodeJS.ReadableStream) => {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
};

/** 300 KB of varied bytes: more than one chunk each way. */
const CONTENT = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 31 + (i >> 8)) % 256));

const backends: [string, () => FileStorage][] = [
  ['the data folder', () => createLocalStorage(path.join(dir, 'files'))],
  ['an S3-compatible bucket', () => createS3Storage(s3, path.join(dir, 'spool'))],
];

describe.each(backends)('storage in %s', (_name, make) => {
  it('keeps an object, streams it back whole, and deletes it', async () => {
    const storage = make();
    const target = await storage.create();
    await writeFile(target.path, CONTENT);
    expect(await target.commit()).toBe(CONTENT.length);
    expect(existsSync(target.path)).toBe(false);
    expect((await readAll(storage.stream(target.key))).equals(CONTENT)).toBe(true);
    await storage.delete(target.key);
    await expect(readAll(storage.stream(target.key))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('discards an object never committed, and refuses a key it did not make', async () => {
    const storage = make();
    const target = await storage.create();
    await writeFile(target.path, 'half');
    await target.discard();
    expect(existsSync(target.path)).toBe(false);
    await expect(readAll(storage.stream(target.key))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => storage.stream('../../etc/passwd')).toThrow('bad storage key');
  });
});

describe('the S3 backend in the app', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('keeps evidence files in the bucket under the prefix and serves them back', async () => {
    t = await createTestApp({ storage: s3 });
    const s = await smallAgency(t.app);
    await s.admin.post('/api/v1/people', { fullName: 'Võ Thị Mỹ Linh', userId: s.memberA.id, membership: { orgId: s.unitA.id, category: 'cong_chuc', validFrom: '2020-01-01' } });
    const record = await s.memberA.client.post('/api/v1/learning-records', { kind: 'course', title: 'Kỹ năng số cơ bản', endsOn: '2026-05-08', hours: 8 });
    expect(record.status, JSON.stringify(record.body)).toBe(201);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), CONTENT, Buffer.from('\n%%EOF\n')]);
    const added = await s.memberA.client.upload(`/api/v1/learning-records/${record.body.id}/evidence`, {}, { name: 'Chứng chỉ.pdf', content: pdf });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const file = await t.app.inject({ method: 'GET', url: `/api/v1/learning-records/${record.body.id}/evidence/${added.body.evidence[0].id}`, headers: { cookie: s.headA.client.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(pdf)).toBe(true);

    const client = new S3Client({ region: s3.region, endpoint: s3.endpoint, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
    const listed = await client.send(new ListObjectsV2Command({ Bucket: 'hoctap', Prefix: 'kontum/' }));
    expect(listed.Contents?.some((o) => o.Size === pdf.length)).toBe(true);
    expect(existsSync(path.join(t.dataDir, 'files'))).toBe(false);
    expect(readdirSync(path.join(t.dataDir, 'spool'))).toEqual([]);
  });
});

describe('STORAGE settings', () => {
  it('default to the data folder; s3 names what is missing, in both languages', () => {
    expect(parseStorage({})).toEqual({ kind: 'local' });
    expect(() => parseStorage({ STORAGE: 's3', S3_BUCKET: 'b' })).toThrow('STORAGE=s3 needs S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY / STORAGE=s3 cần đặt S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY');
    expect(() => parseStorage({ STORAGE: 'ftp' })).toThrow('STORAGE must be "local" or "s3"');
    expect(parseStorage({ STORAGE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_ENDPOINT: 'https://s3.example.gov.vn/' })).toMatchObject({
      endpoint: 'https://s3.example.gov.vn',
      forcePathStyle: true,
      region: 'us-east-1',
    });
  });
});
