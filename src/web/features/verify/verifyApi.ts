import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { Bilingual } from '../../app/types';
import type { LearningTitle } from '../../../shared/criteria';

/** What the public verification answers (src/server/modules/recognition/verification.routes.ts). */
export interface CertificateVerification {
  title: LearningTitle;
  holderName: string;
  year: number;
  outcome: { code: string; name: Bilingual } | null;
  decision: { number: string | null; signedOn: string | null; issuingBody: string };
  validUntil: string | null;
  status: 'valid' | 'expired' | 'revoked';
  revokedAt: string | null;
  revokeReason: null;
}

/** A certificate code's verification; no session needed, never retried (lookups are limited per address). */
export function useVerification(code: string) {
  return useQuery({
    queryKey: ['public', 'verify', code],
    queryFn: ({ signal }) => api.get<CertificateVerification>(`/public/verify/${encodeURIComponent(code)}`, signal),
    retry: false,
    staleTime: 60_000,
  });
}
