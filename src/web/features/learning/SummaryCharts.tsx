import { useMemo, useState } from 'react';
import { Card, Grid, Select } from 'antd';
import {
  LANGUAGE_LEVELS,
  SHARE_TARGETS,
  SUMMARY_INDICATORS,
  type LearningSummary,
  type LearningTally,
  type SummaryIndicator,
} from '../../../shared/learning';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { Chart, CHART_COLORS, html, type ChartOption } from './Chart';
import { formatShare, indicatorLabel, levelLabel } from './learningLabels';

/** Opens the members behind a number: an indicator met (or not), in one unit or all. */
export type OpenMembers = (target: { indicator: SummaryIndicator; met: boolean; unit?: { id: string; name: string } }) => void;

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/**
 * How horizontal share bars name their rows: on wider screens, names on the axis beside the bars;
 * on phones (compact), each name above its bar, so that the bars keep the whole width.
 */
function rowNames(compact: boolean, names: string[], shareText: (i: number) => string) {
  return compact
    ? {
        grid: { left: 4, right: 16 },
        axisLabel: { show: false },
        label: { show: true, position: [2, -15] as [number, number], fontSize: 11, color: '#333', formatter: (p: unknown) => `${names[(p as { dataIndex: number }).dataIndex]}: ${shareText((p as { dataIndex: number }).dataIndex)}` },
        barWidth: 12,
      }
    : {
        grid: { left: 8, right: 48 },
        axisLabel: { width: 150, overflow: 'break' as const, lineHeight: 14 },
        label: { show: true, position: 'right' as const, formatter: (p: unknown) => shareText((p as { dataIndex: number }).dataIndex) },
        barWidth: undefined,
      };
}

