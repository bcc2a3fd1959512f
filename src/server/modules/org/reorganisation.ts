/**
 * Reorganisation as one operation: a merge, a split or a transfer of units, decided by an authority
 * and effective on a date (the 2025 reform: districts abolished, communes merged, communes reporting
 * straight to the province).
 *
 * - The plan (below) is validated by zod on the way in and by `planReorganisation` (pure) against
 *   the tree; preview and apply run the same planning, so a preview is exactly what apply does.
 * - Units that end close from the effective date (validTo = effectiveDate); units that continue keep
 *   their ids, so everything recorded on them stays theirs.
 * - Lineage rows link each predecessor to its successors (old → new, with the date), so figures
 *   recorded on an old unit before the date roll up into its successors (`rollupOrgIds`). A transfer
 *   also writes one link from each transferred unit to itself: it records that the unit took part
 *   (the reorganisation is listed for whoever sees the unit) and is skipped by lineage walks.
 * - Other modules (people: staff, residents, households, clans) own records attached to units; they
 *   register a `ReorgParticipant` and move the records of the units that close, in the same
 *   transaction.
 */
import { z } from 'zod';
import type { Executor, Tx } from '../../db/index.js';
import type { OrgRef, ReorgImpact, ReorgOutcome, ReorgTransfer, ReorgWarning } from '../../../shared/api-types.js';
import type { RequestContext } from '../../platform/http/context.js';
import { isoDate, text } from '../../platform/http/schemas.js';

// ── participants ────────────────────────────────────────────────────────────

export type { ReorgImpact, ReorgTransfer };

/**
 * A module that owns records attached to units. Transfers name only the units that close: units
 * that move keep their ids, so their records need nothing. In a preview, the id of a unit still to
 * be created is provisional (it is not in the database).
 */
export interface ReorgParticipant {
  /** Counts of the records attached directly to each `fromOrgId` that would go to `toOrgId`. */
  preview(tx: Executor, effectiveDate: string, transfers: ReorgTransfer[]): Promise<ReorgImpact[]>;
  /** Moves them, in the caller's transaction; records its own audit rows. */
  apply(tx: Tx, ctx: RequestContext, effectiveDate: string, transfers: ReorgTransfer[]): Promise<ReorgImpact[]>;
}

// ── the plan ────────────────────────────────────────────────────────────────

const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** A unit the reorganisation creates. `parentId` null makes a root (system administrators only). */
const newUnit = {
  type: z.literal('new'),
  name: text(300),
  kindCode: text(64),
  code: optionalText(64),
  parentId: z.uuid().nullable(),
};

const existingUnit = { type: z.literal('existing'), id: z.uuid() };

const common = {
  /** The first day of the new arrangement; units that end are closed from this day. */
  effectiveDate: isoDate,
  /** The decision, e.g. "Nghị quyết 1654/NQ-UBTVQH15". */
  decisionRef: optionalText(300),
  note: optionalText(2000),
  /** New names for units that move (two hamlets called "Ấp 1" cannot stand under one commune). */
  renames: z.array(z.object({ orgId: z.uuid(), name: text(300) })).max(5000).optional(),
};

/** Several units become one: a new unit, or one of them that absorbs the others. */
export const mergePlanSchema = z.object({
  kind: z.literal('merge'),
  predecessorIds: z.array(z.uuid()).min(2).max(500),
  successor: z.discriminatedUnion('type', [z.object(newUnit), z.object(existingUnit)]),
  ...common,
});

const splitKey = z.string().trim().min(1).max(40);

/** One unit becomes several; each of its open children is assigned to one successor. */
export const splitPlanSchema = z.object({
  kind: z.literal('split'),
  predecessorId: z.uuid(),
  successors: z
    .array(z.discriminatedUnion('type', [z.object({ ...newUnit, key: splitKey }), z.object({ ...existingUnit, key: splitKey })]))
    .min(2)
    .max(50),
  assignments: z.array(z.object({ childId: z.uuid(), to: splitKey })).max(10_000),
  /** The successor that takes the records attached to the predecessor itself (staff, residents…). */
  ownRecordsTo: splitKey,
  ...common,
});

/** Units move to a new parent (possibly in another root); their old parents may be dissolved. */
export const transferPlanSchema = z.object({
  kind: z.literal('transfer'),
  unitIds: z.array(z.uuid()).min(1).max(5000),
  newParentId: z.uuid(),
  /** Close the units' old parents, with lineage old parent → new parent. */
  dissolveOldParents: z.boolean().optional(),
  ...common,
});

export const reorgPlanSchema = z.discriminatedUnion('kind', [mergePlanSchema, splitPlanSchema, transferPlanSchema]);

export type MergePlan = z.infer<typeof mergePlanSchema>;
export type SplitPlan = z.infer<typeof splitPlanSchema>;
export type TransferPlan = z.infer<typeof transferPlanSchema>;
export type ReorgPlan = z.infer<typeof reorgPlanSchema>;
export type ReorgKind = ReorgPlan['kind'];

// ── what a preview and an apply answer ──────────────────────────────────────

export type { OrgRef, ReorgOutcome, ReorgWarning };

export { rollupOrgIds } from './reorganisation.repo.js';
