/**
 * Values of derived indicators for one subject and year, with the records they came from.
 *
 * A criteria set names a formula of the registry (criteria/engines/derived.ts) on an indicator; this
 * loader counts the formula's facts for the subject and year and lets `computeDerived` turn them into
 * the value the engines read. Each share is ONE set-based statement: the population counted (the
 * unit's staff, the commune's residents, the clan's households, from the people module) left-joined to
 * what qualifies (a recognition of the year, an approved plan, an emulation title, from their modules),
 * materialised once, then counted (`count(*)`, `count(source_id)`) and its first 200 qualifying rows
 * listed in Vietnamese name order. No per-person query, whatever the size of the subtree
 * (bench/README.md, "Derived indicators at province scale").
 *
 * Who is counted, on the day that counts for the year (its last day, or today while it runs, as the
 * rest of the title module):
 * - members of a unit: people with a membership open that day in the unit or below it, once each;
 * - residents of a commune or hamlet: people who live in it or below it;
 * - adults of a household: its members aged 15 or more that day (an unknown birth date counts);
 * - households of a clan: its linked households, wherever they live; of a hamlet or commune: those
 *   registered there.
 * A title is held when a recognition of that title and year is not revoked.
 *
 * Where hoctap keeps no record (a school's learners, a unit with no emulation record for the year) the
 * value is null: the evaluator enters it with evidence.
 */
import { sql, type SQL } from 'drizzle-orm';
import { LEARNING_TITLES, type CriteriaSetDocument, type Derivation, type LearningTitle, type SubjectKind } from '../../../shared/criteria.js';
import type { Executor } from '../../db/index.js';
import { todayInVietnam } from '../../platform/time.js';
import { computeDerived, DERIVED_FORMULAS, isDerivedFormula, type DerivedFacts } from '../criteria/engines/derived.js';
import { learningRecordFacts } from '../learningRecord/learningRecord.service.js';
import { emulationFacts } from '../people/emulation.service.js';
import { householdFacts } from '../people/household.service.js';
import { peopleFacts } from '../people/people.service.js';
import { studyPlanFacts } from '../studyPlan/studyPlan.service.js';
import { recognition } from './recognition.table.js';
import { loadSubjects, type Subject } from './subject.js';

export interface DerivedSource {
  kind: 'person' | 'household' | 'clan' | 'org' | 'recognition' | 'studyPlan' | 'learningRecord' | 'emulation';
  id: string;
  label: string;
}

export interface DerivedValue {
  value: number | boolean | null;
  numerator?: number;
  denominator?: number;
  /** The first records behind the value (at most 200), and how many there are in all. */
  sources: DerivedSource[];
  sourcesTotal: number;
}

export interface DerivedSubject {
  kind: SubjectKind;
  id: string;
  year: number;
}

export interface DerivedOptions {
  /** The day on which membership, residence and age are read (default: the year's last day, or today while it runs). */
  day?: string;
}

/** How many of the records behind a value are listed. */
export const SOURCES_LIMIT = 200;

/** Adults of a household: aged at least this on the day (QĐ 677; a set may say otherwise with `minAge`). */
export const ADULT_AGE = 15;

/** The day that counts for a year: its last day, today while it runs, its first day before it starts. */
export function countedDay(year: number, today = todayInVietnam()): string {
  const end = `${year}-12-31`;
  return today < end ? (today < `${year}-01-01` ? `${year}-01-01` : today) : end;
}

// ── statements ───────────────────────────────────────────────────────────────

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/** What a formula's loader answers: the facts for computeDerived and the records behind them. */
type Loaded = { facts: DerivedFacts; sources: DerivedSource[]; sourcesTotal: number };

/**
 * A share in one statement. `rows` is a relation of `(id, label, sort, source_id)`: one row per
 * member of the population, `source_id` set when they qualify (the record that proves it). It is
 * materialised once; the counts and the first qualifying rows in name order are read from it.
 */
async function countShare(db: Executor, rows: SQL, kind: DerivedSource['kind']): Promise<Loaded> {
  const [row] = rowsOf<{ denominator: number; numerator: number; sources: unknown }>(
    await db.execute(sql`
      with f as materialized (${rows})
      select count(*)::int as denominator,
             count(*) filter (where f.source_id is not null)::int as numerator,
             (select coalesce(json_agg(json_build_object('id', s.source_id, 'label', s.label) order by s.sort, s.id), '[]'::json)
                from (select f.id, f.label, f.sort collate "C" as sort, f.source_id from f where f.source_id is not null
                      order by 3, f.id limit ${SOURCES_LIMIT}) s) as sources
      from f`),
  );
  const numerator = Number(row?.numerator ?? 0);
  const denominator = Number(row?.denominator ?? 0);
  const listed = parseJson<{ id: string; label: string }[]>(row?.sources ?? []);
  return { facts: { numerator, denominator }, sources: listed.map((s) => ({ kind, id: s.id, label: s.label })), sourcesTotal: numerator };
}

