/**
 * The recognition side of the Excel import of a registration list (danh sách đăng ký danh hiệu): who
 * each row is — a person, household, clan or unit of the import's subtree — found a batch of rows at
 * a time, and whether it is already registered for the title and year. Person, household, clan and
 * org rows are read here (read-side join, as subject.ts does).
 */
import { sql } from 'drizzle-orm';
import { CITIZEN_GROUPS, type CitizenGroup } from '../../../shared/people.js';
import { LEARNING_TITLES, TITLE_NAMES, TITLE_SUBJECT, type LearningTitle, type SubjectKind } from '../../../shared/criteria.js';
import type { ImportRegistration } from '../../../shared/api-types.js';
import { formatDate, searchKey } from '../../../shared/vn-text.js';
import type { Executor } from '../../db/index.js';
import { invalid } from '../../platform/errors.js';
import { placeNameKeys } from '../../platform/excel/cell-values.js';
import type { ParsedRow, RegistrationImportRecord, RowIssue } from '../dataImport/rows.js';
import { org } from '../org/org.table.js';
import { clan, household, membership, person } from '../people/people.table.js';
import { recognitionRepo } from './recognition.repo.js';
import { COMMUNITY_KINDS } from './subject.js';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** The checked settings of a registration list. */
export interface RegistrationSettings {
  title: LearningTitle;
  year: number;
  citizenGroup: CitizenGroup | null;
}

/** Checks the title, year and citizen group entered in the wizard, naming the field that is wrong. */
export function checkRegistrationSettings(sent: ImportRegistration | undefined): RegistrationSettings {
  const title = sent?.title as LearningTitle;
  if (!LEARNING_TITLES.includes(title)) throw invalid('registration.title', 'Hãy chọn danh hiệu đăng ký.', 'Choose the title to register for.');
  const year = sent?.year ?? 0;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw invalid('registration.year', 'Năm đăng ký phải từ 2000 đến 2100.', 'The year must be between 2000 and 2100.');
  const group = sent?.citizenGroup ?? null;
  if (group !== null && (title !== 'LEARNING_CITIZEN' || !(group in CITIZEN_GROUPS))) {
    throw invalid('registration.citizenGroup', 'Nhóm công dân chỉ chọn cho danh hiệu Công dân học tập, trong bốn nhóm của QĐ 677.', 'A citizen group is chosen only for Learning citizen, one of the four groups of QĐ 677.');
  }
  return { title, year, citizenGroup: group as CitizenGroup | null };
}

/** A subject of the subtree that a row may name. */
interface Candidate {
  id: string;
  /** How the subject is shown (a household: "Hộ <head> (<code>)"). */
  name: string;
  /** The mark-free keys a row's name may give for it. */
  keys: string[];
  birthDate: string | null;
  citizenId: string | null;
  code: string | null;
  placeName: string;
  orgKind: string | null;
}

interface Wanted {
  citizenIds: string[];
  nameKeys: string[];
  codes: string[];
}

/**
 * Subjects of the subtree that the batch may name. A person belongs where their case would: their
 * current unit, else where they live (subject.ts); a household to its hamlet; a clan to its commune.
 */
async function candidates(db: Executor, kind: SubjectKind, path: string, day: string, w: Wanted): Promise<Candidate[]> {
  const inTree = path + '%';
  if (kind === 'person') {
    if (!w.citizenIds.length && !w.nameKeys.length) return [];
    const rows = rowsOf<Omit<Candidate, 'keys'> & { nameKey: string }>(
      await db.execute(sql`
        select p.id, p.full_name as name, p.name_search as "nameKey", p.birth_date::text as "birthDate", p.citizen_id as "citizenId",
               null as code, o.name as "placeName", null as "orgKind"
        from ${person} p
        left join lateral (
          select m.org_id from ${membership} m
          where m.person_id = p.id and (m.valid_from is null or m.valid_from <= ${day}) and (m.valid_to is null or m.valid_to > ${day})
          order by m.is_leader desc, m.valid_from desc nulls last limit 1
        ) mem on true
        join ${org} o on o.id = coalesce(mem.org_id, p.residence_org_id)
        where (p.citizen_id = any(${sql.param(w.citizenIds)}::text[]) or p.name_search = any(${sql.param(w.nameKeys)}::text[]))
          and o.path like ${inTree}`),
    );
    return rows.map(({ nameKey, ...r }) => ({ ...r, keys: [nameKey] }));
  }
  if (kind === 'household') {
    const rows = rowsOf<Omit<Candidate, 'keys'> & { nameKey: string | null }>(
      await db.execute(sql`
        select h.id, 'Hộ ' || coalesce(hp.full_name, h.code) || ' (' || h.code || ')' as name, hp.name_search as "nameKey",
               hp.birth_date::text as "birthDate", hp.citizen_id as "citizenId", h.code, o.name as "placeName", null as "orgKind"
        from ${household} h join ${org} o on o.id = h.org_id left join ${person} hp on hp.id = h.head_person_id
        where o.path like ${inTree}
          and (h.code = any(${sql.param(w.codes)}::text[]) or hp.name_search = any(${sql.param(w.nameKeys)}::text[])
               or hp.citizen_id = any(${sql.param(w.citizenIds)}::text[]))`),
    );
    return rows.map(({ nameKey, ...r }) => ({ ...r, keys: nameKey ? [nameKey] : [] }));
  }
  if (kind === 'clan') {
    const rows = rowsOf<Omit<Candidate, 'keys'>>(
      await db.execute(sql`
        select c.id, c.name, null as "birthDate", null as "citizenId", null as code, o.name as "placeName", null as "orgKind"
        from ${clan} c join ${org} o on o.id = c.org_id where o.path like ${inTree}`),
    );
    return rows.map((r) => ({ ...r, keys: placeNameKeys(r.name) }));
  }
  const rows = rowsOf<Omit<Candidate, 'keys'>>(
    await db.execute(sql`
      select o.id, o.name, null as "birthDate", null as "citizenId", o.code, coalesce(parent.name, '') as "placeName", o.kind_code as "orgKind"
      from ${org} o left join ${org} parent on parent.id = o.parent_id
      where o.path like ${inTree} and (o.valid_to is null or o.valid_to > ${day})`),
  );
  return rows.map((r) => ({ ...r, keys: placeNameKeys(r.name) }));
}

