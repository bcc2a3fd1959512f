import { useMemo } from 'react';
import { Card, Grid } from 'antd';
import type { TitleSummary, TitleSummaryRow } from '../../app/types';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { Chart, CHART_COLORS, type ChartOption } from '../learning/Chart';
import { citizenGroupLabel, formatPercent, titleName, titleUnit } from './titleLabels';

/**
 * The figures of the unit's subtree per title (and citizen group), as GET /titles/summary totals
 * them: registered of eligible and recognised of registered. Nothing is added up here.
 */
function rowName(lang: 'vi' | 'en', row: TitleSummaryRow): string {
  const group = citizenGroupLabel(lang, row.citizenGroup);
  return group ? `${titleName(lang, row.title)} – ${group.split(':')[0]}` : titleName(lang, row.title);
}

export function TitleSummaryCard({ summary, year, loading }: { summary: TitleSummary | undefined; year: number; loading: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const rows = summary?.totals ?? [];

  const lines = rows.map((row) => {
    const unit = titleUnit(lang, row.title);
    return {
      key: `${row.title}:${row.citizenGroup ?? ''}`,
      name: rowName(lang, row),
      registered: t('titles.summary.registeredOf', {
        registered: formatNumber(lang, row.registered),
        eligible: formatNumber(lang, row.eligible),
        unit,
        share: formatPercent(lang, row.registeredShare),
      }),
      recognised: t('titles.summary.recognisedOf', {
        recognised: formatNumber(lang, row.recognised),
        registered: formatNumber(lang, row.registered),
        unit,
        share: formatPercent(lang, row.recognisedShare),
      }),
    };
  });

  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 10 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: lines.map((l) => (phone && l.name.length > 22 ? `${l.name.slice(0, 21)}…` : l.name)) },
      series: [
        {
          name: t('titles.summary.registered'),
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: CHART_COLORS.bar },
          label: { show: true, position: 'right', fontSize: 11 },
          data: rows.map((r) => r.registered),
        },
        {
          name: t('titles.summary.recognised'),
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: CHART_COLORS.done },
          label: { show: true, position: 'right', fontSize: 11 },
          data: rows.map((r) => r.recognised),
        },
      ],
    }),
    // lines follow rows and the language
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [rows, lang, phone, t],
  );

  return (
    <Card size="small" className="titles-summary" title={t('titles.summary.title', { year })} loading={loading} data-testid="titles-summary">
      {rows.length === 0 ? (
        <span className="muted">{t('titles.summary.empty')}</span>
      ) : (
        <div className="titles-summary-body">
          <ul className="titles-summary-figures">
            {lines.map((l) => (
              <li key={l.key} data-testid="titles-summary-row" data-key={l.key}>
                <strong>{l.name}</strong>
                <span data-testid="titles-summary-registered">{l.registered}</span>
                <span className="titles-summary-recognised" data-testid="titles-summary-recognised">
                  {l.recognised}
                </span>
              </li>
            ))}
          </ul>
          <Chart option={option} height={48 + rows.length * 52} label={t('titles.summary.chart')} testId="titles-summary-chart" />
        </div>
      )}
    </Card>
  );
}
