/**
 * Title figures of a subtree (the seeds' "% registered" and "% recognised of registered"): per unit
 * directly under the chosen one, per title, and per citizen group for Công dân học tập.
 *
 * Who could hold each title (eligible), on the day that counts for the year:
 * - Công dân học tập: people whose case would belong to the subtree: staff by their current unit, and
 *   residents (by where they live) who work nowhere; by their recorded citizen group;
 * - Gia đình học tập: households of the subtree's hamlets; Dòng họ học tập: its clans;
 * - Cộng đồng học tập: hamlets and communes below the chosen organisation; Đơn vị học tập: the other
 *   open organisations below it (the chosen organisation's own case is counted one level up).
 * Registered: cases of the year not withdrawn; recognised: recognised and not revoked.
 */
import { sql } from 'drizzle-orm';
import { LEARNING_TITLES, type LearningTitle } from '../../../shared/criteria.js';
import { CITIZEN_GROUPS } from '../../../shared/people.js';
import type { Executor } from '../../db/index.js';
import { org } from '../org/org.table.js';
import { clan, household, membership, person } from '../people/people.table.js';
import { COMMUNITY_KINDS } from './subject.js';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

interface EligibleRow {
  childId: string;
  title: LearningTitle;
  citizenGroup: string | null;
  n: number;
}

const child = (path: string) => sql.raw(`split_part(substr(x.path, ${path.length + 1}), '/', 1)`);

async function eligibleCitizens(tx: Executor, path: string, day: string): Promise<EligibleRow[]> {
  const current = sql`(m.valid_from is null or m.valid_from <= ${day}) and (m.valid_to is null or m.valid_to > ${day})`;
  return tx
    .execute(
      sql`with staff as (
            select distinct on (m.person_id) m.person_id, o.path
            from ${membership} m join ${org} o on o.id = m.org_id
            where o.path like ${path + '%'} and ${current}
            order by m.person_id, m.is_leader desc, m.valid_from desc nulls last
          ), x as (
            select person_id, path from staff
            union all
            select p.id, o.path from ${person} p join ${org} o on o.id = p.residence_org_id
            where o.path like ${path + '%'} and not exists (select 1 from ${membership} m where m.person_id = p.id and ${current})
          )
          select ${child(path)} as "childId", 'LEARNING_CITIZEN' as title, p.citizen_group as "citizenGroup", count(*)::int as n
          from x join ${person} p on p.id = x.person_id group by 1, 3`,
    )
    .then(rowsOf<EligibleRow>);
}

async function eligiblePlaces(tx: Executor, path: string, rootId: string, day: string, titles: LearningTitle[]): Promise<EligibleRow[]> {
  const out: EligibleRow[] = [];
  if (titles.includes('LEARNING_FAMILY')) {
    out.push(
      ...(await tx
        .execute(sql`select ${child(path)} as "childId", 'LEARNING_FAMILY' as title, null as "citizenGroup", count(*)::int as n
                     from ${household} h join ${org} x on x.id = h.org_id where x.path like ${path + '%'} group by 1`)
        .then(rowsOf<EligibleRow>)),
    );
  }
  if (titles.includes('LEARNING_CLAN')) {
    out.push(
      ...(await tx
        .execute(sql`select ${child(path)} as "childId", 'LEARNING_CLAN' as title, null as "citizenGroup", count(*)::int as n
                     from ${clan} c join ${org} x on x.id = c.org_id where x.path like ${path + '%'} group by 1`)
        .then(rowsOf<EligibleRow>)),
    );
  }
  const orgTitles: LearningTitle[] = titles.filter((t) => t === 'LEARNING_COMMUNITY' || t === 'LEARNING_UNIT');
  if (orgTitles.length) {
    const kinds = sql.param(COMMUNITY_KINDS);
    const rows = await tx
      .execute(
        sql`select ${child(path)} as "childId", case when x.kind_code = any(${kinds}::text[]) then 'LEARNING_COMMUNITY' else 'LEARNING_UNIT' end as title,
                   null as "citizenGroup", count(*)::int as n
            from ${org} x where x.path like ${path + '%'} and x.id <> ${rootId} and (x.valid_to is null or x.valid_to > ${day})
            group by 1, 2`,
      )
      .then(rowsOf<EligibleRow>);
    out.push(...rows.filter((r) => orgTitles.includes(r.title)));
  }
  return out;
}

