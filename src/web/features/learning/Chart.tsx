import { useMemo } from 'react';
import EChartsReactCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, ScatterChart, type BarSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what these screens draw: bars and target marks, with a grid, tooltips, a legend and target lines.
echarts.use([BarChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, AriaComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<
  BarSeriesOption | ScatterSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkLineComponentOption | AriaComponentOption
>;

/** What a click on a bar tells: the series and the category (its index in the data). */
export interface ChartClick {
  seriesIndex: number;
  dataIndex: number;
}

/** Colours of the charts (antd's palette): done, awaiting, target, neutral. */
export const CHART_COLORS = { done: '#389e0d', pending: '#d48806', target: '#cf1322', bar: '#0b5cad', muted: '#bfbfbf' };

interface Props {
  option: ChartOption;
  /** Pixel height; the width follows the container (the chart redraws when it changes). */
  height: number;
  /** A text alternative: what the chart shows (the numbers are also in a table or list beside it). */
  label: string;
  testId: string;
  onClick?: (click: ChartClick) => void;
}

/** A bar chart drawn by echarts in SVG, sized to its container. */
export function Chart({ option, height, label, testId, onClick }: Props) {
  const events = useMemo(
    () => (onClick ? { click: (e: { seriesIndex?: number; dataIndex?: number }) => onClick({ seriesIndex: e.seriesIndex ?? 0, dataIndex: e.dataIndex ?? 0 }) } : undefined),
    [onClick],
  );
  const full = useMemo<ChartOption>(
    () => ({ aria: { enabled: true, label: { description: label } }, ...option }),
    [option, label],
  );
  return (
    <div className="learning-chart" data-testid={testId} role="img" aria-label={label}>
      <EChartsReactCore
        echarts={echarts}
        option={full}
        notMerge
        lazyUpdate
        opts={{ renderer: 'svg' }}
        style={{ height, width: '100%' }}
        onEvents={events}
      />
    </div>
  );
}

/** Text for a tooltip (echarts renders tooltips as HTML): names typed by users are escaped. */
export const html = (text: string) => echarts.format.encodeHTML(text);
