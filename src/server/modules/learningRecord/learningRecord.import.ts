/**
 * The learning-record side of the Excel import of an attendance list (danh sách học viên): who each
 * row is among the members currently working in the import's unit, found a batch of rows at a time.
 * Membership, person and org are read here (read-side join, as learningRecord.repo does).
 */
import { and, gt, isNull, like, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/index.js';
import type { ImportTraining } from '../../../shared/api-types.js';
import { formatDate, searchKey } from '../../../shared/vn-text.js';
import { placeNameKeys } from '../../platform/excel/cell-values.js';
import { todayInVietnam } from '../../platform/time.js';
import type { AttendanceRecord, ParsedRow, RowIssue } from '../dataImport/rows.js';
import { org } from '../org/org.table.js';
import { membership, person } from '../people/people.table.js';
import { learningRecord } from './learningRecord.table.js';

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** A member currently working in the subtree (one row per person: their leading, then latest, membership). */
interface Member {
  personId: string;
  fullName: string;
  nameSearch: string;
  birthDate: string | null;
  citizenId: string | null;
  orgId: string;
  orgName: string;
  orgPath: string;
}

/** Members of a subtree on a day whose CCCD or mark-free name is among those given: one query. */
async function membersMatching(tx: Executor, path: string, day: string, citizenIds: string[], nameKeys: string[]): Promise<Member[]> {
  if (citizenIds.length === 0 && nameKeys.length === 0) return [];
  const rows = await tx.execute(sql`
    select distinct on (m.person_id) m.person_id as "personId", p.full_name as "fullName", p.name_search as "nameSearch",
      p.birth_date::text as "birthDate", p.citizen_id as "citizenId", m.org_id as "orgId", o.name as "orgName", o.path as "orgPath"
    from ${membership} m join ${org} o on o.id = m.org_id join ${person} p on p.id = m.person_id
    where (p.citizen_id = any(${sql.param(citizenIds)}::text[]) or p.name_search = any(${sql.param(nameKeys)}::text[]))
      and o.path like ${path + '%'}
      and (m.valid_from is null or m.valid_from <= ${day}) and (m.valid_to is null or m.valid_to > ${day})
    order by m.person_id, m.is_leader desc, m.valid_from desc nulls last`);
  return rowsOf<Member>(rows);
}

/** Of these people, who already has a record of this training (same kind, end date and title). */
async function alreadyRecorded(tx: Executor, training: ImportTraining, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await tx.execute(sql`
    select lr.person_id as "personId", lr.title from ${learningRecord} lr
    where lr.person_id = any(${sql.param(personIds)}::uuid[]) and lr.kind = ${training.kind} and lr.ends_on = ${training.endsOn}`);
  const title = titleKey(training.title);
  return new Set(
    rowsOf<{ personId: string; title: string }>(rows)
      .filter((r) => titleKey(r.title) === title)
      .map((r) => r.personId),
  );
}

const titleKey = (s: string) => searchKey(s).replace(/\s+/g, ' ').trim();


const error = (code: string, vi: string, en: string, column?: { letter: string; header: string | null; raw: string }): RowIssue => ({
  column: column?.letter ?? null,
  header: column?.header ?? null,
  value: column?.raw || null,
  severity: 'error',
  code,
  message: { vi, en },
});
const warning = (code: string, vi: string, en: string, column?: { letter: string; header: string | null; raw: string }): RowIssue => ({
  ...error(code, vi, en, column),
  severity: 'warning',
});

/** A birth date of the file ('yyyy-mm-dd', or 'yyyy' for a year alone) against a recorded one. */
const sameBirth = (written: string, recorded: string | null) => recorded !== null && (written.length === 4 ? recorded.startsWith(written) : recorded === written);
const shownBirth = (written: string) => (written.length === 4 ? written : formatDate(written));

/**
 * Resolves the rows of one attendance import, in the subtree of `target`: each row must be exactly
 * one current member — by CCCD when the row has one (else, when nobody has that CCCD, a member of
 * that name, and birth date if given, whose CCCD is not recorded), otherwise by mark-free name and
 * date (or year) of birth, otherwise by name alone when only one member has it. A member listed twice
 * is an error on the later row; one who already has this training's record is skipped.
 */
export async function createAttendanceResolver(db: Executor, target: { id: string; name: string; path: string }, training: ImportTraining) {
  const day = todayInVietnam();
  const units = await db
    .select({ id: org.id, name: org.name, path: org.path })
    .from(org)
    .where(and(like(org.path, `${target.path}%`), or(isNull(org.validTo), gt(org.validTo, day))));
  const unitsByKey = new Map<string, { id: string; path: string }[]>();
  for (const u of units) for (const k of placeNameKeys(u.name)) unitsByKey.set(k, [...(unitsByKey.get(k) ?? []), u]);
  const where = target.name;

  function pick(row: ParsedRow, r: AttendanceRecord, byCid: Map<string, Member>, byName: Map<string, Member[]>): Member | null {
    const key = searchKey(r.fullName);
    const namesakes = byName.get(key) ?? [];
    const name = r.fullName;
    if (r.citizenId) {
      const found = byCid.get(r.citizenId);
      if (found) {
        if (searchKey(found.fullName) !== key) {
          row.issues.push(warning('NAME_DIFFERS', `Số CCCD ${r.citizenId} là của "${found.fullName}"; họ tên trong tệp là "${name}"`, `Citizen ID ${r.citizenId} belongs to "${found.fullName}"; the file says "${name}"`, row.columns.fullName));
        }
        return found;
      }
      // The member may be recorded without a CCCD: the same name (and birth date) is then enough.
      const unrecorded = namesakes.filter((m) => m.citizenId === null && (!r.birthDate || sameBirth(r.birthDate, m.birthDate)));
      if (unrecorded.length === 1 && namesakes.length === 1) {
        row.issues.push(warning('MATCHED_BY_NAME_NO_CITIZEN_ID', `Hồ sơ của ${unrecorded[0].fullName} (${unrecorded[0].orgName}) chưa có số CCCD: đã nhận theo họ tên${r.birthDate ? ' và ngày sinh' : ''}`, `${unrecorded[0].fullName} (${unrecorded[0].orgName}) has no citizen ID recorded: matched by name${r.birthDate ? ' and date of birth' : ''}`, row.columns.citizenId));
        return unrecorded[0];
      }
      row.issues.push(error('MEMBER_NOT_FOUND', `Không tìm thấy cán bộ có số CCCD ${r.citizenId} ("${name}") đang công tác trong ${where}`, `No member with citizen ID ${r.citizenId} ("${name}") currently works in ${where}`, row.columns.citizenId));
      return null;
    }
    if (r.birthDate) {
      const born = namesakes.filter((m) => sameBirth(r.birthDate!, m.birthDate));
      if (born.length === 1) return born[0];
      if (born.length > 1) {
        row.issues.push(error('AMBIGUOUS_MEMBER', `Có ${born.length} người cùng tên "${name}" và cùng ngày sinh ${shownBirth(r.birthDate)} trong ${where}; hãy ghi số CCCD`, `${born.length} members named "${name}" and born ${shownBirth(r.birthDate)} work in ${where}; give the citizen ID`, row.columns.fullName));
        return null;
      }
      // Recorded without a birth date and the only one of that name: the name is enough.
      if (namesakes.length === 1 && namesakes[0].birthDate === null) {
        row.issues.push(warning('MATCHED_BY_NAME', `Hồ sơ của ${namesakes[0].fullName} (${namesakes[0].orgName}) chưa có ngày sinh: đã nhận theo họ tên (người duy nhất có tên này trong ${where})`, `${namesakes[0].fullName} (${namesakes[0].orgName}) has no date of birth recorded: matched by name (the only member of that name in ${where})`, row.columns.fullName));
        return namesakes[0];
      }
      const hint = namesakes.length ? { vi: ` (có ${namesakes.length} người cùng tên nhưng ngày sinh khác)`, en: ` (${namesakes.length} of that name, born on another day)` } : { vi: '', en: '' };
      row.issues.push(error('MEMBER_NOT_FOUND', `Không tìm thấy cán bộ "${name}" sinh ${shownBirth(r.birthDate)} đang công tác trong ${where}${hint.vi}`, `No member "${name}" born ${shownBirth(r.birthDate)} currently works in ${where}${hint.en}`, row.columns.fullName));
      return null;
    }
    if (namesakes.length === 1) {
      row.issues.push(warning('MATCHED_BY_NAME', `Chỉ có họ tên: đã nhận là ${namesakes[0].fullName} (${namesakes[0].orgName}), người duy nhất có tên này trong ${where}`, `Name only: taken as ${namesakes[0].fullName} (${namesakes[0].orgName}), the only member of that name in ${where}`, row.columns.fullName));
      return namesakes[0];
    }
    if (namesakes.length > 1) {
      row.issues.push(error('AMBIGUOUS_MEMBER', `Có ${namesakes.length} người cùng tên "${name}" trong ${where}; hãy ghi ngày sinh hoặc số CCCD`, `${namesakes.length} members named "${name}" work in ${where}; give the date of birth or the citizen ID`, row.columns.fullName));
      return null;
    }
    row.issues.push(error('MEMBER_NOT_FOUND', `Không tìm thấy cán bộ "${name}" đang công tác trong ${where}`, `No member named "${name}" currently works in ${where}`, row.columns.fullName));
    return null;
  }

  /** A unit written in the row that is another unit of the subtree than the member's: worth a look. */
  function checkUnit(row: ParsedRow, r: AttendanceRecord, m: Member) {
    if (!r.unit) return;
    const named = placeNameKeys(r.unit)
      .map((k) => unitsByKey.get(k))
      .find((list) => list && list.length);
    if (named && !named.some((u) => m.orgPath.startsWith(u.path))) {
      row.issues.push(warning('UNIT_DIFFERS', `${m.fullName} đang công tác tại ${m.orgName}, không phải "${r.unit}"`, `${m.fullName} works in ${m.orgName}, not "${r.unit}"`, row.columns.unit));
    }
  }

  return {
    /** Resolves a batch of rows in file order: one query for the members, one for records already there. */
    async resolve(rows: ParsedRow[], seen: Map<string, number>) {
      const readable = rows.filter((row) => !row.issues.some((i) => i.severity === 'error'));
      const records = readable.map((row) => row.record as AttendanceRecord);
      const members = await membersMatching(
        db,
        target.path,
        day,
        [...new Set(records.flatMap((r) => (r.citizenId ? [r.citizenId] : [])))],
        [...new Set(records.map((r) => searchKey(r.fullName)))],
      );
      const byCid = new Map(members.flatMap((m) => (m.citizenId ? [[m.citizenId, m] as const] : [])));
      const byName = new Map<string, Member[]>();
      for (const m of members) byName.set(m.nameSearch, [...(byName.get(m.nameSearch) ?? []), m]);

      const matched: { row: ParsedRow; r: AttendanceRecord }[] = [];
      for (const row of readable) {
        const r = row.record as AttendanceRecord;
        const m = pick(row, r, byCid, byName);
        if (!m) continue;
        const first = seen.get(m.personId);
        if (first !== undefined) {
          row.issues.push(error('DUPLICATE_IN_FILE', `${m.fullName} đã có ở dòng ${first} của tệp`, `${m.fullName} is already listed on row ${first} of the file`, row.columns.citizenId && r.citizenId ? row.columns.citizenId : row.columns.fullName));
          continue;
        }
        seen.set(m.personId, row.rowNumber);
        checkUnit(row, r, m);
        r.personId = m.personId;
        r.orgId = m.orgId;
        row.display.fullName = m.fullName;
        row.display.unit = m.orgName;
        matched.push({ row, r });
      }
      const recorded = await alreadyRecorded(db, training, matched.filter((x) => !x.r.skip).map((x) => x.r.personId!));
      for (const { row, r } of matched) {
        if (recorded.has(r.personId!)) {
          r.skip = true;
          row.issues.push(warning('ALREADY_RECORDED', `${row.display.fullName} đã có hồ sơ của khóa này: bỏ qua`, `${row.display.fullName} already has a record of this training: skipped`));
        } else if (!r.skip && r.hours === null && (training.hours ?? null) === null) {
          row.issues.push(warning('NO_HOURS', 'Không có số giờ (trong tệp và của khóa học): hồ sơ ghi không có số giờ', 'No hours (in the file or for the training): the record has none', row.columns.hours));
        }
        // The preview shows the hours the record will have.
        if (!r.skip) row.display.hours = r.hours !== null ? String(r.hours) : training.hours != null ? String(training.hours) : null;
      }
      for (const row of rows) {
        const r = row.record as AttendanceRecord;
        row.action = row.issues.some((i) => i.severity === 'error') || !r.personId ? 'error' : r.skip ? 'skip' : 'create';
      }
    },
  };
}

export type AttendanceResolver = Awaited<ReturnType<typeof createAttendanceResolver>>;
