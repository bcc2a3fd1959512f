/**
 * Reorganisations (see reorganisation.ts): preview, apply, lineage and the list. The functions join
 * the org service (createOrgService spreads them in), so callers see one organisation service.
 */
import type { Db, Executor, Tx } from '../../db/index.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { requireActor, SYSTEM_USER_ID, type RequestContext } from '../../platform/http/context.js';
import { authorize, can, isSystemAdmin, scopePaths, type Actor } from '../../platform/policy.js';
import { todayInVietnam } from '../../platform/time.js';
import { formatDate } from '../../../shared/vn-text.js';
import { isClosed, orgNotFound } from './org-rules.js';
import { writeClose, writeMove, writeNewOrg, type AuditExtra } from './org-writes.js';
import { orgRepo, type OrgRow } from './org.repo.js';
import {
  createsRoot,
  namedUnitIds,
  planReorganisation,
  predecessorIdsWithChildren,
  receivingParentIds,
  type ReorgEffects,
} from './reorganisation-plan.js';
import { reorganisationRepo, rollupOrgIds, type LineageRow, type LinkRow, type ReorganisationRow } from './reorganisation.repo.js';
import type { OrgRef, ReorgImpact, ReorgOutcome, ReorgParticipant, ReorgPlan, ReorgTransfer, ReorgWarning } from './reorganisation.js';

/** A plan loaded, authorised and planned: what apply does before it writes. */
interface Prepared {
  plan: ReorgPlan;
  actor: Actor;
  /** Every existing unit involved, as loaded before any write. */
  units: Map<string, OrgRow>;
  effects: ReorgEffects;
}

/** What the change reaches: counted before it is made (preview), or as made (apply). */
interface Reach {
  unitsMoved: Map<string, number>;
  unitsClosed: Map<string, number>;
}

const reorganisationNotFound = () => notFound({ vi: 'Không tìm thấy đợt sắp xếp.', en: 'Reorganisation not found.' });

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Links named in each row of the list; the rest are on the reorganisation's own page. */
const LISTED_LINKS = 60;

const presentReorganisation = (r: ReorganisationRow) => ({
  id: r.id,
  kind: r.kind,
  effectiveDate: r.effectiveDate,
  decisionRef: r.decisionRef,
  note: r.note,
  createdAt: r.createdAt.toISOString(),
});

