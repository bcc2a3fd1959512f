import { useMemo } from 'react';
import { Grid } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { PlanSummary } from '../../../shared/studyPlan';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { STATE_COLORS, STATE_ORDER, stateLabel } from './planLabels';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** 0.5714 → '57 %' in Vietnamese, '57%' in English. */
export function formatShare(lang: 'vi' | 'en', share: number | null): string {
  if (share === null) return '–';
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** antd's font stack: ECharts measures its labels with it (an 'inherit' font is measured wrong). */
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

const shorten = (name: string, max: number) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

/**
 * Plan states per unit directly under the chosen one (a horizontal stacked bar each, the share
 * approved under its name). Clicking a unit's bar opens that unit.
 */
export function PlanSummaryChart({ summary, onPickUnit }: { summary: PlanSummary; onPickUnit: (orgId: string) => void }) {
  const t = useT();
  const { lang } = useLang();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const units = summary.units;

  const option = useMemo(() => {
    // A unit without units under it has one bar, its own members: its name says enough.
    const names = units.map((u) => (u.own && units.length > 1 ? t('studyPlan.summary.own', { org: u.org.name }) : u.org.name));
    const maxName = phone ? 24 : 44;
    return {
      animation: false,
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
      legend: { top: 0, left: 0, type: 'plain', itemWidth: 12, itemHeight: 10, itemGap: phone ? 8 : 14, textStyle: { fontSize: phone ? 11 : 12, fontFamily: FONT } },
      grid: { left: 8, right: 16, top: phone ? 84 : 52, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontFamily: FONT } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: names,
        axisLabel: {
          formatter: (name: string, i: number) => {
            const u = units[i];
            const share = u ? t('studyPlan.summary.approvedShare', { approved: u.approved, expected: u.expected, share: formatShare(lang, u.approvedShare) }) : '';
            return `{name|${shorten(name, maxName)}}\n{share|${share}}`;
          },
          rich: { name: { fontSize: 12, color: '#262626', lineHeight: 16, fontFamily: FONT }, share: { fontSize: 11, color: '#389e0d', lineHeight: 16, fontFamily: FONT } },
        },
      },
      series: STATE_ORDER.map((state) => ({
        name: stateLabel(lang, state),
        type: 'bar',
        stack: 'plans',
        barMaxWidth: 26,
        itemStyle: { color: STATE_COLORS[state] },
        emphasis: { focus: 'series' },
        data: units.map((u) => u.counts[state] || null),
        label: { show: !phone, formatter: (p: { value: number }) => (p.value ? formatNumber(lang, p.value) : ''), fontSize: 11, fontFamily: FONT },
      })),
    };
  }, [units, t, lang, phone]);

  const height = (phone ? 104 : 76) + Math.max(units.length, 1) * 50;
  return (
    <div className="plan-chart" data-testid="plan-summary-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height, width: '100%' }}
        opts={{ renderer: 'svg' }}
        onEvents={{
          click: (p: { dataIndex: number }) => {
            const u = units[p.dataIndex];
            if (u && !u.own) onPickUnit(u.org.id);
          },
        }}
      />
    </div>
  );
}
