/** A message in both languages of the app. */
export interface Bilingual {
  vi: string;
  en: string;
}

/**
 * An error the API answers with `{ code, message: { vi, en }, field? }`.
 * Services throw these; the HTTP layer turns them into responses.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: Bilingual,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(messages.en);
  }

  toJSON() {
    return { code: this.code, message: this.messages, ...(this.field ? { field: this.field } : {}), ...this.extra };
  }
}

export const invalid = (field: string, vi: string, en: string) => new AppError(400, 'INVALID_INPUT', { vi, en }, field);

export const notFound = (what: Bilingual = { vi: 'Không tìm thấy', en: 'Not found' }) =>
  new AppError(404, 'NOT_FOUND', what);

export const forbidden = () =>
  new AppError(403, 'FORBIDDEN', {
    vi: 'Bạn không có quyền thực hiện thao tác này.',
    en: 'You are not allowed to do this.',
  });

export const unauthenticated = () =>
  new AppError(401, 'UNAUTHENTICATED', {
    vi: 'Vui lòng đăng nhập.',
    en: 'Please log in.',
  });

export const conflict = (code: string, vi: string, en: string, field?: string) =>
  new AppError(409, code, { vi, en }, field);

export const ruleBroken = (code: string, vi: string, en: string, field?: string) =>
  new AppError(422, code, { vi, en }, field);
