/**
 * The registry of derived-indicator formulas: pure functions from "facts" (counts a service loads
 * from the records) to a value. A criteria set names a formula in `indicator.derived.formula` with
 * its `params`; the loader (recognition/derived-facts.ts) counts the facts for the subject and year
 * and calls `computeDerived`, and the engines read the result from `EvaluationContext.derived`.
 *
 * Facts are either a ratio `{ numerator, denominator }` (the formula answers the percentage
 * numerator × 100 / denominator, unrounded, or null when the denominator is 0) or a value
 * `{ value }` (a boolean the loader decided, e.g. "the unit holds an emulation title of at least
 * minRank"). `DERIVED_FORMULAS` describes each formula in both languages for the admin screens,
 * including what the loader must count.
 *
 * Points indicators: a formula answers a percentage or a boolean, not points. How that becomes
 * points is the derivation's `params.pointsRule` (see `POINTS_RULES` and `suggestedValue`); the
 * default, `guidance`, only shows the value beside the indicator and the evaluator enters points.
 * No I/O here.
 */
import type { Bilingual } from '../../../../shared/api-types.js';
import { LEARNING_TITLES, type Derivation, type Indicator, type SubjectKind } from '../../../../shared/criteria.js';

/** Facts of a share: how many of the denominator qualify. */
export interface RatioFacts {
  numerator: number;
  denominator: number;
}
/** Facts decided by the loader: a boolean (or null: no data). */
export interface ValueFacts {
  value: boolean | null;
}
export type DerivedFacts = RatioFacts | ValueFacts;
export type DerivedValue = number | boolean | null;

/** A parameter of a formula, as the admin screen lists it. */
export interface FormulaParam {
  name: string;
  kind: 'title' | 'rank';
  required: boolean;
  /** Used when the set does not give the parameter. */
  default?: string | number;
  description: Bilingual;
}

export interface DerivedFormula {
  code: string;
  /** Whom the value is computed for (the subject kinds of the assessment). */
  subjects: readonly SubjectKind[];
  facts: 'ratio' | 'value';
  /** What the formula answers: a percentage (0–100) or a boolean. */
  result: 'percent' | 'boolean';
  params: FormulaParam[];
  description: Bilingual;
  /** Ratio formulas: what the loader counts. */
  numerator?: Bilingual;
  denominator?: Bilingual;
}

const titleParam: FormulaParam = {
  name: 'title',
  kind: 'title',
  required: false,
  default: 'LEARNING_CITIZEN',
  description: { vi: 'Danh hiệu học tập được tính (mặc định: Công dân học tập)', en: 'The learning title counted (default: Learning citizen)' },
};
const rankParam = (what: Bilingual): FormulaParam => ({
  name: 'minRank',
  kind: 'rank',
  required: true,
  description: what,
});

