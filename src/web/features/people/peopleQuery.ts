import { AGE_BANDS, CITIZEN_GROUPS, SEXES, STAFF_CATEGORIES } from '../../../shared/people';
import { intParam, useQueryParams } from '../../components/useQueryParams';
import type { PeopleFilter, PeopleKind, PeopleSort } from './peopleApi';

/** The query keys of /people: the list's filters, sort and page, and the tab. */
export const PEOPLE_QUERY_KEYS = [
  'tab',
  'orgId',
  'q',
  'sex',
  'ageBand',
  'citizenGroup',
  'category',
  'position',
  'isLeader',
  'ethnicity',
  'sort',
  'page',
  'pageSize',
] as const;

/** Filters that only one tab has. */
export const STAFF_ONLY = ['category', 'position', 'isLeader'] as const;
export const RESIDENT_ONLY = ['ethnicity'] as const;

const SORTS: readonly PeopleSort[] = ['name', '-name', 'birthDate', '-birthDate'];
const oneOf = <T extends string>(codes: object, value: string | undefined): T | undefined =>
  value !== undefined && Object.prototype.hasOwnProperty.call(codes, value) ? (value as T) : undefined;

/** The people list's state, read from and written to the URL. */
export function usePeopleQuery() {
  const [values, set] = useQueryParams(PEOPLE_QUERY_KEYS);
  const kind: PeopleKind = values.tab === 'resident' ? 'resident' : 'staff';
  const staff = kind === 'staff';
  const filter: PeopleFilter = {
    kind,
    orgId: values.orgId,
    q: values.q,
    sex: oneOf(SEXES, values.sex),
    ageBand: oneOf(AGE_BANDS, values.ageBand),
    citizenGroup: oneOf(CITIZEN_GROUPS, values.citizenGroup),
    category: staff ? oneOf(STAFF_CATEGORIES, values.category) : undefined,
    position: staff ? values.position : undefined,
    isLeader: staff && values.isLeader === 'true' ? true : undefined,
    ethnicity: staff ? undefined : values.ethnicity,
    sort: SORTS.includes(values.sort as PeopleSort) ? (values.sort as PeopleSort) : undefined,
  };
  const paging = { page: intParam(values.page, 1), pageSize: intParam(values.pageSize, 20) };
  return { filter, paging, set };
}

export type PeopleQueryState = ReturnType<typeof usePeopleQuery>;