/** The population `(id, label, sort)` left-joined to what qualifies `(subject_id, source_id)`. */
const joined = (population: SQL, qualifying: SQL): SQL =>
  sql`select pop.id, pop.label, pop.sort, q.source_id from (${population}) pop left join (${qualifying}) q on q.subject_id = pop.id`;

/** People or households holding a title of the year (a recognition not revoked), as `(subject_id, source_id)`. */
function holders(kind: 'person' | 'household', title: LearningTitle, year: number): SQL {
  const column = kind === 'person' ? sql`r.person_id` : sql`r.household_id`;
  return sql`select ${column} as subject_id, r.id as source_id from ${recognition} r
    where ${column} is not null and r.title = ${title} and r.year = ${year} and r.revoked_at is null`;
}

const noRecord = (): Loaded => ({ facts: { value: null }, sources: [], sourcesTotal: 0 });

// ── formulas ─────────────────────────────────────────────────────────────────

interface LoadContext {
  subject: Subject;
  year: number;
  day: string;
  params: Derivation['params'];
}

/** The title a formula counts: its `title` parameter, or the registry's default for it. */
function titleParam(formula: string, params: Derivation['params']): LearningTitle {
  const given = params.title;
  if (typeof given === 'string' && (LEARNING_TITLES as readonly string[]).includes(given)) return given as LearningTitle;
  const def = isDerivedFormula(formula) ? DERIVED_FORMULAS[formula].params.find((p) => p.name === 'title')?.default : undefined;
  return (typeof def === 'string' ? def : 'LEARNING_CITIZEN') as LearningTitle;
}

const rankParam = (params: Derivation['params']) => (typeof params.minRank === 'number' && params.minRank >= 1 ? params.minRank : 1);
const ageParam = (params: Derivation['params'], fallback: number | undefined) => (typeof params.minAge === 'number' && params.minAge >= 0 ? params.minAge : fallback);

const staffOf = (c: LoadContext) => peopleFacts.staffOf(c.subject.orgPath, c.day);

/** One loader per formula code: the facts for the subject and year, and the records behind them. */
const LOADERS: Record<string, (db: Executor, c: LoadContext, formula: string) => Promise<Loaded>> = {
  share_members_holding_title: (db, c, f) => countShare(db, joined(staffOf(c), holders('person', titleParam(f, c.params), c.year)), 'recognition'),

  // hoctap keeps no roll of a school's learners (TT 24/2023 art. 2): the evaluator enters the share.
  share_learners_holding_title: async () => noRecord(),

  share_members_approved_plan: (db, c) => countShare(db, joined(staffOf(c), studyPlanFacts.approvedPlans(c.year)), 'studyPlan'),

  /** Members with no mandatory training outstanding: none applies to them, or they did all of it. */
  share_members_mandatory_training_done: (db, c) =>
    countShare(
      db,
      sql`select m.id, m.label, m.sort, case when not m.owes or m.done then m.id end as source_id
          from (${learningRecordFacts.mandatoryStanding({ path: c.subject.orgPath, year: c.year, day: c.day })}) m`,
      'person',
    ),

  share_members_emulation_title: (db, c) => countShare(db, joined(staffOf(c), emulationFacts.personTitlesFrom(c.year, rankParam(c.params))), 'emulation'),

  /** TT 24/2023 criterion 2.1, TT 22/2020 2b. */
  share_members_labour_discipline: (db, c) => countShare(db, joined(staffOf(c), emulationFacts.personsKeepingDiscipline(c.year)), 'emulation'),

  /** TT 24/2023 criterion 2.3. */
  share_members_digital_trained: (db, c) =>
    countShare(
      db,
      sql`select m.id, m.label, m.sort, case when m.done then m.id end as source_id
          from (${learningRecordFacts.digitalTraining({ path: c.subject.orgPath, year: c.year, day: c.day })}) m`,
      'person',
    ),

  async org_emulation_title(db, c) {
    const record = await emulationFacts.collectiveTitleOf(db, c.subject.id, c.year);
    if (!record) return noRecord();
    const held = record.rank !== null && record.rank >= rankParam(c.params);
    return { facts: { value: held }, sources: [{ kind: 'emulation', id: record.id, label: c.subject.name }], sourcesTotal: 1 };
  },

  async member_has_approved_plan(db, c) {
    const plan = await studyPlanFacts.approvedPlanOf(db, c.subject.id, c.year);
    return plan
      ? { facts: { value: true }, sources: [{ kind: 'studyPlan', id: plan.id, label: c.subject.name }], sourcesTotal: 1 }
      : { facts: { value: false }, sources: [], sourcesTotal: 0 };
  },

  share_adults_holding_title: (db, c, f) =>
    countShare(
      db,
      joined(peopleFacts.membersOfHousehold(c.subject.id, { day: c.day, minAge: ageParam(c.params, ADULT_AGE) }), holders('person', titleParam(f, c.params), c.year)),
      'recognition',
    ),

  share_households_holding_title: (db, c, f) => {
    const households = c.subject.kind === 'clan' ? householdFacts.householdsOfClan(c.subject.id) : householdFacts.householdsOf(c.subject.orgPath);
    return countShare(db, joined(households, holders('household', titleParam(f, c.params), c.year)), 'recognition');
  },

  share_residents_holding_title: (db, c, f) =>
    countShare(
      db,
      joined(peopleFacts.residentsOf(c.subject.orgPath, { day: c.day, minAge: ageParam(c.params, undefined) }), holders('person', titleParam(f, c.params), c.year)),
      'recognition',
    ),
};