/** Every formula, keyed by code. */
export const DERIVED_FORMULAS = {
  share_members_holding_title: {
    code: 'share_members_holding_title',
    subjects: ['org'],
    facts: 'ratio',
    result: 'percent',
    params: [titleParam],
    description: {
      vi: 'Tỷ lệ % Thành viên trong đơn vị đạt danh hiệu học tập (mặc định "Công dân học tập") trong năm đánh giá.',
      en: 'Share (%) of the unit’s members who hold the learning title (default "Learning citizen") in the year assessed.',
    },
    numerator: { vi: 'Số thành viên có danh hiệu được công nhận trong năm', en: 'Members recognised with the title for the year' },
    denominator: { vi: 'Tổng số Thành viên trong đơn vị (cán bộ công nhân viên, người lao động)', en: 'All members of the unit (staff and workers)' },
  },
  share_learners_holding_title: {
    code: 'share_learners_holding_title',
    subjects: ['org'],
    facts: 'ratio',
    result: 'percent',
    params: [titleParam],
    description: {
      vi: 'Tỷ lệ % Người học của cơ sở giáo dục đạt danh hiệu "Công dân học tập" (Người học theo TT 24/2023 Điều 2: không gồm trẻ mầm non, học sinh tiểu học, THCS).',
      en: 'Share (%) of a school’s learners who hold "Learning citizen" (learners as in TT 24/2023 art. 2: not pre-school, primary or lower-secondary pupils).',
    },
    numerator: { vi: 'Số Người học có danh hiệu được công nhận trong năm', en: 'Learners recognised with the title for the year' },
    denominator: { vi: 'Tổng số Người học của cơ sở giáo dục', en: 'All learners of the school' },
  },
  share_members_approved_plan: {
    code: 'share_members_approved_plan',
    subjects: ['org'],
    facts: 'ratio',
    result: 'percent',
    params: [],
    description: {
      vi: 'Tỷ lệ % Thành viên có kế hoạch tự học, tự bồi dưỡng hằng năm được lãnh đạo đơn vị phê duyệt.',
      en: 'Share (%) of members whose yearly self-study plan was approved by the unit’s leader.',
    },
    numerator: { vi: 'Số thành viên có kế hoạch tự học năm đánh giá đã được phê duyệt', en: 'Members with an approved self-study plan for the year' },
    denominator: { vi: 'Tổng số Thành viên trong đơn vị', en: 'All members of the unit' },
  },
  share_members_mandatory_training_done: {
    code: 'share_members_mandatory_training_done',
    subjects: ['org'],
    facts: 'ratio',
    result: 'percent',
    params: [],
    description: {
      vi: 'Tỷ lệ % Thành viên hoàn thành đầy đủ các chương trình học tập, bồi dưỡng bắt buộc trong năm.',
      en: 'Share (%) of members who completed all their mandatory training in the year.',
    },
    numerator: { vi: 'Số thành viên đã hoàn thành mọi chương trình bắt buộc áp dụng cho mình', en: 'Members who completed every mandatory programme that applies to them' },
    denominator: { vi: 'Tổng số Thành viên trong đơn vị', en: 'All members of the unit' },
  },
  share_members_emulation_title: {
    code: 'share_members_emulation_title',
    subjects: ['org'],
    facts: 'ratio',
    result: 'percent',
    params: [rankParam({ vi: 'Bậc thấp nhất của danh hiệu thi đua cá nhân (1 = "Lao động tiên tiến")', en: 'Lowest rank of the individual emulation title (1 = "Advanced worker")' })],
    description: {
      vi: 'Tỷ lệ % Thành viên đạt danh hiệu thi đua cá nhân từ bậc minRank trở lên trong năm (criteria/emulation.json).',
      en: 'Share (%) of members holding an individual emulation title of rank minRank or higher for the year (criteria/emulation.json).',
    },
    numerator: { vi: 'Số thành viên có danh hiệu thi đua bậc ≥ minRank', en: 'Members with an emulation title of rank ≥ minRank' },
    denominator: { vi: 'Tổng số Thành viên trong đơn vị', en: 'All members of the unit' },
  },
  share_members_labour_discipline: {
    code: 'share_members_labour_discipline',
    subjects: ['org'],
    facts: 'ratio',
    result: 'percent',
    params: [],
    description: {
      vi: 'Tỷ lệ % Thành viên tuân thủ kỷ luật lao động, nội quy làm việc trong năm (mức chấp hành kỷ luật ghi trong hồ sơ thi đua, criteria/emulation.json).',
      en: 'Share (%) of members who kept labour discipline and the work rules in the year (the discipline standing in their emulation record, criteria/emulation.json).',
    },
    numerator: { vi: 'Số thành viên có mức chấp hành kỷ luật lao động đạt yêu cầu trong năm', en: 'Members whose labour-discipline standing of the year is compliant' },
    denominator: { vi: 'Tổng số Thành viên trong đơn vị', en: 'All members of the unit' },
  },
  share_members_digital_trained: {
    code: 'share_members_digital_trained',
    subjects: ['org'],
    facts: 'ratio',
    result: 'percent',
    params: [],
    description: {
      vi: 'Tỷ lệ % Thành viên được đào tạo, bồi dưỡng về chuyển đổi số trong năm (hồ sơ học tập loại "chuyển đổi số" đã được xác nhận).',
      en: 'Share (%) of members trained for digital transformation in the year (verified learning records of the kind "digital transformation").',
    },
    numerator: { vi: 'Số thành viên có hồ sơ đào tạo chuyển đổi số đã xác nhận trong năm', en: 'Members with a verified digital-transformation training record of the year' },
    denominator: { vi: 'Tổng số Thành viên trong đơn vị', en: 'All members of the unit' },
  },
  org_emulation_title: {
    code: 'org_emulation_title',
    subjects: ['org'],
    facts: 'value',
    result: 'boolean',
    params: [rankParam({ vi: 'Bậc thấp nhất của danh hiệu thi đua tập thể (1 = "Tập thể lao động tiên tiến")', en: 'Lowest rank of the collective emulation title (1 = "Advanced collective")' })],
    description: {
      vi: 'Đơn vị đạt danh hiệu thi đua tập thể từ bậc minRank trở lên trong năm (criteria/emulation.json).',
      en: 'The unit holds a collective emulation title of rank minRank or higher for the year (criteria/emulation.json).',
    },
  },
  member_has_approved_plan: {
    code: 'member_has_approved_plan',
    subjects: ['person'],
    facts: 'value',
    result: 'boolean',
    params: [],
    description: {
      vi: 'Người được đánh giá có kế hoạch tự học năm đánh giá đã được phê duyệt trên hệ thống.',
      en: 'The person assessed has an approved self-study plan for the year in the system.',
    },
  },
  share_adults_holding_title: {
    code: 'share_adults_holding_title',
    subjects: ['household'],
    facts: 'ratio',
    result: 'percent',
    params: [titleParam],
    description: {
      vi: 'Tỷ lệ % người lớn (từ 15 tuổi) trong gia đình đạt danh hiệu "Công dân học tập" trong năm.',
      en: 'Share (%) of the household’s adults (aged 15 or more) who hold "Learning citizen" for the year.',
    },
    numerator: { vi: 'Số người lớn của hộ có danh hiệu', en: 'Adults of the household holding the title' },
    denominator: { vi: 'Số người lớn của hộ', en: 'Adults of the household' },
  },
  share_households_holding_title: {
    code: 'share_households_holding_title',
    subjects: ['clan', 'org'],
    facts: 'ratio',
    result: 'percent',
    params: [{ ...titleParam, default: 'LEARNING_FAMILY', description: { vi: 'Danh hiệu của gia đình được tính (mặc định: Gia đình học tập)', en: 'The household title counted (default: Learning family)' } }],
    description: {
      vi: 'Tỷ lệ % gia đình (hộ) của dòng họ, hoặc của thôn/tổ dân phố, đạt danh hiệu "Gia đình học tập" trong năm.',
      en: 'Share (%) of the families (households) of a clan, or of a hamlet, that hold "Learning family" for the year.',
    },
    numerator: { vi: 'Số gia đình có danh hiệu', en: 'Families holding the title' },
    denominator: { vi: 'Tổng số gia đình của dòng họ / thôn', en: 'All families of the clan / hamlet' },
  },
  share_residents_holding_title: {
    code: 'share_residents_holding_title',
    subjects: ['org'],
    facts: 'ratio',
    result: 'percent',
    params: [titleParam],
    description: {
      vi: 'Tỷ lệ % công dân trong xã đạt danh hiệu "Công dân học tập" theo QĐ 324/QĐ-KHVN trong năm.',
      en: 'Share (%) of the commune’s citizens who hold "Learning citizen" (QĐ 324/QĐ-KHVN) for the year.',
    },
    numerator: { vi: 'Số công dân của xã có danh hiệu', en: 'Citizens of the commune holding the title' },
    denominator: { vi: 'Số công dân của xã (độ tuổi theo hướng dẫn của địa phương)', en: 'Citizens of the commune (age range as locally defined)' },
  },
} as const satisfies Record<string, DerivedFormula>;

