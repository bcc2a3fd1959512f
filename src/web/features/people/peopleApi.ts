import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import type { CappedPage, Job, MembershipFields, PeopleQuery, PersonDetail, PersonFields, PersonListItem } from '../../app/types';

export type PeopleKind = PeopleQuery['kind'];
export type PeopleSort = NonNullable<PeopleQuery['sort']>;

/** The list query of GET /people (without paging). */
export type PeopleFilter = Omit<PeopleQuery, 'page' | 'pageSize'>;

/** The fields of a person as POST and PATCH /people take them. */
export type PersonBody = Partial<PersonFields>;
export type MembershipBody = MembershipFields;

export interface BulkBody {
  action: 'move' | 'end';
  membershipIds: string[];
  targetOrgId?: string;
  date: string;
}

export const peopleKeys = {
  all: ['people'] as const,
  list: (filter: PeopleFilter, page: number, pageSize: number) => ['people', 'list', filter, page, pageSize] as const,
  positions: (orgId: string | undefined) => ['people', 'positions', orgId ?? 'all'] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
};

const personPath = (id: string) => `/people/${encodeURIComponent(id)}`;

export function usePeople(filter: PeopleFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: peopleKeys.list(filter, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<CappedPage<PersonListItem>>(`/people${query({ ...filter, page, pageSize })}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePositions(orgId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.positions(orgId),
    queryFn: ({ signal }) => api.get<{ items: string[] }>(`/people/positions${query({ orgId })}`, signal),
    select: (data) => data.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<PersonDetail>(personPath(id ?? ''), signal),
    enabled: !!id,
  });
}

/** A change to a person refreshes the lists and the person (households too: members change). */
function usePeopleMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['households'] }),
      ]),
  });
}

export const useCreatePerson = () =>
  usePeopleMutation((body: PersonBody & { fullName: string; membership?: MembershipBody }) =>
    api.post<PersonDetail>('/people', body),
  );

export const useUpdatePerson = () =>
  usePeopleMutation(({ id, body }: { id: string; body: PersonBody }) => api.patch<PersonDetail>(personPath(id), body));

export const useAddMembership = () =>
  usePeopleMutation(({ personId, body }: { personId: string; body: MembershipBody }) =>
    api.post<PersonDetail>(`${personPath(personId)}/memberships`, body),
  );

export const useUpdateMembership = () =>
  usePeopleMutation(({ id, body }: { id: string; body: Partial<Omit<MembershipBody, 'orgId'>> }) =>
    api.patch<PersonDetail>(`/memberships/${encodeURIComponent(id)}`, body),
  );

/** Moves or ends many memberships at once; answers the job that does it. */
export const useBulkPeople = () => useMutation({ mutationFn: (body: BulkBody) => api.post<Pick<Job, 'id'>>('/people/bulk', body) });