export interface SummaryRow {
  orgId: string;
  orgName: string;
  title: LearningTitle;
  citizenGroup: string | null;
  eligible: number;
  registered: number;
  recognised: number;
  registeredShare: number | null;
  recognisedShare: number | null;
}

export interface CaseCount {
  childId: string;
  title: string;
  citizenGroup: string | null;
  registered: number;
  recognised: number;
}

const share = (n: number, of: number) => (of ? n / of : null);

/** The figures: eligible from the records, registered and recognised from the cases. */
export async function titleSummary(
  tx: Executor,
  q: { root: { id: string; name: string; path: string }; year: number; title?: LearningTitle; day: string },
  counts: CaseCount[],
  namesOf: (ids: string[]) => Promise<Map<string, string>>,
) {
  const titles = q.title ? [q.title] : [...LEARNING_TITLES];
  const eligible = [
    ...(titles.includes('LEARNING_CITIZEN') ? await eligibleCitizens(tx, q.root.path, q.day) : []),
    ...(await eligiblePlaces(tx, q.root.path, q.root.id, q.day, titles)),
  ];
  const key = (childId: string, title: string, group: string | null) => `${childId}|${title}|${group ?? ''}`;
  const cells = new Map<string, { childId: string; title: LearningTitle; citizenGroup: string | null; eligible: number; registered: number; recognised: number }>();
  const cell = (childId: string, title: LearningTitle, citizenGroup: string | null) => {
    const k = key(childId, title, citizenGroup);
    if (!cells.has(k)) cells.set(k, { childId, title, citizenGroup, eligible: 0, registered: 0, recognised: 0 });
    return cells.get(k)!;
  };
  for (const e of eligible) cell(e.childId, e.title, e.title === 'LEARNING_CITIZEN' ? e.citizenGroup : null).eligible += e.n;
  for (const c of counts) {
    if (!titles.includes(c.title as LearningTitle)) continue;
    const x = cell(c.childId, c.title as LearningTitle, c.title === 'LEARNING_CITIZEN' ? c.citizenGroup : null);
    x.registered += c.registered;
    x.recognised += c.recognised;
  }
  const names = await namesOf([...new Set([...cells.values()].map((c) => c.childId).filter(Boolean))]);
  const groupOrder = (g: string | null) => (g === null ? -1 : Object.keys(CITIZEN_GROUPS).indexOf(g));
  const present = (c: { childId: string; title: LearningTitle; citizenGroup: string | null; eligible: number; registered: number; recognised: number }): SummaryRow => ({
    orgId: c.childId || q.root.id,
    orgName: c.childId ? (names.get(c.childId) ?? '') : q.root.name,
    title: c.title,
    citizenGroup: c.citizenGroup,
    eligible: c.eligible,
    registered: c.registered,
    recognised: c.recognised,
    registeredShare: share(c.registered, c.eligible),
    recognisedShare: share(c.recognised, c.registered),
  });
  const rows = [...cells.values()]
    .map(present)
    .sort(
      (a, b) =>
        Number(b.orgId === q.root.id) - Number(a.orgId === q.root.id) ||
        a.orgName.localeCompare(b.orgName, 'vi') ||
        LEARNING_TITLES.indexOf(a.title) - LEARNING_TITLES.indexOf(b.title) ||
        groupOrder(a.citizenGroup) - groupOrder(b.citizenGroup),
    );
  const totals = new Map<string, SummaryRow>();
  for (const r of rows) {
    const k = key('', r.title, r.citizenGroup);
    const t = totals.get(k) ?? { ...r, orgId: q.root.id, orgName: q.root.name, eligible: 0, registered: 0, recognised: 0 };
    t.eligible += r.eligible;
    t.registered += r.registered;
    t.recognised += r.recognised;
    totals.set(k, t);
  }
  const totalRows = [...totals.values()]
    .map((t) => ({ ...t, registeredShare: share(t.registered, t.eligible), recognisedShare: share(t.recognised, t.registered) }))
    .sort((a, b) => LEARNING_TITLES.indexOf(a.title) - LEARNING_TITLES.indexOf(b.title) || groupOrder(a.citizenGroup) - groupOrder(b.citizenGroup));
  return { rows, totals: totalRows };
}
