/**
 * The criteria engines: `evaluate(doc, inputs, ctx)` picks the points or the levels engine from the
 * document; `validateInputs(doc, inputs, ctx)` lists what is wrong with the inputs, each error naming
 * its indicator in Vietnamese and English.
 *
 * Contract: the service calls validateInputs first and refuses the save when it returns anything.
 * evaluate() runs the same checks and THROWS `InvalidInputsError` (with `.errors`) rather than
 * scoring invalid input, so a result is never computed from an out-of-range or unexplained value.
 *
 * Derived values: `ctx.derived[code]` holds what computeDerived (derived.ts) answered for a derived
 * indicator — a percentage or a boolean, never points. For percent / boolean indicators that value
 * is proposed as is; for points indicators it goes through the derivation's `pointsRule`. A
 * proposed value is used when nothing is entered (outcome `derived`); an entered value that differs
 * needs `overrideReason` (error OVERRIDE_REASON_REQUIRED; outcome `overridden`). A value taken from
 * records counts as having evidence (the records are listed beside it); an overridden one needs
 * evidence of its own where the set requires evidence.
 *
 * Pure functions: no I/O.
 */
import type { AssessmentInputs, CriteriaSetDocument } from '../../../../shared/criteria.js';
import { InvalidInputsError, validateInputs } from './common.js';
import { evaluateLevels } from './levels.js';
import { evaluatePoints } from './points.js';
import type { EvaluationContext, EvaluationResult } from './types.js';

export { InvalidInputsError, isApplicable, validateInputs } from './common.js';
export { computeDerived, DERIVED_FORMULA_LIST, DERIVED_FORMULAS, POINTS_RULES, suggestedValue } from './derived.js';
export type { DerivedFacts, DerivedFormula, DerivedFormulaCode, DerivedValue, PointsRule, RatioFacts, ValueFacts } from './derived.js';
export type * from './types.js';

/** Scores or levels the inputs; throws InvalidInputsError when validateInputs rejects them. */
export function evaluate(doc: CriteriaSetDocument, inputs: AssessmentInputs, ctx: EvaluationContext): EvaluationResult {
  const errors = validateInputs(doc, inputs, ctx);
  if (errors.length) throw new InvalidInputsError(errors);
  return doc.engine === 'points' ? evaluatePoints(doc, inputs, ctx) : evaluateLevels(doc, inputs, ctx);
}
