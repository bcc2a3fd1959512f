import { en } from '../../shared/i18n/en';
import { vi } from '../../shared/i18n/vi';
import type { Bilingual } from './types';

/** Base of every API v1 path. */
export const API_BASE = '/api/v1';

/** An error answered by the API (or a network failure, status 0), in both languages. */
export class ApiError {
  readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: Bilingual,
    readonly field?: string,
    readonly retryAfterSeconds?: number,
  ) {}

  toString(): string {
    return `ApiError ${this.status} ${this.code}: ${this.message.en}`;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

const NETWORK_ERROR: Bilingual = { vi: vi['error.network'], en: en['error.network'] };
const UNEXPECTED_ERROR: Bilingual = { vi: vi['error.unexpected'], en: en['error.unexpected'] };

let csrfToken: string | null = null;

/** Keeps the CSRF token returned by /auth/me, /auth/login and /setup. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A form (a file upload) sets its own multipart content type.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(API_BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', NETWORK_ERROR);
  }

  const payload: unknown = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);
  if (payload && typeof payload === 'object' && 'csrfToken' in payload) {
    const token = (payload as { csrfToken: unknown }).csrfToken;
    if (typeof token === 'string') csrfToken = token;
  }
  return payload as T;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function toApiError(status: number, payload: unknown): ApiError {
  if (payload && typeof payload === 'object') {
    const body = payload as {
      code?: unknown;
      message?: unknown;
      field?: unknown;
      retryAfterSeconds?: unknown;
    };
    const message = body.message as Partial<Bilingual> | undefined;
    if (typeof body.code === 'string' && message && typeof message.vi === 'string' && typeof message.en === 'string') {
      return new ApiError(
        status,
        body.code,
        { vi: message.vi, en: message.en },
        typeof body.field === 'string' ? body.field : undefined,
        typeof body.retryAfterSeconds === 'number' ? body.retryAfterSeconds : undefined,
      );
    }
  }
  return new ApiError(status, `HTTP_${status}`, UNEXPECTED_ERROR);
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** multipart/form-data (fields first, then the file: the server reads them in order). */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};
