import { useState } from 'react';
import { Button, Checkbox, Grid, Select } from 'antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import { CITIZEN_GROUPS, SEXES, STAFF_CATEGORIES } from '../../../shared/people';
import { useLang, useT } from '../../app/i18n';
import { SearchBox } from '../../components/SearchBox';
import { OrgFilter } from '../org/OrgFilter';
import { usePositions, type PeopleSort } from './peopleApi';
import { ageBandOptions, codeOptions } from './peopleLabels';
import type { PeopleQueryState } from './peopleQuery';

const FILTER_KEYS = ['sex', 'ageBand', 'citizenGroup', 'category', 'position', 'isLeader', 'ethnicity'] as const;

/** Search, organisation subtree and the other filters of the people lists (folded on phones). */
export function PeopleFilters({ query }: { query: PeopleQueryState }) {
  const t = useT();
  const { lang } = useLang();
  const screens = Grid.useBreakpoint();
  const { filter, set } = query;
  const staff = filter.kind === 'staff';
  const positions = usePositions(filter.orgId, staff);
  const [unfolded, setUnfolded] = useState(false);
  const active = FILTER_KEYS.filter((key) => filter[key] !== undefined).length;
  const folded = !screens.md && !unfolded;

  const sortOptions: { value: PeopleSort; label: string }[] = [
    { value: 'name', label: t('people.sort.name') },
    { value: '-name', label: t('people.sort.nameDesc') },
    { value: 'birthDate', label: t('people.sort.birthDate') },
    { value: '-birthDate', label: t('people.sort.birthDateDesc') },
  ];

  return (
    <div className="people-filters" data-testid="people-filters">
      <div className="filters">
        <SearchBox
          id="people-search"
          data-testid="people-search"
          className="filter-search"
          placeholder={t('people.searchPlaceholder')}
          value={filter.q}
          onSearch={(q) => set({ q }, { replace: true })}
        />
        <OrgFilter
          orgId={filter.orgId}
          onChange={(orgId) => set({ orgId, position: undefined })}
          placeholder={staff ? t('people.filter.unit') : t('people.filter.place')}
          testId="people-org-filter"
        />
        {!screens.md && (
          <Button
            icon={<FilterOutlined />}
            onClick={() => setUnfolded((open) => !open)}
            aria-expanded={!folded}
            data-testid="people-filters-toggle"
          >
            {active > 0 ? t('people.filter.moreCount', { count: active }) : t('people.filter.more')}
          </Button>
        )}
      </div>
      <div className={folded ? 'filters filters-folded' : 'filters filters-extra'}>
        <Select
          allowClear
          className="filter-select"
          data-testid="people-filter-sex"
          placeholder={t('people.field.sex')}
          aria-label={t('people.field.sex')}
          value={filter.sex}
          onChange={(sex) => set({ sex })}
          options={codeOptions(lang, SEXES)}
        />
        <Select
          allowClear
          className="filter-select"
          data-testid="people-filter-age"
          placeholder={t('people.filter.ageBand')}
          aria-label={t('people.filter.ageBand')}
          value={filter.ageBand}
          onChange={(ageBand) => set({ ageBand })}
          options={ageBandOptions(lang)}
        />
        <Select
          allowClear
          className="filter-select filter-select-wide"
          data-testid="people-filter-group"
          placeholder={t('people.field.citizenGroup')}
          aria-label={t('people.field.citizenGroup')}
          value={filter.citizenGroup}
          onChange={(citizenGroup) => set({ citizenGroup })}
          options={codeOptions(lang, CITIZEN_GROUPS)}
          popupMatchSelectWidth={false}
        />
        {staff ? (
          <>
            <Select
              allowClear
              className="filter-select"
              data-testid="people-filter-category"
              placeholder={t('people.field.category')}
              aria-label={t('people.field.category')}
              value={filter.category}
              onChange={(category) => set({ category })}
              options={codeOptions(lang, STAFF_CATEGORIES)}
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className="filter-select filter-select-wide"
              data-testid="people-filter-position"
              placeholder={t('people.field.position')}
              aria-label={t('people.field.position')}
              value={filter.position}
              onChange={(position) => set({ position })}
              loading={positions.isFetching}
              options={(positions.data ?? []).map((p) => ({ value: p, label: p }))}
              popupMatchSelectWidth={false}
            />
            <Checkbox
              className="filter-check"
              checked={filter.isLeader === true}
              onChange={(event) => set({ isLeader: event.target.checked ? 'true' : undefined })}
              data-testid="people-filter-leader"
            >
              {t('people.filter.leadersOnly')}
            </Checkbox>
          </>
        ) : (
          <SearchBox
            className="filter-select filter-select-wide"
            data-testid="people-filter-ethnicity"
            placeholder={t('people.filter.ethnicity')}
            value={filter.ethnicity}
            onSearch={(ethnicity) => set({ ethnicity }, { replace: true })}
          />
        )}
        {!screens.md && (
          <Select
            className="filter-select filter-select-wide"
            data-testid="people-sort"
            aria-label={t('people.sort.label')}
            value={filter.sort ?? 'name'}
            onChange={(sort) => set({ sort: sort === 'name' ? undefined : sort })}
            options={sortOptions}
            prefix={t('people.sort.label')}
          />
        )}
        {active > 0 && (
          <Button
            icon={<ClearOutlined />}
            onClick={() => set(Object.fromEntries(FILTER_KEYS.map((key) => [key, undefined])))}
            data-testid="people-filters-clear"
          >
            {t('people.filter.clear')}
          </Button>
        )}
      </div>
    </div>
  );
}
