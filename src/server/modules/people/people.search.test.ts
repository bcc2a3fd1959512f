/**
 * Name search over residents: every query shape the repository can choose (the walk along the name
 * order, "matches first", a small subtree by unit ids, a large subtree by path) returns the same
 * rows in the same order with the same total. Province-scale data decides which shape runs
 * (bench/province-people.ts); here the thresholds are lowered to force each one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, smallAgency, type TestApp } from '../../../../test/app.js';
import { listTuning } from './people.repo.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof smallAgency>>;
let communeAdmin: Client;
const defaults = { ...listTuning };

const NAMES = [
  'Nguyễn Thị Thủy', 'Trần Thị Thủy', 'Nguyễn Thị Thu Thủy', 'Lê Thị Thúy', 'Nguyễn Văn An', 'Thạch Thị Thủy Tiên', 'Phạm Thị Thủy',
  'Nguyễn Thị Thủy', 'Võ Thủy', 'Nguyễn Thị Hồng', 'Đặng Quốc Hùng', 'Nguyễn Thị Thùy Linh', 'Huỳnh Thị Thủy', 'Nguyễn Thị Thủy',
];

beforeAll(async () => {
  t = await createTestApp();
  s = await smallAgency(t.app);
  const org = async (parentId: string | null, name: string, kindCode: string) => {
    const res = await s.admin.post('/api/v1/orgs', { parentId, name, kindCode });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const communes = [await org(null, 'Xã Vĩnh Điều', 'commune'), await org(null, 'Xã Tân Hòa', 'commune')];
  const hamlets = [await org(communes[0]!.id, 'Ấp Cờ Trắng', 'hamlet'), await org(communes[0]!.id, 'Ấp Tà Êm', 'hamlet'), await org(communes[1]!.id, 'Ấp Tân Lợi', 'hamlet')];
  for (const [i, fullName] of NAMES.entries()) {
    const res = await s.admin.post('/api/v1/people', { fullName, birthDate: `19${60 + i}-01-0${1 + (i % 9)}`, sex: fullName.includes(' Văn ') || fullName.includes('Hùng') ? 'male' : 'female', residenceOrgId: hamlets[i % 3]!.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const created = await s.admin.post('/api/v1/users', { login: 'qt.vinhdieu', displayName: 'Danh Thị Sa Ry', homeOrgId: communes[0]!.id, password: 'TamThoi2026x' });
  await s.admin.post(`/api/v1/users/${created.body.id}/grants`, { orgId: communes[0]!.id, role: 'org_admin' });
  communeAdmin = await new Client(t.app).login('qt.vinhdieu', 'TamThoi2026x');
  await communeAdmin.post('/api/v1/auth/password', { currentPassword: 'TamThoi2026x', newPassword: 'VinhDieu2026x', newPasswordConfirm: 'VinhDieu2026x' });
});
afterEach(() => Object.assign(listTuning, defaults));
afterAll(() => t?.close());

type Page = { items: { id: string; fullName: string; org: { name: string } }[]; total: number; totalCapped: boolean };

/** Every page of a search, as the client pages through it (one page past the end too). */
async function allPages(client: Client, query: string, pageSize = 2) {
  const pages: Page[] = [];
  for (let page = 1; page <= 10; page++) {
    const res = await client.get(`/api/v1/people?kind=resident&${query}&page=${page}&pageSize=${pageSize}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pages.push(res.body as Page);
    if (res.body.items.length === 0) break;
  }
  return pages.map((p) => ({ names: p.items.map((i) => `${i.fullName} (${i.org.name})`), ids: p.items.map((i) => i.id), total: p.total, capped: p.totalCapped }));
}

const SHAPES = {
  walk: { matchesFirstLimit: 0 },
  'matches first': { matchesFirstLimit: 1_000_000 },
} as const;

describe('resident name search: every shape gives the same pages', () => {
  for (const query of ['q=thuy', 'q=thuy&sort=-name', 'q=nguyen%20thi&sex=female', 'q=thi%20thuy&ageBand=60plus', 'q=khong%20ai', 'q=thuy&sort=-birthDate']) {
    it(`province-wide, ${query}`, async () => {
      const results: Record<string, unknown> = {};
      for (const [shape, tuning] of Object.entries(SHAPES)) {
        Object.assign(listTuning, tuning);
        results[shape] = await allPages(s.admin, query);
      }
      expect(results['matches first']).toEqual(results.walk);
    });
  }

  it('finds clustered full names in Vietnamese order, given name first, and counts them', async () => {
    Object.assign(listTuning, SHAPES['matches first']);
    const pages = await allPages(s.admin, 'q=thi%20thuy', 3);
    expect(pages.flatMap((p) => p.names).map((n) => n.replace(/ \(.*/, ''))).toEqual([
      // Marks do not count ("thuy" finds Thùy, Thúy, Thủy); letters first, tones after ("Thủy Huỳnh" < "Thúy Lê").
      'Nguyễn Thị Thùy Linh', 'Huỳnh Thị Thủy', 'Lê Thị Thúy', 'Nguyễn Thị Thủy', 'Nguyễn Thị Thủy', 'Nguyễn Thị Thủy', 'Phạm Thị Thủy', 'Trần Thị Thủy', 'Thạch Thị Thủy Tiên',
    ]);
    expect(pages.map((p) => p.total)).toEqual([9, 9, 9, 9]);
  });

  it('a larger subtree (by path) sees only its own residents, in either shape', async () => {
    const results: Record<string, unknown> = {};
    for (const [shape, tuning] of Object.entries(SHAPES)) {
      Object.assign(listTuning, { smallSubtree: 0, ...tuning });
      results[shape] = await allPages(communeAdmin, 'q=thuy');
    }
    Object.assign(listTuning, defaults);
    results['by unit ids'] = await allPages(communeAdmin, 'q=thuy');
    expect(results['matches first']).toEqual(results.walk);
    expect(results['by unit ids']).toEqual(results.walk);
    const names = (results.walk as { names: string[] }[]).flatMap((p) => p.names);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n) => n.includes('Ấp Cờ Trắng') || n.includes('Ấp Tà Êm'))).toBe(true);
  });
});