type Column = { letter: string; header: string | null; raw: string } | undefined;

const issue = (severity: 'error' | 'warning', code: string, vi: string, en: string, column?: Column): RowIssue => ({
  column: column?.letter ?? null,
  header: column?.header ?? null,
  value: column?.raw || null,
  severity,
  code,
  message: { vi, en },
});

/** A birth date of the file ('yyyy-mm-dd', or 'yyyy' for a year alone) against a recorded one. */
const sameBirth = (written: string, recorded: string | null) => recorded !== null && (written.length === 4 ? recorded.startsWith(written) : recorded === written);
const shownBirth = (written: string) => (written.length === 4 ? written : formatDate(written));

/** What each kind of subject is called in messages. */
const KIND_WORD: Record<SubjectKind, { vi: string; en: string }> = {
  person: { vi: 'người', en: 'person' },
  household: { vi: 'hộ', en: 'household' },
  clan: { vi: 'dòng họ', en: 'clan' },
  org: { vi: 'đơn vị', en: 'unit' },
};

/**
 * Resolves the rows of one registration import in the subtree of `target`: each row must name
 * exactly one subject of the title's kind — a person by CCCD, else name and date (or year) of
 * birth, else a name no one else has; a household by its code, its head's CCCD or its head's name;
 * a clan or unit by its name — narrowed by the unit or hamlet written in the row. A subject listed
 * twice is an error on the later row; one already registered for the title and year is skipped.
 */
