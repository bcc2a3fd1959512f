/**
 * What the pure engines take and give. `evaluate(document, inputs, context)` (engines/index.ts) picks
 * the points or levels engine from the document; services load the inputs and the derived values,
 * call it, and store the result beside the criteria-set version it used.
 */
import type { Bilingual } from '../../../../shared/api-types.js';
import type { AssessmentInputs, SubjectAttribute } from '../../../../shared/criteria.js';

export interface EvaluationContext {
  /** Attributes of the subject (which indicators apply, which threshold variant holds). */
  attributes: SubjectAttribute[];
  /** Values computed from records for derived indicators, by indicator code. */
  derived?: Record<string, number | boolean | null>;
}

/** A rejected input, naming the indicator (out of range, negative, not a step, required and missing). */
export interface InputError {
  indicator: string;
  code: 'ABOVE_MAX' | 'NEGATIVE' | 'NOT_A_STEP' | 'MISSING' | 'WRONG_TYPE' | 'UNKNOWN_INDICATOR' | 'UNKNOWN_SCALE_STEP' | 'OVERRIDE_REASON_REQUIRED';
  message: Bilingual;
}

export interface IndicatorOutcome {
  code: string;
  applicable: boolean;
  value: number | boolean | string | null;
  hasEvidence: boolean;
  /** The value came from records (and was not overridden). */
  derived: boolean;
  overridden: boolean;
  /** What the formula computed from records (ctx.derived), when the indicator is derived and a value was loaded. */
  derivedValue?: number | boolean | null;
  /** Points engine: the points counted. */
  points?: number;
  /** Levels engine: met per level code (levels that do not test the indicator, or where it does not apply, count as met). */
  metAt?: Record<string, boolean>;
}

/** Why an indicator holds a level back (or, TOTAL_BELOW, why a points total fails). */
export interface Shortfall {
  /** The indicator's code; '' for TOTAL_BELOW, which concerns the whole set. */
  indicator: string;
  reason: 'NOT_ENTERED' | 'NO_EVIDENCE' | 'BELOW_THRESHOLD' | 'BELOW_MIN_EACH' | 'TOTAL_BELOW';
  message: Bilingual;
}

export interface PointsResult {
  engine: 'points';
  total: number;
  max: number;
  criteria: { code: string; total: number; max: number }[];
  band: { code: string; name: Bilingual; passes: boolean } | null;
  passed: boolean;
  shortfalls: Shortfall[];
  indicators: IndicatorOutcome[];
}

export interface LevelsResult {
  engine: 'levels';
  /** The highest level reached, or null. */
  level: string | null;
  passed: boolean;
  /** Per level, lowest first: whether it is met and what is missing. */
  perLevel: { level: string; met: boolean; missing: Shortfall[] }[];
  /** What is missing for the next level above the one reached (empty at the top). */
  missingForNext: Shortfall[];
  indicators: IndicatorOutcome[];
}

export type EvaluationResult = PointsResult | LevelsResult;