export type DerivedFormulaCode = keyof typeof DERIVED_FORMULAS;

/** The formulas as a list, for the admin screen. */
export const DERIVED_FORMULA_LIST: readonly DerivedFormula[] = Object.values(DERIVED_FORMULAS);

export const isDerivedFormula = (code: string): code is DerivedFormulaCode => Object.prototype.hasOwnProperty.call(DERIVED_FORMULAS, code);

/** A problem with a derivation as a set names it (unknown formula, bad parameter). */
export interface DerivationIssue {
  message: Bilingual;
}

/** Checks a derivation against the registry: the formula exists, its parameters are valid. */
export function checkDerivation(derivation: Derivation): DerivationIssue[] {
  if (!isDerivedFormula(derivation.formula)) {
    return [{ message: { vi: `Công thức "${derivation.formula}" không có trong danh mục công thức tính.`, en: `The formula "${derivation.formula}" is not in the registry.` } }];
  }
  const def: DerivedFormula = DERIVED_FORMULAS[derivation.formula];
  const out: DerivationIssue[] = [];
  for (const p of def.params) {
    const v = derivation.params?.[p.name];
    if (v === undefined) {
      if (p.required) out.push({ message: { vi: `Công thức ${def.code} cần tham số "${p.name}".`, en: `The formula ${def.code} needs the parameter "${p.name}".` } });
      continue;
    }
    if (p.kind === 'title' && !(typeof v === 'string' && (LEARNING_TITLES as readonly string[]).includes(v))) {
      out.push({ message: { vi: `Tham số "${p.name}" của công thức ${def.code} phải là một danh hiệu học tập.`, en: `The parameter "${p.name}" of ${def.code} must be a learning title.` } });
    }
    if (p.kind === 'rank' && !(typeof v === 'number' && Number.isInteger(v) && v >= 1)) {
      out.push({ message: { vi: `Tham số "${p.name}" của công thức ${def.code} phải là số nguyên từ 1.`, en: `The parameter "${p.name}" of ${def.code} must be an integer from 1.` } });
    }
  }
  const rule = derivation.params?.pointsRule;
  if (rule !== undefined && !(typeof rule === 'string' && (POINTS_RULES as readonly string[]).includes(rule))) {
    out.push({ message: { vi: `pointsRule phải là một trong: ${POINTS_RULES.join(', ')}.`, en: `pointsRule must be one of: ${POINTS_RULES.join(', ')}.` } });
  }
  const known = new Set([...def.params.map((p) => p.name), 'pointsRule']);
  for (const name of Object.keys(derivation.params ?? {})) {
    if (!known.has(name)) out.push({ message: { vi: `Công thức ${def.code} không có tham số "${name}".`, en: `The formula ${def.code} has no parameter "${name}".` } });
  }
  return out;
}

