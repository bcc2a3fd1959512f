/**
 * A recognised Công dân học tập for certificate and verification tests, made the way users make it:
 * the member of phòng A (smallAgency) gets a staff record, registers themself, self-assesses against
 * the built-in QĐ 324 set for officials, submits; the head of phòng A accepts; the administrator
 * issues the Sở's decision.
 */
import type { Client } from '../../../../test/app.js';
import type { smallAgency } from '../../../../test/app.js';

export const HOLDER_NAME = 'Nguyễn Văn Đức';
export const DECISION = {
  number: '12/QĐ-STC',
  signedOn: '2026-02-15',
  issuingBody: 'Sở Tài chính tỉnh Kon Tum',
  signerName: 'Trần Thị Hồng Nhung',
  signerPosition: 'KT. Giám đốc\nPhó Giám đốc',
};
export const YEAR = 2025;

async function ok(client: Client, method: 'post' | 'put', url: string, body: unknown = {}) {
  const res = await client[method](url, body);
  if (res.status < 200 || res.status >= 300) throw new Error(`${method.toUpperCase()} ${url} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Nine points on each of the ten QĐ 324 indicators: 90, passed. */
const NINES = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i + 1), { value: 9, evidence: [] }]));

export async function recognisedCitizen(s: Awaited<ReturnType<typeof smallAgency>>, name = HOLDER_NAME) {
  const person = await ok(s.admin, 'post', '/api/v1/people', {
    fullName: name,
    userId: s.memberA.id,
    membership: { orgId: s.unitA.id, category: 'cong_chuc', position: 'Chuyên viên', validFrom: '2020-01-01' },
  });
  const reg = await ok(s.memberA.client, 'post', '/api/v1/titles/registrations', { year: YEAR, title: 'LEARNING_CITIZEN', subjectKind: 'person', subjectId: person.id });
  await ok(s.memberA.client, 'put', `/api/v1/titles/registrations/${reg.id}/assessments/self`, { inputs: NINES });
  await ok(s.memberA.client, 'post', `/api/v1/titles/registrations/${reg.id}/submit`);
  await ok(s.headA.client, 'post', `/api/v1/titles/registrations/${reg.id}/review`, { act: 'accept' });
  const decision = await ok(s.admin, 'post', '/api/v1/titles/decisions', { orgId: s.rootId, year: YEAR, title: 'LEARNING_CITIZEN', ...DECISION, registrationIds: [reg.id] });
  const issued = await ok(s.admin, 'post', `/api/v1/titles/decisions/${decision.id}/issue`);
  const entry = issued.entries[0] as { recognitionId: string; certificateCode: string };
  return { personId: person.id as string, registrationId: reg.id as string, recognitionId: entry.recognitionId, code: entry.certificateCode };
}
