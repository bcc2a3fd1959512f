import { z } from 'zod';
import { EVIDENCE_MAX_BYTES } from '../../../shared/learning.js';
import { invalid } from '../../platform/errors.js';
import type { ZApp } from '../../platform/http/app-types.js';
import { uuidParam } from '../../platform/http/schemas.js';
import { bulkRecordSchema, catalogueEntrySchema, createRecordSchema, factsQuery, recordFields, recordListQuery, summaryQuery, verifySchema, year } from './learningRecord.schemas.js';
import type { LearningRecordService } from './learningRecord.service.js';

const tags = ['learning records'];
const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export function learningRecordRoutes(app: ZApp, records: LearningRecordService) {
  app.get('/api/v1/learning-records/mine', { schema: { tags, summary: 'My records of a year and the mandatory trainings I owe', querystring: z.object({ year }) } }, async (request) =>
    records.mine(request.ctx, request.query.year),
  );
  app.get('/api/v1/learning-records', { schema: { tags, summary: 'Records of a subtree (filters: year, kind, status, person, search)', querystring: recordListQuery } }, async (request) =>
    records.list(request.ctx, request.query),
  );
  app.post('/api/v1/learning-records', { schema: { tags, summary: 'Add my record, or (secretariat) a verified record of a member', body: createRecordSchema } }, async (request, reply) =>
    reply.status(201).send(await records.create(request.ctx, request.body)),
  );
  app.post('/api/v1/learning-records/bulk', { schema: { tags, summary: 'One training for many attendees, verified, all or nothing (secretariat)', body: bulkRecordSchema } }, async (request, reply) =>
    reply.status(201).send(await records.bulk(request.ctx, request.body)),
  );
  app.get('/api/v1/learning-records/summary', { schema: { tags, summary: 'The shares the seeds target, per unit, from the records', querystring: summaryQuery } }, async (request) =>
    records.summary(request.ctx, request.query),
  );
  app.get('/api/v1/learning-records/summary/members', { schema: { tags, summary: 'The members behind one number of the summary', querystring: factsQuery } }, async (request) =>
    records.facts(request.ctx, request.query),
  );
  app.get('/api/v1/learning-records/:id', { schema: { tags, summary: 'One record with its evidence', params: uuidParam } }, async (request) => records.get(request.ctx, request.params.id));
  app.put('/api/v1/learning-records/:id', { schema: { tags, summary: 'Change a record (mine until verified; secretariat any)', params: uuidParam, body: recordFields } }, async (request) =>
    records.update(request.ctx, request.params.id, request.body),
  );
  app.delete('/api/v1/learning-records/:id', { schema: { tags, summary: 'Delete a record not yet verified', params: uuidParam } }, async (request, reply) => {
    await records.remove(request.ctx, request.params.id);
    return reply.status(204).send();
  });
  app.post('/api/v1/learning-records/:id/verify', { schema: { tags, summary: 'Verify a record, or reject it with a reason (unit head, secretariat)', params: uuidParam, body: verifySchema } }, async (request) =>
    records.verify(request.ctx, request.params.id, request.body.decision, request.body.reason),
  );

  app.post(
    '/api/v1/learning-records/:id/evidence',
    { schema: { tags, summary: 'Attach an evidence file (PDF or image, 10 MB at most; multipart "file")', params: uuidParam, consumes: ['multipart/form-data'] } },
    async (request, reply) => {
      const part = await request.file({ limits: { fileSize: EVIDENCE_MAX_BYTES, files: 1, fields: 5 } });
      if (!part) throw invalid('file', 'Chưa chọn tệp.', 'No file was sent.');
      return reply.status(201).send(await records.addEvidence(request.ctx, request.params.id, { fileName: part.filename || 'minh-chung', file: part.file }));
    },
  );
  app.get('/api/v1/learning-records/:id/evidence/:fileId', { schema: { tags, summary: 'Download an evidence file', params: fileParams } }, async (request, reply) => {
    const { file, stream } = await records.openEvidence(request.ctx, request.params.id, request.params.fileId);
    return reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      .header('content-disposition', `inline; filename="${file.name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(stream);
  });
  app.delete('/api/v1/learning-records/:id/evidence/:fileId', { schema: { tags, summary: 'Remove an evidence file', params: fileParams } }, async (request, reply) => {
    await records.removeEvidence(request.ctx, request.params.id, request.params.fileId);
    return reply.status(204).send();
  });

  app.get('/api/v1/mandatory-trainings', { schema: { tags, summary: 'Mandatory trainings that apply in a subtree (catalogue)', querystring: z.object({ orgId: z.uuid() }) } }, async (request) =>
    records.catalogue(request.ctx, request.query.orgId),
  );
  app.post('/api/v1/mandatory-trainings', { schema: { tags, summary: 'Add a mandatory training to the catalogue', body: catalogueEntrySchema } }, async (request, reply) =>
    reply.status(201).send(await records.saveEntry(request.ctx, null, request.body)),
  );
  app.put('/api/v1/mandatory-trainings/:id', { schema: { tags, summary: 'Change a mandatory training of the catalogue', params: uuidParam, body: catalogueEntrySchema } }, async (request) =>
    records.saveEntry(request.ctx, request.params.id, request.body),
  );
}
