import { z } from 'zod';
import type { ZApp } from '../../platform/http/app-types.js';
import { invalid } from '../../platform/errors.js';
import { pageQuery, uuidParam } from '../../platform/http/schemas.js';
import { IMPORT_KINDS, type ImportKind } from './import-kinds.js';
import type { DataImportService } from './dataImport.service.js';

const tags = ['imports'];

const optional = (max: number) => z.string().max(max).nullish();

/**
 * The training of an attendance list. Loosely typed here: the learning-record module checks it
 * field by field with messages naming each field (`training.title`…).
 */
const trainingSettings = z.object({
  kind: z.string().max(60).default(''),
  title: z.string().max(2000).default(''),
  provider: optional(2000),
  startsOn: optional(20),
  endsOn: z.string().max(20).default(''),
  hours: z.number().nullish(),
  mandatoryTrainingId: optional(60),
  itStandard: optional(60),
  language: optional(200),
  languageLevel: optional(10),
});

/** The title and year of a registration list; the recognition module checks them, naming each field. */
const registrationSettings = z.object({
  title: z.string().max(40).default(''),
  year: z.number().int().default(0),
  citizenGroup: optional(40),
});

export function dataImportRoutes(app: ZApp, imports: DataImportService) {
  app.get(
    '/api/v1/imports/templates/:kind',
    { schema: { tags, summary: 'The Excel template of an import, with Vietnamese headers, examples and drop-down lists', params: z.object({ kind: z.enum(IMPORT_KINDS) }) } },
    async (request, reply) => {
      const names: Record<ImportKind, string> = { staff: 'mau-nhap-can-bo.xlsx', residents: 'mau-nhap-ho-gia-dinh.xlsx', orgs: 'mau-nhap-don-vi.xlsx', attendance: 'mau-danh-sach-hoc-vien.xlsx', titleRegistration: 'mau-dang-ky-danh-hieu.xlsx' };
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${names[request.params.kind]}"`)
        .header('cache-control', 'no-store')
        .send(await imports.template(request.params.kind));
    },
  );

  app.post(
    '/api/v1/imports',
    { schema: { tags, summary: 'Upload an .xlsx file (multipart: kind, orgId, file); its analysis runs as a job', consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 10 } });
      if (!part) throw invalid('file', 'Chưa chọn tệp.', 'No file was chosen.');
      const field = (name: string) => {
        const f = part.fields[name];
        return f && !Array.isArray(f) && f.type === 'field' ? String(f.value) : undefined;
      };
      const fields = z.object({ kind: z.enum(IMPORT_KINDS), orgId: z.uuid() }).safeParse({ kind: field('kind'), orgId: field('orgId') });
      if (!fields.success) {
        part.file.resume();
        const name = String(fields.error.issues[0]?.path[0] ?? 'kind');
        throw invalid(name, 'Thiếu loại dữ liệu hoặc đơn vị nhận (gửi các trường trước tệp).', 'The kind or the receiving unit is missing (send the fields before the file).');
      }
      const view = await imports.upload(request.ctx, { ...fields.data, fileName: part.filename || 'tep.xlsx', file: part.file });
      return reply.status(201).send(view);
    },
  );

  app.get('/api/v1/imports', { schema: { tags, summary: 'My recent imports', querystring: z.object(pageQuery) } }, async (request) =>
    imports.list(request.ctx, request.query.page, request.query.pageSize),
  );

  app.get('/api/v1/imports/:id', { schema: { tags, summary: 'One of my imports: state, analysis, settings, summary', params: uuidParam } }, async (request) =>
    imports.get(request.ctx, request.params.id),
  );

  app.put(
    '/api/v1/imports/:id/settings',
    {
      schema: {
        tags,
        summary: 'Confirm sheet, header row, column mapping, duplicates policy (and an attendance list\'s training, a registration list\'s title and year); starts the check of every row',
        params: uuidParam,
        body: z.object({
          sheet: z.string().min(1).max(200),
          headerRow: z.number().int().min(1).max(1000),
          mapping: z.record(z.string().regex(/^\d{1,4}$/), z.string().max(60)),
          duplicates: z.enum(['update', 'skip']),
          emulationYear: z.number().int().min(2000).max(2100).optional(),
          training: trainingSettings.optional(),
          registration: registrationSettings.optional(),
        }),
      },
    },
    async (request, reply) => reply.status(202).send(await imports.configure(request.ctx, request.params.id, request.body)),
  );

  app.get('/api/v1/imports/:id/preview', { schema: { tags, summary: 'The first rows as they will be saved', params: uuidParam } }, async (request) =>
    imports.preview(request.ctx, request.params.id),
  );

  app.get('/api/v1/imports/:id/issues', { schema: { tags, summary: 'Problems found, by sheet, row and column', params: uuidParam, querystring: z.object({ ...pageQuery, pageSize: z.coerce.number().int().min(1).max(500).default(50) }) } }, async (request) =>
    imports.issues(request.ctx, request.params.id, request.query.page, request.query.pageSize),
  );

  app.post('/api/v1/imports/:id/commit', { schema: { tags, summary: 'Import the checked file, all or nothing (a job)', params: uuidParam } }, async (request, reply) =>
    reply.status(202).send(await imports.commit(request.ctx, request.params.id)),
  );
}