const isRatio = (f: DerivedFacts): f is RatioFacts => 'numerator' in f && 'denominator' in f;

/**
 * The value of a derivation from its facts: a percentage (numerator × 100 / denominator, not
 * rounded, so 899 of 1000 is 89.9 and stays below a 90 % threshold), a boolean, or null when there is
 * nothing to count (denominator 0, value null). Throws on an unknown formula or facts of the wrong
 * shape (negative counts, numerator above denominator): those are loader bugs, not user input.
 */
export function computeDerived(derivation: Pick<Derivation, 'formula'> & Partial<Pick<Derivation, 'params'>>, facts: DerivedFacts): DerivedValue {
  if (!isDerivedFormula(derivation.formula)) throw new Error(`Unknown derived formula "${derivation.formula}"`);
  const def: DerivedFormula = DERIVED_FORMULAS[derivation.formula];
  if (def.facts === 'ratio') {
    if (!isRatio(facts)) throw new Error(`Formula ${def.code} needs { numerator, denominator }`);
    const { numerator: n, denominator: d } = facts;
    if (!Number.isInteger(n) || !Number.isInteger(d) || n < 0 || d < 0 || n > d) throw new Error(`Formula ${def.code}: bad counts ${n}/${d}`);
    if (d === 0) return null;
    // n * 100 / d, not n / d * 100: 9 / 10 * 100 is 90.00000000000001 in floating point.
    return (n * 100) / d;
  }
  if (isRatio(facts) || !('value' in facts)) throw new Error(`Formula ${def.code} needs { value }`);
  if (facts.value !== null && typeof facts.value !== 'boolean') throw new Error(`Formula ${def.code}: value must be a boolean or null`);
  return facts.value;
}

// ── points indicators ────────────────────────────────────────────────────────

/**
 * How a derived value becomes points on a `points` indicator (`derivation.params.pointsRule`):
 * - `guidance` (default): no points are proposed; the value is shown beside the indicator and the
 *   evaluator enters the points (TT 22/2020 "2a, 2c, 2d, 3a are shown beside the percentage").
 * - `all_or_nothing`: the maximum when the value is true or 100 %, else 0 (TT 22/2020 3b: the unit
 *   holds "Tập thể lao động tiên tiến").
 * - `max_if_true`: the maximum when the value is true or 100 %; nothing proposed otherwise, because
 *   the records may simply not know (QĐ 324 indicator 2: an approved plan in hoctap proves a plan;
 *   no plan in hoctap proves nothing).
 * - `proportional`: maximum × percentage / 100, rounded down to the step.
 * A proposed value is used when the evaluator enters nothing; entering anything else needs a reason.
 */
export const POINTS_RULES = ['guidance', 'all_or_nothing', 'max_if_true', 'proportional'] as const;
export type PointsRule = (typeof POINTS_RULES)[number];

export function pointsRuleOf(ind: Pick<Indicator, 'derived'>): PointsRule {
  const r = ind.derived?.params?.pointsRule;
  return typeof r === 'string' && (POINTS_RULES as readonly string[]).includes(r) ? (r as PointsRule) : 'guidance';
}

const full = (raw: number | boolean) => raw === true || (typeof raw === 'number' && raw >= 100);

/**
 * The value the engine proposes for an indicator from the raw derived value (what computeDerived
 * answered): the raw value itself for percent / number / boolean indicators, points by the points
 * rule for points indicators, null when nothing is proposed.
 */
export function suggestedValue(ind: Pick<Indicator, 'valueType' | 'max' | 'step' | 'derived'>, raw: DerivedValue | undefined): number | boolean | null {
  if (!ind.derived || raw === null || raw === undefined) return null;
  if (ind.valueType === 'boolean') return typeof raw === 'boolean' ? raw : null;
  if (ind.valueType === 'percent' || ind.valueType === 'number') return typeof raw === 'number' ? raw : null;
  if (ind.valueType !== 'points' || ind.max === undefined) return null;
  const max = ind.max;
  switch (pointsRuleOf(ind)) {
    case 'guidance':
      return null;
    case 'all_or_nothing':
      return full(raw) ? max : 0;
    case 'max_if_true':
      return full(raw) ? max : null;
    case 'proportional': {
      if (typeof raw === 'boolean') return raw ? max : 0;
      const step = ind.step ?? 1;
      const share = Math.min(100, Math.max(0, raw));
      return Math.min(max, Math.floor((max * share) / 100 / step + 1e-9) * step);
    }
  }
}
