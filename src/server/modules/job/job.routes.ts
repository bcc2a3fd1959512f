import { z } from 'zod';
import type { FileService } from '../../platform/files/files.js';
import type { ZApp } from '../../platform/http/app-types.js';
import { pageQuery, uuidParam } from '../../platform/http/schemas.js';
import type { JobRunner } from '../../platform/jobs/runner.js';

export function jobRoutes(app: ZApp, jobs: JobRunner, files: FileService) {
  app.get('/api/v1/jobs', { schema: { tags: ['jobs'], summary: 'My background jobs', querystring: z.object(pageQuery) } }, async (request) =>
    jobs.listOwn(request.ctx, request.query.page, request.query.pageSize),
  );

  app.get('/api/v1/jobs/:id', { schema: { tags: ['jobs'], summary: 'One of my jobs, with its progress', params: uuidParam } }, async (request) =>
    jobs.get(request.ctx, request.params.id),
  );

  app.get('/api/v1/files/:id', { schema: { tags: ['files'], summary: 'Download a file I generated', params: uuidParam } }, async (request, reply) => {
    const { file, stream } = await files.openOwn(request.ctx, request.params.id);
    return reply
      .header('content-type', file.contentType)
      .header('content-length', String(file.size))
      .header('content-disposition', `attachment; filename="${file.name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('cache-control', 'private, no-store')
      .send(stream);
  });
}
