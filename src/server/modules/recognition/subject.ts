/**
 * The subject of a title case: who it is, its name and sort key, the organisation whose subtree the
 * case belongs to, the account of the person concerned, and the attributes prefilled from an
 * organisation's kind (criteria/subject-attributes.json). Person, household, clan and org rows are
 * read here (read-side join, as learningRecord.repo does).
 *
 * The case's organisation: a person's current unit (their leading, then latest, open membership), or
 * where they live when they work nowhere; a household's hamlet; a clan's commune; the organisation
 * itself for Cộng đồng học tập and Đơn vị học tập.
 */
import { sql } from 'drizzle-orm';
import subjectAttributes from '../../../../criteria/subject-attributes.json' with { type: 'json' };
import { TITLE_SUBJECT, type LearningTitle, type SubjectAttribute, type SubjectKind } from '../../../shared/criteria.js';
import type { Executor } from '../../db/index.js';
import { invalid } from '../../platform/errors.js';
import { org } from '../org/org.table.js';
import { clan, household, membership, person } from '../people/people.table.js';

export interface Subject {
  kind: SubjectKind;
  id: string;
  name: string;
  /** Null only for a person who works and lives nowhere recorded. */
  orgId: string;
  orgName: string;
  orgPath: string;
  /** The organisation's kind (org subjects). */
  orgKind: string | null;
  /** The person's account (a person; a household's or clan's head): who hears of the case. */
  userId: string | null;
  /** A person's recorded QĐ 677 citizen group. */
  citizenGroup: string | null;
}

/** Organisation kinds that are communities (Cộng đồng học tập); the others may be learning units. */
export const COMMUNITY_KINDS = ['hamlet', 'commune', 'ward', 'special_zone', 'district', 'province'];

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

const KIND_ATTRIBUTES = (subjectAttributes as { kinds: Record<string, { attributes: string[] }> }).kinds;

/** The attributes an organisation of this kind starts with (the evaluator may change them). */
export function attributesForKind(kindCode: string | null): SubjectAttribute[] {
  return (kindCode ? (KIND_ATTRIBUTES[kindCode]?.attributes ?? []) : []) as SubjectAttribute[];
}

/** Subjects by id, as of `day` (a person's unit that day). Missing ids are absent from the map. */
export async function loadSubjects(tx: Executor, kind: SubjectKind, ids: string[], day: string): Promise<Map<string, Subject>> {
  if (ids.length === 0) return new Map();
  const idList = sql.param(ids);
  let rows: Subject[];
  if (kind === 'person') {
    rows = rowsOf<Subject>(
      await tx.execute(sql`
        select 'person' as kind, p.id, p.full_name as name, o.id as "orgId", o.name as "orgName", o.path as "orgPath", null as "orgKind",
               p.user_id as "userId", p.citizen_group as "citizenGroup"
        from ${person} p
        left join lateral (
          select m.org_id from ${membership} m
          where m.person_id = p.id and (m.valid_from is null or m.valid_from <= ${day}) and (m.valid_to is null or m.valid_to > ${day})
          order by m.is_leader desc, m.valid_from desc nulls last limit 1
        ) mem on true
        left join ${org} o on o.id = coalesce(mem.org_id, p.residence_org_id)
        where p.id = any(${idList}::uuid[])`),
    );
  } else if (kind === 'household') {
    rows = rowsOf<Subject>(
      await tx.execute(sql`
        select 'household' as kind, h.id, 'Hộ ' || coalesce(hp.full_name, h.code) || ' (' || h.code || ')' as name,
               o.id as "orgId", o.name as "orgName", o.path as "orgPath", null as "orgKind", hp.user_id as "userId", null as "citizenGroup"
        from ${household} h join ${org} o on o.id = h.org_id left join ${person} hp on hp.id = h.head_person_id
        where h.id = any(${idList}::uuid[])`),
    );
  } else if (kind === 'clan') {
    rows = rowsOf<Subject>(
      await tx.execute(sql`
        select 'clan' as kind, c.id, c.name, o.id as "orgId", o.name as "orgName", o.path as "orgPath", null as "orgKind",
               hp.user_id as "userId", null as "citizenGroup"
        from ${clan} c join ${org} o on o.id = c.org_id left join ${person} hp on hp.id = c.head_person_id
        where c.id = any(${idList}::uuid[])`),
    );
  } else {
    rows = rowsOf<Subject>(
      await tx.execute(sql`
        select 'org' as kind, o.id, o.name, o.id as "orgId", o.name as "orgName", o.path as "orgPath", o.kind_code as "orgKind",
               null as "userId", null as "citizenGroup"
        from ${org} o where o.id = any(${idList}::uuid[])`),
    );
  }
  return new Map(rows.map((r) => [r.id, r]));
}

/** The title must suit the subject: its kind (TITLE_SUBJECT), and for organisations their kind. */
export function checkTitleFits(title: LearningTitle, kind: SubjectKind, subject?: Subject): void {
  if (TITLE_SUBJECT[title] !== kind) {
    throw invalid('subjectKind', `Danh hiệu này dành cho đối tượng khác (${TITLE_SUBJECT[title]}).`, `This title is for another kind of subject (${TITLE_SUBJECT[title]}).`);
  }
  if (subject?.kind !== 'org') return;
  const community = COMMUNITY_KINDS.includes(subject.orgKind ?? '');
  if (title === 'LEARNING_COMMUNITY' && !community) {
    throw invalid('subjectId', `${subject.name} không phải thôn, ấp hoặc xã, phường: không đăng ký Cộng đồng học tập.`, `${subject.name} is not a hamlet or commune: it cannot register as a learning community.`);
  }
  if (title === 'LEARNING_UNIT' && community) {
    throw invalid('subjectId', `${subject.name} là cộng đồng dân cư: đăng ký Cộng đồng học tập, không phải Đơn vị học tập.`, `${subject.name} is a community: register it as a learning community, not a learning unit.`);
  }
}

/** Attributes to prefill an assessment with. */
export const prefillAttributes = (s: Subject): SubjectAttribute[] => (s.kind === 'org' ? attributesForKind(s.orgKind) : []);
