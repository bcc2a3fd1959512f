import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { S3StorageConfig } from './platform/files/s3-storage.js';

/** Settings, all from environment variables (documented in README.md). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionSecret: string;
  /**
   * How many reverse proxies stand in front (0: none). The client address is taken that many hops
   * from the right of X-Forwarded-For, so a client cannot choose its own address.
   */
  trustProxy: number;
  logLevel: string;
  /**
   * The address people reach the app at (https://hoctap.example.gov.vn), printed in the QR code of
   * certificates; unset: the scheme and host each request came to.
   */
  publicUrl: string | undefined;
  /** Where file bytes live: the data folder (default), or an S3-compatible bucket (STORAGE=s3). */
  storage: StorageConfig;
}

export type StorageConfig = { kind: 'local' } | S3StorageConfig;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  mkdirSync(dataDir, { recursive: true });
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    sessionSecret: env.SESSION_SECRET || readOrCreateSecret(dataDir),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    storage: parseStorage(env),
  };
}

/**
 * STORAGE=s3 with S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, and for a self-hosted store
 * S3_ENDPOINT (buckets in the path unless S3_FORCE_PATH_STYLE=false); S3_REGION (default
 * us-east-1), S3_PREFIX (prepended to object names). Unset or STORAGE=local: the data folder.
 */
export function parseStorage(env: NodeJS.ProcessEnv): StorageConfig {
  const kind = env.STORAGE || 'local';
  if (kind === 'local') return { kind: 'local' };
  if (kind !== 's3') throw new Error(`STORAGE must be "local" or "s3", not "${kind}" / STORAGE phải là "local" hoặc "s3"`);
  const missing = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
  if (missing.length) throw new Error(`STORAGE=s3 needs ${missing.join(', ')} / STORAGE=s3 cần đặt ${missing.join(', ')}`);
  let endpoint: string | undefined;
  if (env.S3_ENDPOINT) {
    try {
      endpoint = new URL(env.S3_ENDPOINT).toString().replace(/\/+$/, '');
    } catch {
      throw new Error(`S3_ENDPOINT must be an address such as https://s3.example.gov.vn, not "${env.S3_ENDPOINT}" / S3_ENDPOINT phải là một địa chỉ`);
    }
  }
  return {
    kind: 's3',
    endpoint,
    region: env.S3_REGION || 'us-east-1',
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE !== 'false' : endpoint !== undefined,
    prefix: env.S3_PREFIX ?? '',
  };
}

function parsePublicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be an address such as https://hoctap.example.gov.vn, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`PUBLIC_URL must start with http:// or https://, not "${value}"`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function parseTrustProxy(value: string | undefined): number {
  if (!value || value === 'false') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0) throw new Error(`TRUST_PROXY must be a number of proxies (0, 1, 2…), not "${value}"`);
  return hops;
}

/**
 * The session secret kept in the data folder when SESSION_SECRET is not set. Written to a
 * temporary file and linked into place, so that a process starting at the same moment never
 * reads a half-written secret: it either links first or reads the complete file.
 */
function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, randomBytes(32).toString('base64url') + '\n', { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(tmp);
  }
  return readFileSync(file, 'utf8').trim();
}
