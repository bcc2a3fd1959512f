import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldLabel } from '../../../shared/field-labels.js';
import { AppError, type Bilingual } from '../errors.js';

/** Vietnamese and English wording of zod's issue kinds, naming the field. */
function describeIssue(field: string, issue: { keyword: string; message?: string; params?: Record<string, unknown> }): Bilingual {
  const p = (issue.params ?? {}) as Record<string, unknown>;
  const label = fieldLabel(field);
  const name = field ? label.vi : 'dữ liệu';
  const nameEn = field ? label.en : 'input';
  switch (issue.keyword) {
    case 'invalid_type':
      return p.input === undefined
        ? { vi: `Thiếu trường bắt buộc "${name}".`, en: `The field "${nameEn}" is required.` }
        : { vi: `Trường "${name}" sai kiểu dữ liệu.`, en: `The field "${nameEn}" has the wrong type.` };
    case 'too_small':
      if (p.origin === 'array') return { vi: `Trường "${name}" cần ít nhất ${p.minimum} mục.`, en: `The field "${nameEn}" needs at least ${p.minimum} item(s).` };
      return p.origin === 'string'
        ? { vi: `Trường "${name}" phải có ít nhất ${p.minimum} ký tự.`, en: `The field "${nameEn}" needs at least ${p.minimum} characters.` }
        : { vi: `Trường "${name}" phải lớn hơn hoặc bằng ${p.minimum}.`, en: `The field "${nameEn}" must be at least ${p.minimum}.` };
    case 'too_big':
      if (p.origin === 'array') return { vi: `Trường "${name}" có tối đa ${p.maximum} mục.`, en: `The field "${nameEn}" may have at most ${p.maximum} items.` };
      return p.origin === 'string'
        ? { vi: `Trường "${name}" dài tối đa ${p.maximum} ký tự.`, en: `The field "${nameEn}" may have at most ${p.maximum} characters.` }
        : { vi: `Trường "${name}" phải nhỏ hơn hoặc bằng ${p.maximum}.`, en: `The field "${nameEn}" must be at most ${p.maximum}.` };
    case 'invalid_format':
      return { vi: `Trường "${name}" sai định dạng.`, en: `The field "${nameEn}" has the wrong format.` };
    case 'invalid_value':
      return { vi: `Giá trị của trường "${name}" không hợp lệ.`, en: `The value of "${nameEn}" is not allowed.` };
    case 'unrecognized_keys':
      return { vi: `Có trường không được phép: ${(p.keys as string[] | undefined)?.join(', ') ?? ''}.`, en: `Unknown fields: ${(p.keys as string[] | undefined)?.join(', ') ?? ''}.` };
    default:
      return { vi: `Trường "${name}" không hợp lệ.`, en: `The field "${nameEn}" is not valid${issue.message ? `: ${issue.message}` : ''}.` };
  }
}

export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    return new AppError(400, 'INVALID_INPUT', describeIssue(field, issue as never), field || undefined);
  }
  const status = (error as FastifyError).statusCode;
  if (status === 413) return new AppError(413, 'TOO_LARGE', { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request is too large.' });
  if (status === 415 || (error as FastifyError).code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', { vi: 'Định dạng dữ liệu không được hỗ trợ (cần JSON).', en: 'Unsupported content type (JSON expected).' });
  }
  if (status && status >= 400 && status < 500) {
    return new AppError(status, 'BAD_REQUEST', { vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' });
  }
  return new AppError(500, 'INTERNAL', { vi: 'Lỗi hệ thống. Vui lòng thử lại sau.', en: 'Internal error. Please try again later.' });
}

/**
 * What may be logged of an unexpected error: its kind, the database error code and constraint,
 * and where it happened — never its message, which for a failed query holds the SQL parameters
 * (names, logins, password hashes).
 */
export function describeFailure(error: unknown) {
  const err = error as { name?: string; code?: string; stack?: string; cause?: { code?: string; constraint?: string } };
  return {
    name: err?.name,
    code: err?.cause?.code ?? err?.code,
    constraint: err?.cause?.constraint,
    at: err?.stack?.split('\n').slice(1, 6).map((l) => l.trim()),
  };
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ failure: describeFailure(error) }, 'request failed');
  if (appError.status === 429 && appError.extra?.retryAfterSeconds) {
    reply.header('retry-after', String(appError.extra.retryAfterSeconds));
  }
  return reply.status(appError.status).send(appError.toJSON());
}