/** The seven shares of all members, each bar beside its target mark. A click lists who meets it. */
export function TotalSharesChart({ tally, onOpen }: { tally: LearningTally; onOpen: OpenMembers }) {
  const t = useT();
  const { lang } = useLang();
  const compact = !Grid.useBreakpoint().sm;
  const option = useMemo<ChartOption>(() => {
    const names = SUMMARY_INDICATORS.map((i) => indicatorLabel(lang, i));
    const rows = rowNames(compact, names, (i) => formatShare(lang, tally.shares[SUMMARY_INDICATORS[i]]));
    return {
      grid: { ...rows.grid, top: compact ? 44 : 30, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10, data: [t('learning.summary.share'), t('learning.summary.target')] },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { seriesIndex, dataIndex } = p as { seriesIndex: number; dataIndex: number };
          const indicator = SUMMARY_INDICATORS[dataIndex];
          if (seriesIndex === 1) {
            const target = SHARE_TARGETS[indicator];
            return target ? `${html(names[dataIndex])}<br/>${html(t('learning.summary.target'))}: ${formatShare(lang, target.value)} (${html(target.source)})` : '';
          }
          return `${html(names[dataIndex])}<br/>${formatShare(lang, tally.shares[indicator])} (${formatNumber(lang, tally.counts[indicator])})`;
        },
      },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` } },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: rows.axisLabel },
      series: [
        {
          name: t('learning.summary.share'),
          type: 'bar',
          color: CHART_COLORS.bar,
          barMaxWidth: 20,
          barWidth: rows.barWidth,
          cursor: 'pointer',
          label: rows.label,
          data: SUMMARY_INDICATORS.map((i) => percent(tally.shares[i]) ?? 0),
        },
        {
          name: t('learning.summary.target'),
          type: 'scatter',
          color: CHART_COLORS.target,
          symbol: 'rect',
          symbolSize: compact ? [3, 16] : [3, 22],
          z: 5,
          data: SUMMARY_INDICATORS.map((i) => (SHARE_TARGETS[i] ? SHARE_TARGETS[i].value * 100 : null)),
        },
      ],
    };
  }, [tally, lang, t, compact]);
  return (
    <Chart
      option={option}
      height={SUMMARY_INDICATORS.length * 46 + (compact ? 64 : 50)}
      label={t('learning.summary.totalChart')}
      testId="summary-total-chart"
      onClick={({ seriesIndex, dataIndex }) => seriesIndex === 0 && onOpen({ indicator: SUMMARY_INDICATORS[dataIndex], met: true })}
    />
  );
}

/** One share across the units directly under the chosen one, with its target line. */
export function UnitSharesChart({ summary, onOpen }: { summary: LearningSummary; onOpen: OpenMembers }) {
  const t = useT();
  const { lang } = useLang();
  const compact = !Grid.useBreakpoint().sm;
  const [indicator, setIndicator] = useState<SummaryIndicator>('mandatoryDone');
  const units = summary.units.filter((u) => !u.own);
  const option = useMemo<ChartOption>(() => {
    const target = SHARE_TARGETS[indicator];
    const rows = rowNames(
      compact,
      units.map((u) => u.org.name),
      (i) => formatShare(lang, units[i].shares[indicator]),
    );
    return {
      grid: { ...rows.grid, top: compact ? 40 : 26, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const u = units[(p as { dataIndex: number }).dataIndex];
          return `${html(u.org.name)}<br/>${formatShare(lang, u.shares[indicator])} (${formatNumber(lang, u.counts[indicator])})`;
        },
      },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: (v: number) => `${v}%` } },
      yAxis: { type: 'category', data: units.map((u) => u.org.name), inverse: true, axisLabel: rows.axisLabel },
      series: [
        {
          name: indicatorLabel(lang, indicator),
          type: 'bar',
          color: CHART_COLORS.bar,
          barMaxWidth: 20,
          barWidth: rows.barWidth,
          cursor: 'pointer',
          label: rows.label,
          data: units.map((u) => percent(u.shares[indicator]) ?? 0),
          markLine: target
            ? {
                symbol: 'none',
                silent: true,
                animation: false,
                lineStyle: { color: CHART_COLORS.target, type: 'dashed', width: 2 },
                label: { formatter: `${t('learning.summary.target')} ${formatShare(lang, target.value)}`, position: 'start' },
                data: [{ xAxis: target.value * 100 }],
              }
            : undefined,
        },
      ],
    };
  }, [units, indicator, lang, t, compact]);
  if (units.length === 0) return null;
  return (
    <Card size="small" className="learning-card" title={t('learning.summary.unitsChart')}>
      <Select<SummaryIndicator>
        value={indicator}
        onChange={setIndicator}
        options={SUMMARY_INDICATORS.map((i) => ({ value: i, label: indicatorLabel(lang, i) }))}
        popupMatchSelectWidth={false}
        aria-label={t('learning.summary.pickShare')}
        className="summary-indicator-select"
        data-testid="summary-indicator"
      />
      <Chart
        option={option}
        height={units.length * (compact ? 46 : 40) + (compact ? 56 : 44)}
        label={t('learning.summary.unitsChart')}
        testId="summary-units-chart"
        onClick={({ dataIndex }) => onOpen({ indicator, met: true, unit: units[dataIndex].org })}
      />
    </Card>
  );
}

/** Members by the level of their latest verified language certificate (1–6, legacy A/B/C, none). */
export function LevelsChart({ tally, onOpen }: { tally: LearningTally; onOpen: OpenMembers }) {
  const t = useT();
  const { lang } = useLang();
  const levels = useMemo(
    () => [...LANGUAGE_LEVELS.filter((l) => /\d/.test(l) || (tally.levels[l] ?? 0) > 0), 'none' as const],
    [tally],
  );
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { dataIndex, value } = p as { dataIndex: number; value: number };
          const level = levels[dataIndex];
          return `${html(level === 'none' ? t('learning.summary.noCertificate') : levelLabel(lang, level))}: ${formatNumber(lang, value)}`;
        },
      },
      xAxis: {
        type: 'category',
        data: levels.map((l) =>
          l === 'none'
            ? t('learning.summary.noCertificate')
            : /\d/.test(l)
              ? levelLabel(lang, l).replace(' (', '\n(')
              : t('learning.summary.legacyAxis', { level: l }),
        ),
        axisLabel: { interval: 0, lineHeight: 13, fontSize: 11 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(lang, v) } },
      series: [
        {
          name: t('learning.summary.levelsChart'),
          type: 'bar',
          barMaxWidth: 36,
          cursor: 'pointer',
          label: { show: true, position: 'top', formatter: (p: unknown) => formatNumber(lang, (p as { value: number }).value) },
          data: levels.map((l) => ({ value: tally.levels[l] ?? 0, itemStyle: { color: l === 'none' ? CHART_COLORS.muted : CHART_COLORS.bar } })),
        },
      ],
    }),
    [levels, tally, lang, t],
  );
  return (
    <Chart
      option={option}
      height={240}
      label={t('learning.summary.levelsChart')}
      testId="summary-levels-chart"
      onClick={({ dataIndex }) => onOpen({ indicator: 'languageCertified', met: levels[dataIndex] !== 'none' })}
    />
  );
}
