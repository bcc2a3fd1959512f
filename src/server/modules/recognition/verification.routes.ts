import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LEARNING_TITLES } from '../../../shared/criteria.js';
import type { ZApp } from '../../platform/http/app-types.js';
import { uuidParam } from '../../platform/http/schemas.js';
import type { CertificateService } from './certificate.js';

const bilingual = z.object({ vi: z.string(), en: z.string() });

/** Exactly what the public may learn from a certificate code (the serializer drops anything else). */
const verificationSchema = z.object({
  title: z.enum(LEARNING_TITLES),
  holderName: z.string(),
  year: z.number().int(),
  outcome: z.object({ code: z.string(), name: bilingual }).nullable(),
  decision: z.object({ number: z.string().nullable(), signedOn: z.string().nullable(), issuingBody: z.string() }),
  validUntil: z.string().nullable(),
  status: z.enum(['valid', 'expired', 'revoked']),
  revokedAt: z.string().nullable(),
  revokeReason: z.null(),
});

/** The address the request came to (scheme and host; behind TRUST_PROXY, the forwarded ones). */
const requestBaseUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function verificationRoutes(app: ZApp, certificates: CertificateService) {
  app.get(
    '/api/v1/titles/recognitions/:id/certificate',
    {
      schema: {
        tags: ['titles'],
        summary: 'The certificate (giấy chứng nhận) of a recognition as PDF: the holder, or recognition.read; audited',
        params: uuidParam,
      },
    },
    async (request, reply) => {
      const { pdf, fileName } = await certificates.certificate(request.ctx, request.params.id, requestBaseUrl(request));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );

  app.get(
    '/api/v1/public/verify/:code',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: 'Verify a certificate code (no login; 30 lookups a minute per address): title, holder, decision, validity, status',
        params: z.object({ code: z.string().max(100) }),
        response: { 200: verificationSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return certificates.verify(request.ctx, request.params.code);
    },
  );
}
