import { useMemo } from 'react';
import { Card, Col, Empty, Grid, Progress, Row, Tag } from 'antd';
import type { MyLearningYear, RecordKind } from '../../../shared/learning';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { Figures } from '../../components/Figures';
import { Chart, CHART_COLORS, type ChartOption } from './Chart';
import { formatHours, kindLabel } from './learningLabels';

/** Hours of the year by kind (verified, awaiting verification), in the catalogue's order. */
function hoursByKind(data: MyLearningYear) {
  const rows = new Map<RecordKind, { verified: number; pending: number }>();
  for (const r of data.items) {
    if (r.status === 'rejected') continue;
    const row = rows.get(r.kind) ?? { verified: 0, pending: 0 };
    row[r.status === 'verified' ? 'verified' : 'pending'] += r.hours ?? 0;
    rows.set(r.kind, row);
  }
  return [...rows.entries()].filter(([, h]) => h.verified + h.pending > 0);
}

/** My year at a glance: figures, hours by kind (a bar chart), and the mandatory trainings I owe. */
export function MyProgress({ data, year }: { data: MyLearningYear; year: number }) {
  const t = useT();
  const { lang } = useLang();
  const compact = !Grid.useBreakpoint().sm;
  const byKind = useMemo(() => hoursByKind(data), [data]);
  const verifiedHours = data.items.filter((r) => r.status === 'verified').reduce((a, r) => a + (r.hours ?? 0), 0);
  const pending = data.items.filter((r) => r.status === 'pending').length;

  const option = useMemo<ChartOption>(() => {
    const kinds = byKind.map(([kind]) => kindLabel(lang, kind));
    const hours = (i: number) => `${formatHours(lang, byKind[i][1].verified + byKind[i][1].pending)} ${t('learning.unit.hours')}`;
    // On phones each kind is named above its bar, so that the bars keep the whole width.
    const label = compact
      ? { show: true, position: [2, -15] as [number, number], fontSize: 11, color: '#333', formatter: (p: unknown) => `${kinds[(p as { dataIndex: number }).dataIndex]}: ${hours((p as { dataIndex: number }).dataIndex)}` }
      : { show: false };
    return {
      grid: { left: compact ? 4 : 8, right: 24, top: compact ? 48 : 32, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0, itemWidth: 14, itemHeight: 10 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${formatHours(lang, Number(v))} ${t('learning.unit.hours')}` },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(lang, v) } },
      yAxis: { type: 'category', data: kinds, inverse: true, axisLabel: compact ? { show: false } : { width: 130, overflow: 'break', lineHeight: 14 } },
      series: [
        { name: t('learning.chart.verified'), type: 'bar', stack: 'h', color: CHART_COLORS.done, barMaxWidth: 22, barWidth: compact ? 12 : undefined, label, data: byKind.map(([, h]) => h.verified) },
        { name: t('learning.chart.pending'), type: 'bar', stack: 'h', color: CHART_COLORS.pending, barMaxWidth: 22, barWidth: compact ? 12 : undefined, data: byKind.map(([, h]) => h.pending) },
      ],
    };
  }, [byKind, lang, t, compact]);

  return (
    <div className="my-progress" data-testid="my-progress">
      <Figures
        testId="my-figures"
        figures={[
          { key: 'records', label: t('learning.mine.figRecords'), value: data.items.length },
          { key: 'hours', label: t('learning.mine.figHours'), value: Math.round(verifiedHours * 10) / 10 },
          { key: 'pending', label: t('learning.mine.figPending'), value: pending, tone: 'warn' },
        ]}
      />
      <Row gutter={[16, 16]} className="my-progress-row">
        <Col xs={24} lg={13}>
          <Card size="small" title={t('learning.mine.chartTitle', { year })} className="learning-card">
            {byKind.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('learning.mine.chartEmpty')} />
            ) : (
              <Chart
                option={option}
                height={Math.max(140, (compact ? 64 : 56) + byKind.length * (compact ? 46 : 40))}
                label={t('learning.mine.chartTitle', { year })}
                testId="my-hours-chart"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <Card size="small" title={t('learning.mine.owedTitle', { year })} className="learning-card" data-testid="my-owed">
            {data.owed.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('learning.mine.owedNone')} />
            ) : (
              <ul className="owed-list">
                {data.owed.map((o) => {
                  const percent = o.hoursRequired > 0 ? Math.min(100, Math.round((o.hoursDone / o.hoursRequired) * 100)) : o.done ? 100 : 0;
                  return (
                    <li key={o.id} className="owed-item" data-testid="owed-item" data-done={o.done}>
                      <div className="owed-head">
                        <span className="owed-title">{o.title}</span>
                        <Tag color={o.done ? 'green' : 'orange'} className="owed-tag">
                          {o.done ? t('learning.owed.done') : t('learning.owed.notDone')}
                        </Tag>
                      </div>
                      <Progress
                        percent={percent}
                        status={o.done ? 'success' : 'normal'}
                        showInfo={false}
                        aria-label={t('learning.owed.progress', { title: o.title })}
                      />
                      <div className="owed-hours">
                        {o.hoursRequired > 0
                          ? t('learning.owed.hours', { done: formatHours(lang, o.hoursDone), required: formatHours(lang, o.hoursRequired) })
                          : t('learning.owed.oneRecord')}
                      </div>
                      {o.legalBasis && <div className="muted owed-basis">{o.legalBasis}</div>}
                    </li>
                  );
                })}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