export function createReorganisationOps(db: Db) {
  const participants: ReorgParticipant[] = [];

  /** Loads units by id; each must exist and the actor must manage it (404/403 otherwise). */
  async function loadManaged(tx: Executor, actor: Actor, ids: string[]): Promise<OrgRow[]> {
    const rows = new Map((await orgRepo.findByIds(tx, [...new Set(ids)])).map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = rows.get(id);
      if (!row) throw orgNotFound();
      authorize(actor, 'org.manage', row.path);
      return row;
    });
  }

  /** The current parents of the units a transfer moves; managed too when the transfer dissolves them. */
  async function loadOldParents(tx: Executor, actor: Actor, plan: ReorgPlan, named: OrgRow[]): Promise<OrgRow[]> {
    if (plan.kind !== 'transfer') return [];
    const moving = named.filter((u) => plan.unitIds.includes(u.id));
    const parentIds = [...new Set(moving.map((u) => u.parentId).filter((id): id is string => id !== null))];
    if (plan.dissolveOldParents) return loadManaged(tx, actor, parentIds);
    return orgRepo.findByIds(tx, parentIds);
  }

  async function prepare(tx: Executor, actor: Actor, plan: ReorgPlan): Promise<Prepared> {
    if (createsRoot(plan) && !isSystemAdmin(actor)) throw forbidden();
    const named = await loadManaged(tx, actor, namedUnitIds(plan));
    const oldParents = await loadOldParents(tx, actor, plan, named);
    const children = await reorganisationRepo.openChildren(tx, predecessorIdsWithChildren(plan), plan.effectiveDate);
    const siblings = await reorganisationRepo.activeChildren(tx, receivingParentIds(plan));
    const units = new Map([...named, ...oldParents, ...children].map((u) => [u.id, u]));
    const effects = planReorganisation(plan, {
      kinds: await orgRepo.kinds(tx),
      units,
      openChildren: groupBy(children, (c) => c.parentId!),
      activeChildren: groupBy(siblings, (s) => s.parentId ?? ''),
      newId: () => crypto.randomUUID(),
    });
    return { plan, actor, units, effects };
  }

  /** Counts what apply will move and close, in the order apply does it. */
  async function measure(tx: Executor, p: Prepared): Promise<Reach> {
    const day = p.plan.effectiveDate;
    const movingPaths = p.effects.moves.map((m) => p.units.get(m.id)!.path);
    const unitsClosed = new Map<string, number>();
    const closedPaths: string[] = [];
    for (const id of p.effects.closes) {
      const path = p.units.get(id)!.path;
      const closedEarlier = closedPaths.some((c) => path.startsWith(c));
      const leaving = [...movingPaths, ...closedPaths].filter((l) => l.startsWith(path));
      unitsClosed.set(id, closedEarlier ? 0 : await reorganisationRepo.countClosing(tx, path, day, leaving));
      closedPaths.push(path);
    }
    return { unitsMoved: await reorganisationRepo.subtreeSizes(tx, p.effects.moves.map((m) => m.id)), unitsClosed };
  }

  /** What the user should know before applying: a date still ahead, role grants left on closing units. */
  async function warningsOf(tx: Executor, p: Prepared): Promise<ReorgWarning[]> {
    return [...dateWarnings(p), ...(await grantWarnings(tx, p))];
  }

  /**
   * The tree changes when the reorganisation is applied, whatever its date: units move at once and
   * closing units stay open until the date. Applying early is allowed (the new units can be prepared),
   * but said.
   */
  function dateWarnings(p: Prepared): ReorgWarning[] {
    const today = todayInVietnam();
    if (p.plan.effectiveDate <= today) return [];
    const days = Math.round((Date.parse(p.plan.effectiveDate) - Date.parse(today)) / 86_400_000);
    const unit = p.units.get(p.effects.mainOrgId) ?? p.units.values().next().value!;
    const date = formatDate(p.plan.effectiveDate);
    return [
      {
        code: 'EFFECTIVE_DATE_AHEAD',
        message: {
          vi: `Ngày hiệu lực ${date} còn ${days} ngày nữa. Khi áp dụng, các đơn vị được chuyển ngay; đơn vị ngừng hoạt động vẫn mở đến ngày ${date}. Nếu muốn cây tổ chức giữ nguyên đến ngày đó, hãy áp dụng vào ngày hiệu lực.`,
          en: `The effective date ${date} is ${days} day(s) away. Applying moves the units at once; closing units stay open until ${date}. To keep the tree as it is until then, apply on the effective date.`,
        },
        org: { id: unit.id, name: unit.name },
        count: days,
      },
    ];
  }

  /** Role grants left on units that close: listed, not moved (who takes over is a person's decision). */
  async function grantWarnings(tx: Executor, p: Prepared): Promise<ReorgWarning[]> {
    const movingPaths = p.effects.moves.map((m) => p.units.get(m.id)!.path);
    const warnings: ReorgWarning[] = [];
    for (const id of p.effects.closes) {
      const path = p.units.get(id)!.path;
      for (const g of await reorganisationRepo.grantsClosing(tx, path, p.plan.effectiveDate, movingPaths.filter((l) => l.startsWith(path)))) {
        if (warnings.some((w) => w.org.id === g.orgId)) continue;
        warnings.push({
          code: 'GRANTS_ON_CLOSING_UNIT',
          message: {
            vi: `${g.n} vai trò được giao trên "${g.orgName}" sẽ nằm trên đơn vị ngừng hoạt động; hãy giao lại trên đơn vị mới nếu cần.`,
            en: `${g.n} role grant(s) on "${g.orgName}" will stay on a closed unit; grant them again on the new unit if needed.`,
          },
          org: { id: g.orgId, name: g.orgName },
          count: g.n,
        });
      }
    }
    return warnings;
  }

  async function previewImpacts(tx: Executor, date: string, transfers: ReorgTransfer[]): Promise<ReorgImpact[]> {
    const impacts: ReorgImpact[] = [];
    if (transfers.length) for (const participant of participants) impacts.push(...(await participant.preview(tx, date, transfers)));
    return impacts;
  }

  async function applyImpacts(tx: Tx, ctx: RequestContext, date: string, transfers: ReorgTransfer[]): Promise<ReorgImpact[]> {
    const impacts: ReorgImpact[] = [];
    if (transfers.length) for (const participant of participants) impacts.push(...(await participant.apply(tx, ctx, date, transfers)));
    return impacts;
  }

  /** Creates, moves and closes, each with its audit row; answers what each move and close reached. */
  async function write(tx: Executor, ctx: RequestContext, p: Prepared, extra: AuditExtra): Promise<Reach> {
    const places = new Map<string, OrgRow>(p.units);
    for (const c of p.effects.creates) {
      const parent = c.parentId === null ? null : places.get(c.parentId)!;
      places.set(c.id, await writeNewOrg(tx, ctx, { id: c.id, name: c.name, kindCode: c.kindCode, code: c.code, validFrom: p.plan.effectiveDate }, parent, extra));
    }
    const unitsMoved = new Map<string, number>();
    for (const m of p.effects.moves) {
      const moved = await writeMove(tx, ctx, p.units.get(m.id)!, places.get(m.toParentId)!, { newName: m.newName, extra });
      unitsMoved.set(m.id, moved.unitsMoved);
    }
    const unitsClosed = new Map<string, number>();
    for (const id of p.effects.closes) {
      const current = (await orgRepo.findById(tx, id))!;
      unitsClosed.set(id, (await writeClose(tx, ctx, current, p.plan.effectiveDate, extra)).unitsClosed);
    }
    return { unitsMoved, unitsClosed };
  }

  function outcomeOf(p: Prepared, reach: Reach, rest: { impacts: ReorgImpact[]; warnings: ReorgWarning[]; reorganisationId: string | null }): ReorgOutcome {
    const { plan, effects, units, actor } = p;
    const ref = (id: string): OrgRef => {
      const unit = units.get(id) ?? effects.creates.find((c) => c.id === id)!;
      return { id, name: unit.name };
    };
    const visibleRef = (id: string) => (can(actor, 'org.read', units.get(id)!.path) ? ref(id) : null);
    return {
      reorganisationId: rest.reorganisationId,
      kind: plan.kind,
      effectiveDate: plan.effectiveDate,
      decisionRef: plan.decisionRef ?? null,
      note: plan.note ?? null,
      created: effects.creates.map((c) => ({ id: c.id, key: c.key, name: c.name, kindCode: c.kindCode, code: c.code, parent: c.parentId ? ref(c.parentId) : null })),
      moved: effects.moves.map((m) => ({ unit: ref(m.id), from: visibleRef(m.fromParentId), to: ref(m.toParentId), newName: m.newName, unitsMoved: reach.unitsMoved.get(m.id) ?? 0 })),
      closed: effects.closes.map((id) => ({ unit: ref(id), unitsClosed: reach.unitsClosed.get(id) ?? 0 })),
      lineage: effects.lineage.map((l) => ({ predecessor: ref(l.predecessorId), successor: ref(l.successorId) })),
      transfers: effects.transfers,
      impacts: rest.impacts,
      warnings: rest.warnings,
    };
  }

  /** The reorganisation row, its lineage and its own audit row (filed under the main successor). */
  async function record(tx: Executor, p: Prepared) {
    const userId = p.actor.userId === SYSTEM_USER_ID ? null : p.actor.userId;
    return reorganisationRepo.insert(tx, {
      kind: p.plan.kind,
      effectiveDate: p.plan.effectiveDate,
      decisionRef: p.plan.decisionRef ?? null,
      note: p.plan.note ?? null,
      createdBy: userId,
    });
  }

  async function auditReorganisation(tx: Executor, ctx: RequestContext, p: Prepared, outcome: ReorgOutcome) {
    const main = (await orgRepo.findById(tx, p.effects.mainOrgId))!;
    await recordAudit(tx, ctx, {
      action: 'reorganise',
      entity: 'reorganisation',
      entityId: outcome.reorganisationId,
      orgId: main.id,
      rootId: main.rootId,
      after: {
        kind: outcome.kind,
        effectiveDate: outcome.effectiveDate,
        decisionRef: outcome.decisionRef,
        note: outcome.note,
        created: outcome.created.map((c) => c.id),
        moved: outcome.moved.length,
        closed: outcome.closed.map((c) => c.unit.id),
        lineage: p.effects.lineage,
        transfers: outcome.transfers,
        impacts: outcome.impacts,
      },
    });
  }

  function presentLineage(rows: LineageRow[], actor: Actor, orgId: string) {
    const day = todayInVietnam();
    const seen = new Set<string>();
    const visible = rows.filter((r) => {
      const key = `${r.id}/${r.reorganisationId}`;
      if (seen.has(key) || !can(actor, 'org.read', r.path)) return false;
      seen.add(key);
      return true;
    });
    const shown = new Set([orgId, ...visible.map((r) => r.id)]);
    return visible.map((r) => ({
      org: { id: r.id, name: r.name, kindCode: r.kindCode, validFrom: r.validFrom, validTo: r.validTo, closed: isClosed(r.validTo, day) },
      via: shown.has(r.via) ? r.via : null,
      depth: r.depth,
      effectiveDate: r.effectiveDate,
      reorganisation: { id: r.reorganisationId, kind: r.reorganisationKind, decisionRef: r.decisionRef },
    }));
  }

  const presentLinkEnd = (actor: Actor, o: LinkRow['predecessor']) =>
    can(actor, 'org.read', o.path) ? { id: o.id, name: o.name, kindCode: o.kindCode, validTo: o.validTo } : null;

  /** Links with the units the actor cannot see unnamed (null); links of which neither end is seen are left out. */
  const presentLinks = (actor: Actor, links: LinkRow[]) =>
    links.map((l) => ({ predecessor: presentLinkEnd(actor, l.predecessor), successor: presentLinkEnd(actor, l.successor) })).filter((l) => l.predecessor || l.successor);

  return {
    /** Adds a module that moves its records with the units that close; returns a function that removes it. */
    registerReorgParticipant(participant: ReorgParticipant): () => void {
      participants.push(participant);
      return () => {
        const i = participants.indexOf(participant);
        if (i >= 0) participants.splice(i, 1);
      };
    },

    /** What `applyReorganisation` would do, without writing anything. */
    async previewReorganisation(ctx: RequestContext, plan: ReorgPlan): Promise<ReorgOutcome> {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        const prepared = await prepare(tx, actor, plan);
        const reach = await measure(tx, prepared);
        const warnings = await warningsOf(tx, prepared);
        const impacts = await previewImpacts(tx, plan.effectiveDate, prepared.effects.transfers);
        return outcomeOf(prepared, reach, { impacts, warnings, reorganisationId: null });
      });
    },

    /** Applies a reorganisation in one transaction under the tree lock; every change is audited. */
    async applyReorganisation(ctx: RequestContext, plan: ReorgPlan): Promise<ReorgOutcome> {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await orgRepo.lockTree(tx);
        const prepared = await prepare(tx, actor, plan);
        const warnings = await warningsOf(tx, prepared);
        const reorganisation = await record(tx, prepared);
        const reach = await write(tx, ctx, prepared, { reorganisationId: reorganisation.id });
        await reorganisationRepo.insertLineage(
          tx,
          prepared.effects.lineage.map((l) => ({ reorganisationId: reorganisation.id, ...l, effectiveDate: plan.effectiveDate })),
        );
        const impacts = await applyImpacts(tx, ctx, plan.effectiveDate, prepared.effects.transfers);
        const outcome = outcomeOf(prepared, reach, { impacts, warnings, reorganisationId: reorganisation.id });
        await auditReorganisation(tx, ctx, prepared, outcome);
        return outcome;
      });
    },

    /** The units that became this one and those it became, transitively, as far as the actor sees. */
    async lineage(ctx: RequestContext, orgId: string) {
      const actor = requireActor(ctx);
      const unit = await orgRepo.findById(db, orgId);
      if (!unit) throw orgNotFound();
      authorize(actor, 'org.read', unit.path);
      const predecessors = await reorganisationRepo.walk(db, orgId, 'predecessors');
      const successors = await reorganisationRepo.walk(db, orgId, 'successors');
      return {
        org: { id: unit.id, name: unit.name },
        predecessors: presentLineage(predecessors, actor, orgId),
        successors: presentLineage(successors, actor, orgId),
      };
    },

    /** The unit and its transitive predecessors (see reorganisation.repo.ts), for reports. */
    rollupOrgIds,

    async listReorganisations(ctx: RequestContext, q: { orgId?: string; page: number; pageSize: number }) {
      const actor = requireActor(ctx);
      if (q.orgId) {
        const unit = await orgRepo.findById(db, q.orgId);
        if (!unit) throw orgNotFound();
        authorize(actor, 'org.read', unit.path);
      }
      const { items, total } = await reorganisationRepo.list(db, scopePaths(actor, 'org.read'), {
        orgId: q.orgId,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const links = items.length ? await reorganisationRepo.links(db, items.map((r) => r.id)) : [];
      const withLinks = items.map((r) => {
        const own = presentLinks(actor, links.filter((l) => l.reorganisationId === r.id));
        return { ...presentReorganisation(r), links: own.slice(0, LISTED_LINKS), moreLinks: Math.max(0, own.length - LISTED_LINKS) };
      });
      return { items: withLinks, total, page: q.page, pageSize: q.pageSize };
    },

    /** One reorganisation with its links; units the actor cannot see are left unnamed (null). */
    async getReorganisation(ctx: RequestContext, id: string) {
      const actor = requireActor(ctx);
      const row = await reorganisationRepo.findById(db, id);
      if (!row) throw reorganisationNotFound();
      const links = presentLinks(actor, await reorganisationRepo.links(db, [id]));
      if (links.length === 0) throw reorganisationNotFound();
      return { ...presentReorganisation(row), links };
    },
  };
}