export async function createRegistrationResolver(db: Executor, target: { name: string; path: string }, settings: RegistrationSettings, day: string) {
  const kind = TITLE_SUBJECT[settings.title];
  const where = target.name;
  const word = KIND_WORD[kind];
  // Clans and units of the subtree are few: read once.
  const whole = kind === 'clan' || kind === 'org' ? await candidates(db, kind, target.path, day, { citizenIds: [], nameKeys: [], codes: [] }) : null;

  function narrowByPlace(row: ParsedRow, r: RegistrationImportRecord, list: Candidate[]): Candidate[] {
    if (!r.place || list.length === 0) return list;
    const keys = placeNameKeys(r.place);
    const there = list.filter((c) => placeNameKeys(c.placeName).some((k) => keys.includes(k)));
    if (there.length) return there;
    if (list.length === 1) {
      row.issues.push(issue('warning', 'PLACE_DIFFERS', `${list[0].name} thuộc ${list[0].placeName}, không phải "${r.place}"`, `${list[0].name} belongs to ${list[0].placeName}, not "${r.place}"`, row.columns.place));
    }
    return list;
  }

  function pick(row: ParsedRow, r: RegistrationImportRecord, all: Candidate[]): Candidate | null {
    const name = r.name;
    if (r.citizenId && kind !== 'clan' && kind !== 'org') {
      const found = all.find((c) => c.citizenId === r.citizenId);
      if (found) return found;
      row.issues.push(issue('error', 'SUBJECT_NOT_FOUND', `Không tìm thấy ${kind === 'household' ? 'hộ có chủ hộ mang' : 'người có'} số CCCD ${r.citizenId} ("${name}") trong ${where}`, `No ${kind === 'household' ? 'household whose head has' : 'person with'} citizen ID ${r.citizenId} ("${name}") in ${where}`, row.columns.citizenId));
      return null;
    }
    let list: Candidate[];
    let column = row.columns.name;
    if (kind === 'household' && r.householdCode) {
      list = all.filter((c) => c.code === r.householdCode);
      column = row.columns.householdCode;
    } else {
      const keys = kind === 'person' || kind === 'household' ? [searchKey(name)] : placeNameKeys(name);
      list = all.filter((c) => c.keys.some((k) => keys.includes(k)));
    }
    list = narrowByPlace(row, r, list);
    if (kind === 'person' && r.birthDate) {
      const born = list.filter((c) => sameBirth(r.birthDate!, c.birthDate));
      if (!born.length) {
        row.issues.push(issue('error', 'SUBJECT_NOT_FOUND', `Không tìm thấy "${name}" sinh ${shownBirth(r.birthDate)} trong ${where}${list.length ? ` (có ${list.length} người cùng tên, ngày sinh khác)` : ''}`, `No "${name}" born ${shownBirth(r.birthDate)} in ${where}${list.length ? ` (${list.length} of that name, born on another day)` : ''}`, row.columns.birthDate ?? column));
        return null;
      }
      list = born;
    }
    if (list.length === 1) return list[0];
    if (list.length > 1) {
      const hint = kind === 'person' ? { vi: 'hãy ghi ngày sinh hoặc số CCCD', en: 'give the date of birth or the citizen ID' } : kind === 'household' ? { vi: 'hãy ghi mã hộ và thôn, ấp', en: 'give the household code and hamlet' } : { vi: 'hãy ghi thêm nơi (đơn vị, xã)', en: 'give the place (unit, commune) too' };
      row.issues.push(issue('error', 'AMBIGUOUS_SUBJECT', `Có ${list.length} ${word.vi} khớp với "${r.householdCode ?? name}" trong ${where}: ${list.slice(0, 3).map((c) => `${c.name} (${c.placeName})`).join('; ')}; ${hint.vi}`, `${list.length} ${word.en}s match "${r.householdCode ?? name}" in ${where}: ${list.slice(0, 3).map((c) => `${c.name} (${c.placeName})`).join('; ')}; ${hint.en}`, column));
      return null;
    }
    row.issues.push(issue('error', 'SUBJECT_NOT_FOUND', `Không tìm thấy ${word.vi} "${r.householdCode ?? name}" trong ${where}`, `No ${word.en} "${r.householdCode ?? name}" in ${where}`, column));
    return null;
  }

  /** A unit registering for the wrong one of the two organisation titles. */
  function fitsTitle(row: ParsedRow, c: Candidate): boolean {
    if (kind !== 'org') return true;
    const community = COMMUNITY_KINDS.includes(c.orgKind ?? '');
    if (community === (settings.title === 'LEARNING_COMMUNITY')) return true;
    const [vi, en] = community
      ? [`${c.name} là cộng đồng dân cư: đăng ký Cộng đồng học tập, không phải ${TITLE_NAMES[settings.title].vi}`, `${c.name} is a community: it registers as a learning community, not ${TITLE_NAMES[settings.title].en}`]
      : [`${c.name} không phải thôn, ấp hoặc xã, phường: không đăng ký Cộng đồng học tập`, `${c.name} is not a hamlet or commune: it cannot register as a learning community`];
    row.issues.push(issue('error', 'TITLE_DOES_NOT_FIT', vi, en, row.columns.name));
    return false;
  }

  return {
    /** Resolves a batch of rows in file order: one query for the subjects, one for registrations already there. */
    async resolve(rows: ParsedRow[], seen: Map<string, number>) {
      const readable = rows.filter((row) => !row.issues.some((i) => i.severity === 'error'));
      const records = readable.map((row) => row.record as RegistrationImportRecord);
      const all =
        whole ??
        (await candidates(db, kind, target.path, day, {
          citizenIds: [...new Set(records.flatMap((r) => (r.citizenId ? [r.citizenId] : [])))],
          nameKeys: [...new Set(records.map((r) => searchKey(r.name)))],
          codes: [...new Set(records.flatMap((r) => (r.householdCode ? [r.householdCode] : [])))],
        }));
      const matched: { row: ParsedRow; r: RegistrationImportRecord }[] = [];
      for (const row of readable) {
        const r = row.record as RegistrationImportRecord;
        const c = pick(row, r, all);
        if (!c || !fitsTitle(row, c)) continue;
        const first = seen.get(c.id);
        if (first !== undefined) {
          row.issues.push(issue('error', 'DUPLICATE_IN_FILE', `${c.name} đã có ở dòng ${first} của tệp`, `${c.name} is already listed on row ${first} of the file`, row.columns.name));
          continue;
        }
        seen.set(c.id, row.rowNumber);
        r.subjectId = c.id;
        row.display.name = c.name;
        row.display.place = c.placeName;
        matched.push({ row, r });
      }
      const already = await recognitionRepo.alreadyRegistered(db, settings.title, settings.year, kind, matched.map((m) => m.r.subjectId!));
      for (const { row, r } of matched) {
        if (!already.has(r.subjectId!)) continue;
        r.skip = true;
        row.issues.push(issue('warning', 'ALREADY_REGISTERED', `${row.display.name} đã đăng ký ${TITLE_NAMES[settings.title].vi} năm ${settings.year}: bỏ qua`, `${row.display.name} is already registered for ${TITLE_NAMES[settings.title].en} ${settings.year}: skipped`));
      }
      for (const row of rows) {
        const r = row.record as RegistrationImportRecord;
        row.action = row.issues.some((i) => i.severity === 'error') || !r.subjectId ? 'error' : r.skip ? 'skip' : 'create';
      }
    },
  };
}
