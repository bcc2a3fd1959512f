import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalid } from '../../platform/errors.js';
import type { ZApp } from '../../platform/http/app-types.js';
import { uuidParam } from '../../platform/http/schemas.js';
import { calendarDateSchema, calendarQuery, copySchema, diffQuery, draftSchema, effectiveQuery, importSchema, listQuery, publishSchema } from './criteria.schemas.js';
import type { CriteriaService } from './criteria.service.js';

const tags = ['criteria sets'];
const versionParam = z.object({ versionId: z.uuid() });
/** An imported file is small: the largest built-in set is a few tens of kilobytes. */
const IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export function criteriaRoutes(app: ZApp, criteria: CriteriaService) {
  app.get('/api/v1/criteria-sets', { schema: { tags, summary: 'Criteria sets that concern me (the deployment’s, those above and inside my units)', querystring: listQuery } }, async (request) =>
    criteria.list(request.ctx, request.query),
  );
  app.get('/api/v1/criteria-sets/diff', { schema: { tags, summary: 'What changed between two versions (by criterion and indicator code)', querystring: diffQuery } }, async (request) =>
    criteria.diff(request.ctx, request.query.from, request.query.to),
  );
  app.get(
    '/api/v1/criteria-sets/effective',
    { schema: { tags, summary: 'Published versions in force for a subject of an organisation on a day, the preferred first', querystring: effectiveQuery } },
    async (request) => criteria.effective(request.ctx, request.query),
  );
  app.post(
    '/api/v1/criteria-sets/import',
    { schema: { tags, summary: 'Import a set from a JSON file (multipart: orgId, file) or a JSON body { document, orgId }: same code → new draft, new code → new set', consumes: ['multipart/form-data', 'application/json'] } },
    async (request, reply) => {
      const input = request.isMultipart() ? await readImportFile(request) : parseImportBody(request.body);
      const result = await criteria.import(request.ctx, input);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
  app.get('/api/v1/criteria-sets/:id', { schema: { tags, summary: 'One set with its versions', params: uuidParam } }, async (request) => criteria.get(request.ctx, request.params.id));
  app.post('/api/v1/criteria-sets/:id/copy', { schema: { tags, summary: 'Copy a set (its newest published version) as a draft of a new set of an organisation, or of the deployment', params: uuidParam, body: copySchema } }, async (request, reply) =>
    reply.status(201).send(await criteria.copy(request.ctx, request.params.id, request.body)),
  );
  app.put('/api/v1/criteria-sets/:id/draft', { schema: { tags, summary: 'Create or replace the draft (validated; errors name the path in the document)', params: uuidParam, body: draftSchema } }, async (request) =>
    criteria.saveDraft(request.ctx, request.params.id, request.body.document),
  );
  app.delete('/api/v1/criteria-sets/:id/draft', { schema: { tags, summary: 'Drop the draft', params: uuidParam } }, async (request, reply) => {
    await criteria.deleteDraft(request.ctx, request.params.id);
    return reply.status(204).send();
  });
  app.post('/api/v1/criteria-sets/:id/publish', { schema: { tags, summary: 'Publish the draft as the next version from a date; the previous version ends the day before', params: uuidParam, body: publishSchema } }, async (request) =>
    criteria.publish(request.ctx, request.params.id, request.body),
  );

  app.get('/api/v1/criteria-set-versions/:versionId', { schema: { tags, summary: 'One version with its document', params: versionParam } }, async (request) =>
    criteria.getVersion(request.ctx, request.params.versionId),
  );
  app.get('/api/v1/criteria-set-versions/:versionId/export', { schema: { tags, summary: 'A version as a JSON file (the document and what it is)', params: versionParam } }, async (request, reply) => {
    const { fileName, content } = await criteria.exportVersion(request.ctx, request.params.versionId);
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .header('cache-control', 'private, no-store')
      .send(JSON.stringify(content, null, 2));
  });

  app.get('/api/v1/calendar-dates', { schema: { tags, summary: 'The calendar of an organisation: defaults overridden by the nearest organisation at or above it', querystring: calendarQuery } }, async (request) =>
    criteria.calendar(request.ctx, request.query.orgId),
  );
  app.put('/api/v1/calendar-dates', { schema: { tags, summary: 'Set an organisation’s own date for a key (its subtree follows it)', body: calendarDateSchema } }, async (request) =>
    criteria.saveCalendarDate(request.ctx, request.body),
  );
  app.delete('/api/v1/calendar-dates', { schema: { tags, summary: 'Drop an organisation’s own date: the one above it applies again', querystring: z.object({ orgId: z.uuid(), key: z.string().trim().min(1).max(80) }) } }, async (request, reply) => {
    await criteria.resetCalendarDate(request.ctx, request.query.orgId, request.query.key);
    return reply.status(204).send();
  });
}

function parseImportBody(body: unknown) {
  const parsed = importSchema.safeParse(body ?? {});
  if (!parsed.success || parsed.data.document === undefined) throw invalid('document', 'Thiếu nội dung bộ tiêu chí (tệp JSON).', 'The criteria set document (JSON file) is missing.');
  return parsed.data;
}

async function readImportFile(request: FastifyRequest) {
  const part = await request.file({ limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 5 } });
  if (!part) throw invalid('file', 'Chưa chọn tệp.', 'No file was sent.');
  const field = part.fields.orgId;
  const orgIdText = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : '';
  const orgId = z.uuid().safeParse(orgIdText);
  if (orgIdText && !orgId.success) {
    part.file.resume();
    throw invalid('orgId', 'Đơn vị nhận không hợp lệ.', 'The receiving unit is not valid.');
  }
  const buffer = await part.toBuffer();
  if (part.file.truncated) throw invalid('file', 'Tệp quá lớn (tối đa 2 MB).', 'The file is too large (2 MB at most).');
  let document: unknown;
  try {
    document = JSON.parse(buffer.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw invalid('file', 'Tệp không phải JSON hợp lệ.', 'The file is not valid JSON.');
  }
  return { document, orgId: orgId.success ? orgId.data : null };
}
