import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';
import { todayInVietnam } from '../../platform/time.js';
import { DECISION, HOLDER_NAME, recognisedCitizen, YEAR } from './certificate.fixture.js';
import { VERIFY_RULE } from './certificate.js';
import { recognition } from './recognition.table.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let held: Awaited<ReturnType<typeof recognisedCitizen>>;
/** Each test looks up from its own address, so the per-address limit of one never touches another. */
let nextIp = 1;
const visitor = () => new Client(t.app, `203.0.113.${nextIp++}`);

const setValidUntil = (validUntil: string | null) => t.database.db.update(recognition).set({ validUntil }).where(eq(recognition.id, held.recognitionId));
const dayOffset = (days: number) => new Date(Date.parse(`${todayInVietnam()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  held = await recognisedCitizen(s);
});
afterAll(() => t?.close());

describe('GET /api/v1/public/verify/:code', () => {
  it('answers without a login: the title, holder, decision and status, nothing else about the person', async () => {
    const res = await visitor().get(`/api/v1/public/verify/${held.code}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Object.keys(res.body).sort()).toEqual(['decision', 'holderName', 'outcome', 'revokeReason', 'revokedAt', 'status', 'title', 'validUntil', 'year']);
    expect(Object.keys(res.body.decision).sort()).toEqual(['issuingBody', 'number', 'signedOn']);
    expect(res.body).toEqual({
      title: 'LEARNING_CITIZEN',
      holderName: HOLDER_NAME,
      year: YEAR,
      outcome: { code: 'DAT', name: { vi: 'Đạt', en: 'Achieved' } },
      decision: { number: DECISION.number, signedOn: DECISION.signedOn, issuingBody: DECISION.issuingBody },
      validUntil: null,
      status: 'valid',
      revokedAt: null,
      revokeReason: null,
    });
  });

  it('takes the code in lower case too', async () => {
    const res = await visitor().get(`/api/v1/public/verify/${held.code.toLowerCase()}`);
    expect(res.body).toMatchObject({ status: 'valid', holderName: HOLDER_NAME });
  });

  it('answers 404 for an unknown code and for a malformed one', async () => {
    const client = visitor();
    const unknown = await client.get(`/api/v1/public/verify/${'A'.repeat(26)}`);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    for (const bad of [held.code.slice(0, 25), `${held.code}A`, held.code.replace(/^./, '1'), "ABC'; select 1 --", '%20'.repeat(3)]) {
      const res = await client.get(`/api/v1/public/verify/${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(404);
    }
  });

  it('does not count malformed codes: they never reach the database', async () => {
    const client = visitor();
    for (let i = 0; i <= VERIFY_RULE.maxFailures + 5; i++) expect((await client.get('/api/v1/public/verify/not-a-code')).status).toBe(404);
    expect((await client.get(`/api/v1/public/verify/${held.code}`)).status).toBe(200);
  });

  it('is valid through the last day in Vietnam, expired the day after', async () => {
    await setValidUntil(todayInVietnam());
    expect((await visitor().get(`/api/v1/public/verify/${held.code}`)).body).toMatchObject({ status: 'valid', validUntil: todayInVietnam() });
    await setValidUntil(dayOffset(-1));
    expect((await visitor().get(`/api/v1/public/verify/${held.code}`)).body).toMatchObject({ status: 'expired', validUntil: dayOffset(-1) });
    await setValidUntil(null);
  });

  it('answers 429 past 30 lookups a minute from one address; other addresses go on', async () => {
    const client = visitor();
    for (let i = 0; i < VERIFY_RULE.maxFailures; i++) {
      const res = await client.get(`/api/v1/public/verify/${i % 2 ? held.code : 'B'.repeat(26)}`);
      expect([200, 404]).toContain(res.status);
    }
    const limited = await client.get(`/api/v1/public/verify/${held.code}`);
    expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(limited.body.message.vi).toContain('thử lại');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await visitor().get(`/api/v1/public/verify/${held.code}`)).status).toBe(200);
  });

  it('says revoked once the recognition is revoked, without the reason', async () => {
    const revoked = await s.admin.post(`/api/v1/titles/recognitions/${held.recognitionId}/revoke`, { reason: 'Kê khai không trung thực (ông Đức tự nhận)' });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const res = await visitor().get(`/api/v1/public/verify/${held.code}`);
    expect(res.body).toMatchObject({ status: 'revoked', revokeReason: null, holderName: HOLDER_NAME });
    expect(new Date(res.body.revokedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(res.body)).not.toContain('trung thực');
  });
});
