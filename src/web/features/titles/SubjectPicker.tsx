import { useState } from 'react';
import { Button, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { SubjectKind } from '../../../shared/criteria';
import { formatDate } from '../../../shared/vn-text';
import { api, query } from '../../app/api';
import { useShowError } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { ClanSummary, HouseholdSummary, OrgDetail, OrgSummary, Page, PersonListItem } from '../../app/types';
import type { PickedOption } from '../../components/RemoteSelect';
import { useDebounced } from '../../components/useDebounced';

/** Where the candidates of a kind come from: the people, household, clan and organisation lists. */
export type PeopleList = 'staff' | 'resident';

interface Candidate {
  id: string;
  label: string;
  detail: string;
}

interface CandidatePage {
  items: Candidate[];
  total: number;
}

const PAGE = 100;
/** The bulk endpoint takes at most this many subjects at once. */
export const MAX_SUBJECTS = 5000;

/** One page of candidates of a kind under `orgId` matching `q` (mark-free search on the server). */
async function fetchCandidates(kind: SubjectKind, people: PeopleList, orgId: string, q: string, page: number, signal?: AbortSignal): Promise<CandidatePage> {
  const common = { orgId, q: q || undefined, page, pageSize: PAGE };
  if (kind === 'person') {
    const res = await api.get<Page<PersonListItem>>(`/people${query({ kind: people, ...common })}`, signal);
    return {
      items: res.items.map((p) => ({ id: p.id, label: p.fullName, detail: [p.birthDate ? formatDate(p.birthDate) : null, p.position ?? null, p.org.name].filter(Boolean).join(' · ') })),
      total: res.total,
    };
  }
  if (kind === 'household') {
    const res = await api.get<Page<HouseholdSummary>>(`/households${query(common)}`, signal);
    return {
      items: res.items.map((h) => ({ id: h.id, label: h.head ? `${h.head.fullName} (${h.code})` : h.code, detail: [h.address, h.org.name].filter(Boolean).join(' · ') })),
      total: res.total,
    };
  }
  if (kind === 'clan') {
    const res = await api.get<Page<ClanSummary>>(`/clans${query(common)}`, signal);
    return { items: res.items.map((c) => ({ id: c.id, label: c.name, detail: c.org.name })), total: res.total };
  }
  // Organisations: the unit itself and the units directly under it.
  const [self, children] = await Promise.all([
    api.get<OrgDetail>(`/orgs/${encodeURIComponent(orgId)}`, signal),
    api.get<Page<OrgSummary>>(`/orgs${query({ parentId: orgId, page, pageSize: PAGE })}`, signal),
  ]);
  const all = [...(page === 1 ? [self.org] : []), ...children.items];
  const text = q.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
  const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
  const items = all.filter((o) => !text || plain(o.name).includes(text)).map((o) => ({ id: o.id, label: o.name, detail: o.kindCode }));
  return { items, total: children.total + 1 };
}

interface Props {
  kind: SubjectKind;
  orgId: string | undefined;
  people: PeopleList;
  value: PickedOption[];
  onChange: (value: PickedOption[]) => void;
}

/**
 * Picks the subjects to register: a mark-free search of the kind's list under the chosen unit
 * (several at once), and "select all" of that unit (every page, up to 5000).
 */
export function SubjectPicker({ kind, orgId, people, value, onChange }: Props) {
  const t = useT();
  const { lang } = useLang();
  const showError = useShowError();
  const [text, setText] = useState('');
  const q = useDebounced(text, 300).trim();
  const [loadingAll, setLoadingAll] = useState(false);
  const found = useQuery({
    queryKey: ['titles', 'candidates', kind, people, orgId, q],
    queryFn: ({ signal }) => fetchCandidates(kind, people, orgId ?? '', q, 1, signal),
    enabled: !!orgId,
  });

  const selectAll = async () => {
    if (!orgId) return;
    setLoadingAll(true);
    try {
      const picked = new Map(value.map((v) => [v.value, v]));
      for (let page = 1; picked.size < MAX_SUBJECTS; page++) {
        const res = await fetchCandidates(kind, people, orgId, '', page);
        for (const c of res.items) picked.set(c.id, { value: c.id, label: c.label });
        if (res.items.length === 0 || page * PAGE >= res.total || kind === 'org') break;
      }
      onChange([...picked.values()].slice(0, MAX_SUBJECTS));
    } catch (error) {
      showError(error);
    } finally {
      setLoadingAll(false);
    }
  };

  const options = (found.data?.items ?? []).map((c) => ({ value: c.id, label: c.label, detail: c.detail }));
  return (
    <div className="subject-picker">
      <Select<PickedOption[]>
        mode="multiple"
        labelInValue
        allowClear
        disabled={!orgId}
        value={value}
        onChange={(picked) => {
          setText('');
          onChange((picked ?? []).map((p) => ({ value: String(p.value), label: String(p.label) })));
        }}
        options={options}
        showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
        loading={found.isFetching}
        placeholder={orgId ? t('titles.register.pickPlaceholder') : t('titles.register.pickOrgFirst')}
        notFoundContent={found.isFetching ? undefined : t('titles.list.empty')}
        maxTagCount={8}
        optionRender={(option) => (
          <div className="people-picker-option">
            <div>{option.data.label}</div>
            {option.data.detail && <div className="muted people-picker-detail">{option.data.detail}</div>}
          </div>
        )}
        popupMatchSelectWidth={false}
        className="full-width"
        data-testid="title-register-subjects"
        aria-label={t('titles.register.subjects')}
      />
      <Space wrap className="subject-picker-tools">
        <Button size="small" onClick={() => void selectAll()} loading={loadingAll} disabled={!orgId} data-testid="title-register-select-all">
          {loadingAll ? t('titles.register.selectAllLoading') : t('titles.register.selectAll', { count: formatNumber(lang, found.data?.total ?? 0) })}
        </Button>
        {value.length > 0 && (
          <>
            <span className="muted" data-testid="title-register-count">
              {t('titles.register.selected', { count: formatNumber(lang, value.length) })}
            </span>
            <Button size="small" type="link" onClick={() => onChange([])}>
              {t('titles.register.clear')}
            </Button>
          </>
        )}
      </Space>
    </div>
  );
}
