import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { FileStorage } from './storage.js';

/** Where an S3-compatible object store is (MinIO, Ceph, a cloud's object storage): from the environment, see config.ts. */
export interface S3StorageConfig {
  kind: 's3';
  /** The service address (https://s3.example.gov.vn); unset: AWS for the region. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Buckets in the path (https://host/bucket/key), as most self-hosted stores want. */
  forcePathStyle: boolean;
  /** Prepended to every object name, so that several deployments can share a bucket. */
  prefix: string;
}

const KEY = /^[0-9a-f-]{36}$/;

function checkedKey(key: string) {
  if (!KEY.test(key)) throw new Error('bad storage key');
  return key;
}

/**
 * File bytes in an S3-compatible bucket. A new object is written to a temporary file under `spool`
 * (callers stream into a path: uploads, generated documents) and sent on commit with its length;
 * reading streams the object's body as it arrives. Errors carry the S3 error's name and the key,
 * never the credentials.
 */
export function createS3Storage(config: S3StorageConfig, spool: string): FileStorage {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Checksums only where S3 requires them: the SDK's default streams uploads as "aws-chunked" with a
    // trailing checksum, which many S3-compatible stores do not understand and keep as the content.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const objectName = (key: string) => `${config.prefix}${checkedKey(key)}`;
  const storageError = (act: string, key: string, err: unknown) => {
    const name = (err as { name?: string })?.name ?? 'Error';
    return Object.assign(new Error(`object storage: ${act} ${key} failed (${name})`), { code: name === 'NoSuchKey' ? 'ENOENT' : name });
  };

  return {
    async create() {
      const key = randomUUID();
      await mkdir(spool, { recursive: true });
      const tmpPath = path.join(spool, `${key}.part`);
      return {
        key,
        path: tmpPath,
        async commit() {
          const { size } = await stat(tmpPath);
          try {
            await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: objectName(key), Body: createReadStream(tmpPath), ContentLength: size }));
          } catch (err) {
            throw storageError('put', key, err);
          } finally {
            await rm(tmpPath, { force: true });
          }
          return size;
        },
        discard: () => rm(tmpPath, { force: true }),
      };
    },

    stream(key: string): Readable {
      const out = new PassThrough();
      client.send(new GetObjectCommand({ Bucket: config.bucket, Key: objectName(key) })).then(
        (res) => {
          const body = res.Body as Readable;
          body.on('error', (err) => out.destroy(storageError('read', key, err)));
          body.pipe(out);
        },
        (err) => out.destroy(storageError('get', key, err)),
      );
      return out;
    },

    async delete(key: string) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket: config.bucket, Key: objectName(key) }));
      } catch (err) {
        throw storageError('delete', key, err);
      }
    },
  };
}
