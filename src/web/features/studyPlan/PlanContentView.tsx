import type { HTMLAttributes, ReactNode } from 'react';
import { Card, Grid, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { PlanChanges, PlanLine, PlanView } from '../../../shared/studyPlan';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { formatPeriod, lineTypeLabel, methodLabel } from './planLabels';

type LineField = keyof Omit<PlanLine, 'id'>;

/** What changed on each line since the last return, for highlighting. */
function changeIndex(changes: PlanChanges | null) {
  const added = new Set(changes?.added ?? []);
  const changed = new Map((changes?.changed ?? []).map((c) => [c.lineId, new Set(c.fields)]));
  const parts = new Set(changes?.parts ?? []);
  return {
    isAdded: (id: string) => added.has(id),
    fieldChanged: (id: string, field: LineField) => changed.get(id)?.has(field) ?? false,
    lineChanged: (id: string) => changed.has(id),
    partChanged: (part: string) => parts.has(part),
  };
}
type ChangeIndex = ReturnType<typeof changeIndex>;

/** A value of a line, marked when it changed since the last return. */
function Val({ changed, children }: { changed: boolean; children: ReactNode }) {
  return changed ? (
    <span className="plan-changed-field" data-testid="plan-changed-field">
      {children}
    </span>
  ) : (
    <>{children}</>
  );
}

function LineTags({ line, index }: { line: PlanLine; index: ChangeIndex }) {
  const t = useT();
  if (index.isAdded(line.id)) {
    return (
      <Tag color="green" className="plan-change-tag" data-testid="plan-line-added">
        {t('studyPlan.changes.added')}
      </Tag>
    );
  }
  if (index.lineChanged(line.id)) {
    return (
      <Tag color="gold" className="plan-change-tag" data-testid="plan-line-changed">
        {t('studyPlan.changes.changed')}
      </Tag>
    );
  }
  return null;
}

/** The pieces of a line, shared by the table and the cards. */
function useLineParts(index: ChangeIndex) {
  const t = useT();
  const { lang } = useLang();
  const dash = <span className="muted">{t('common.none')}</span>;
  const ch = (l: PlanLine, f: LineField) => index.fieldChanged(l.id, f);
  return {
    content: (l: PlanLine) => (
      <div className="plan-line-content">
        <Val changed={ch(l, 'content')}>{l.content}</Val>
        <LineTags line={l} index={index} />
        {l.need && (
          <div className="plan-line-sub">
            <span className="muted">{t('studyPlan.line.need')}: </span>
            <Val changed={ch(l, 'need')}>{l.need}</Val>
          </div>
        )}
        {l.note && (
          <div className="plan-line-sub">
            <span className="muted">{t('studyPlan.line.note')}: </span>
            <Val changed={ch(l, 'note')}>{l.note}</Val>
          </div>
        )}
      </div>
    ),
    method: (l: PlanLine) => (
      <div>
        <Val changed={ch(l, 'method')}>{methodLabel(lang, l.method)}</Val>
        {l.provider && (
          <div className="plan-line-sub">
            <Val changed={ch(l, 'provider')}>{l.provider}</Val>
          </div>
        )}
      </div>
    ),
    period: (l: PlanLine) => (
      <span className="nowrap">
        <Val changed={ch(l, 'fromMonth') || ch(l, 'toMonth')}>{formatPeriod(l.fromMonth, l.toMonth)}</Val>
      </span>
    ),
    hours: (l: PlanLine) =>
      l.hours === null ? dash : <Val changed={ch(l, 'hours')}>{t('studyPlan.line.hoursValue', { hours: formatNumber(lang, l.hours) })}</Val>,
    result: (l: PlanLine) =>
      l.expectedResult || l.expectedEvidence ? (
        <div>
          {l.expectedResult && <Val changed={ch(l, 'expectedResult')}>{l.expectedResult}</Val>}
          {l.expectedEvidence && (
            <div className="plan-line-sub">
              <span className="muted">{t('studyPlan.line.expectedEvidence')}: </span>
              <Val changed={ch(l, 'expectedEvidence')}>{l.expectedEvidence}</Val>
            </div>
          )}
        </div>
      ) : (
        dash
      ),
    lineType: (l: PlanLine) => <Val changed={ch(l, 'lineType')}>{lineTypeLabel(lang, l.lineType)}</Val>,
  };
}

function rowClass(l: PlanLine, index: ChangeIndex) {
  return index.isAdded(l.id) ? 'plan-line-added' : index.lineChanged(l.id) ? 'plan-line-changed' : '';
}

/** Part IV read-only: a table on wider screens, a card per line on phones. */
function PlanLinesView({ lines, index }: { lines: PlanLine[]; index: ChangeIndex }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const parts = useLineParts(index);
  if (lines.length === 0) return <p className="muted">{t('studyPlan.lines.empty')}</p>;
  if (!screens.md) {
    return (
      <div className="plan-line-cards" data-testid="plan-lines">
        {lines.map((l, i) => (
          <div key={l.id} className={`plan-line-view ${rowClass(l, index)}`} data-testid="plan-line-view" data-line-id={l.id}>
            <div className="plan-line-view-head">
              <span className="plan-line-no">{i + 1}.</span>
              {parts.content(l)}
            </div>
            <dl className="plan-line-facts">
              <div>
                <dt>{t('studyPlan.line.method')}</dt>
                <dd>{parts.method(l)}</dd>
              </div>
              <div>
                <dt>{t('studyPlan.line.period')}</dt>
                <dd>{parts.period(l)}</dd>
              </div>
              <div>
                <dt>{t('studyPlan.line.hours')}</dt>
                <dd>{parts.hours(l)}</dd>
              </div>
              <div>
                <dt>{t('studyPlan.line.lineType')}</dt>
                <dd>{parts.lineType(l)}</dd>
              </div>
              <div className="plan-line-fact-wide">
                <dt>{t('studyPlan.line.expectedResult')}</dt>
                <dd>{parts.result(l)}</dd>
              </div>
            </dl>
          </div>
        ))}
      </div>
    );
  }
  const columns: TableColumnsType<PlanLine> = [
    { key: 'no', title: t('studyPlan.line.no'), width: 48, render: (_v, _l, i) => i + 1 },
    { key: 'content', title: t('studyPlan.line.content'), render: (_v, l) => parts.content(l) },
    { key: 'method', title: t('studyPlan.line.method'), width: 180, render: (_v, l) => parts.method(l) },
    {
      key: 'period',
      title: t('studyPlan.line.period'),
      width: 150,
      render: (_v, l) => (
        <div>
          {parts.period(l)}
          {l.hours !== null && <div className="plan-line-sub">{parts.hours(l)}</div>}
        </div>
      ),
    },
    { key: 'result', title: t('studyPlan.line.expectedResult'), render: (_v, l) => parts.result(l) },
    { key: 'type', title: t('studyPlan.line.lineType'), width: 140, render: (_v, l) => parts.lineType(l) },
  ];
  return (
    <Table<PlanLine>
      rowKey="id"
      size="small"
      className="plan-lines-table"
      data-testid="plan-lines"
      columns={columns}
      dataSource={lines}
      pagination={false}
      rowClassName={(l) => rowClass(l, index)}
      onRow={(l) => ({ 'data-testid': 'plan-line-view', 'data-line-id': l.id }) as HTMLAttributes<HTMLElement>}
    />
  );
}

/** A text part of the plan (II, III, V, VI), marked when it changed since the last return. */
function TextPart({ title, text, changed, testId }: { title: string; text: string | null; changed: boolean; testId: string }) {
  const t = useT();
  return (
    <Card
      size="small"
      className={changed ? 'plan-part plan-part-changed' : 'plan-part'}
      title={title}
      extra={changed ? <Tag color="gold">{t('studyPlan.changes.changed')}</Tag> : undefined}
      data-testid={testId}
    >
      {text ? <p className="plan-text">{text}</p> : <span className="muted">{t('studyPlan.empty')}</span>}
    </Card>
  );
}

/** Parts II–VI of a plan, read-only, with what changed since the last return highlighted. */
export function PlanContentView({ plan }: { plan: PlanView }) {
  const t = useT();
  const { lang } = useLang();
  const index = changeIndex(plan.changes);
  const c = plan.content;
  const totalHours = c.lines.reduce((sum, l) => sum + (l.hours ?? 0), 0);
  return (
    <div className="plan-content" data-testid="plan-content">
      <TextPart title={t('studyPlan.part.selfAssessment')} text={c.selfAssessment} changed={index.partChanged('selfAssessment')} testId="plan-part-self" />
      <TextPart title={t('studyPlan.part.goals')} text={c.goals} changed={index.partChanged('goals')} testId="plan-part-goals" />
      <Card size="small" className="plan-part" title={t('studyPlan.part.lines')} data-testid="plan-part-lines">
        <PlanLinesView lines={c.lines} index={index} />
        {totalHours > 0 && <div className="muted plan-total-hours">{t('studyPlan.lines.totalHours', { hours: formatNumber(lang, totalHours) })}</div>}
      </Card>
      <TextPart title={t('studyPlan.part.conditions')} text={c.conditions} changed={index.partChanged('conditions')} testId="plan-part-conditions" />
      <TextPart title={t('studyPlan.part.commitment')} text={c.commitment} changed={index.partChanged('commitment')} testId="plan-part-commitment" />
    </div>
  );
}