/** Formulas this loader counts (the registry's, and any it knows ahead of the registry). */
export const LOADED_FORMULAS: readonly string[] = Object.keys(LOADERS);

/** Whether the formula may be computed for this kind of subject. */
const suits = (formula: string, kind: SubjectKind) => !isDerivedFormula(formula) || (DERIVED_FORMULAS[formula].subjects as readonly SubjectKind[]).includes(kind);

/** Same formula and parameters (points rules aside): counted once per call. */
const factsKey = (d: Derivation) => {
  const { pointsRule: _rule, ...params } = d.params ?? {};
  return `${d.formula}|${JSON.stringify(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)))}`;
};

/**
 * The derived indicators of a criteria-set document for one subject and year, by indicator code.
 * Indicators whose formula does not suit the subject's kind, or that the registry does not know, are
 * left out (the evaluator enters them). Statements run one after another (the caller may hold a
 * transaction); the same formula with the same parameters is counted once.
 */
export async function derivedValues(db: Executor, subject: DerivedSubject, doc: CriteriaSetDocument, opts: DerivedOptions = {}): Promise<Record<string, DerivedValue>> {
  const indicators = doc.criteria.flatMap((c) => c.indicators).filter((i) => i.derived && isDerivedFormula(i.derived.formula) && Object.hasOwn(LOADERS, i.derived.formula) && suits(i.derived.formula, subject.kind));
  if (indicators.length === 0) return {};
  const day = opts.day ?? countedDay(subject.year);
  const loaded = (await loadSubjects(db, subject.kind, [subject.id], day)).get(subject.id);
  if (!loaded) return {};
  const memo = new Map<string, Loaded>();
  const out: Record<string, DerivedValue> = {};
  for (const ind of indicators) {
    const derivation = ind.derived!;
    const key = factsKey(derivation);
    let facts = memo.get(key);
    if (!facts) {
      facts = await LOADERS[derivation.formula]!(db, { subject: loaded, year: subject.year, day, params: derivation.params ?? {} }, derivation.formula);
      memo.set(key, facts);
    }
    out[ind.code] = present(derivation, facts);
  }
  return out;
}

function present(derivation: Derivation, loaded: Loaded): DerivedValue {
  // No record at all (a ratio formula without a roll to count): nothing to compute.
  const value = 'value' in loaded.facts && loaded.facts.value === null ? null : computeDerived(derivation, loaded.facts);
  const ratio = 'numerator' in loaded.facts ? { numerator: loaded.facts.numerator, denominator: loaded.facts.denominator } : {};
  return { value, ...ratio, sources: loaded.sources, sourcesTotal: loaded.sourcesTotal };
}

/**
 * Every derived indicator of the given documents for an organisation and year (a commune's Cộng đồng
 * học tập, a unit's Đơn vị học tập), by document code: what a dashboard or a benchmark recomputes after
 * records change. Values are never cached, so a recomputation always reads the records as they are.
 */
export async function recomputeDerivedFor(
  db: Executor,
  q: { orgId: string; year: number; day?: string },
  docs: CriteriaSetDocument[],
): Promise<Record<string, Record<string, DerivedValue>>> {
  const out: Record<string, Record<string, DerivedValue>> = {};
  for (const doc of docs) out[doc.code] = await derivedValues(db, { kind: 'org', id: q.orgId, year: q.year }, doc, { day: q.day });
  return out;
}
