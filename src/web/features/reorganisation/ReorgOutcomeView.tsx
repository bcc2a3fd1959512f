import { useState, type ReactNode } from 'react';
import { Alert, Button, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { formatDate } from '../../../shared/vn-text';
import { formatNumber, pickText, useLang, useT } from '../../app/i18n';
import { useKindName } from '../org/orgApi';
import type { ReorgOutcome } from './reorgApi';
import { KIND_COLOR, KIND_LABEL } from './reorgLabels';
import { UnitName } from './UnitName';

const SHOWN = 20;

/** A titled list of what the reorganisation does to units; nothing when empty; long lists folded. */
function OutcomeList<T>({ title, testId, items, render }: { title: string; testId: string; items: T[]; render: (item: T) => ReactNode }) {
  const t = useT();
  const [all, setAll] = useState(false);
  if (items.length === 0) return null;
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <section className="reorg-section" data-testid={testId}>
      <Typography.Title level={5} className="reorg-section-title">
        {title} <span className="muted">({items.length})</span>
      </Typography.Title>
      <ul className="reorg-list">
        {shown.map((item, i) => (
          <li key={i} className="reorg-item" data-testid={`${testId}-item`}>
            {render(item)}
          </li>
        ))}
      </ul>
      {shown.length < items.length && (
        <Button type="link" size="small" onClick={() => setAll(true)}>
          {t('org.tree.more', { count: items.length - shown.length })}
        </Button>
      )}
    </section>
  );
}

const Arrow = () => <ArrowRightOutlined className="reorg-arrow" aria-hidden />;

/** Labelled counts, one a line (`${testId}-${key}` with data-value); zeros are greyed. */
function Counts({ testId, items }: { testId: string; items: { key: string; label: string; value: number }[] }) {
  const { lang } = useLang();
  return (
    <dl className="reorg-counts" data-testid={testId}>
      {items.map((item) => (
        <div key={item.key} className={item.value ? 'reorg-count-row' : 'reorg-count-row muted'} data-testid={`${testId}-${item.key}`} data-value={item.value}>
          <dt>{item.label}</dt>
          <dd>{formatNumber(lang, item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Kind, date, decision and note of a reorganisation, on one line that wraps. */
export function ReorgHead({ outcome }: { outcome: Pick<ReorgOutcome, 'kind' | 'effectiveDate' | 'decisionRef' | 'note'> }) {
  const t = useT();
  return (
    <p className="reorg-outcome-head">
      <Tag color={KIND_COLOR[outcome.kind]}>{t(KIND_LABEL[outcome.kind])}</Tag>
      <span>{t('reorg.outcome.effective', { date: formatDate(outcome.effectiveDate) })}</span>
      {outcome.decisionRef && <span className="reorg-decision">{outcome.decisionRef}</span>}
      {outcome.note && <span className="muted">{outcome.note}</span>}
    </p>
  );
}

/**
 * What a reorganisation creates, moves, closes and links, the records that follow and the
 * warnings. `linked`: the units exist (after apply) and their names open them in the tree.
 */
export function ReorgOutcomeView({ outcome, linked = false, head = true }: { outcome: ReorgOutcome; linked?: boolean; head?: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const kindName = useKindName();
  const date = formatDate(outcome.effectiveDate);
  const count = (n: number) => <Tag className="reorg-count">{t('reorg.outcome.units', { count: formatNumber(lang, n) })}</Tag>;
  const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

  return (
    <div className="reorg-outcome" data-testid="reorg-outcome">
      {head && <ReorgHead outcome={outcome} />}
      <Counts
        testId="reorg-figures"
        items={[
          { key: 'created', label: t('reorg.figure.created'), value: outcome.created.length },
          { key: 'moved', label: t('reorg.figure.moved'), value: sum(outcome.moved.map((m) => m.unitsMoved)) },
          { key: 'closed', label: t('reorg.figure.closed'), value: sum(outcome.closed.map((c) => c.unitsClosed)) },
        ]}
      />
      {outcome.warnings.length > 0 && (
        <section className="reorg-section" data-testid="reorg-warnings">
          {outcome.warnings.map((w) => (
            <Alert key={`${w.code}-${w.org.id}`} type="warning" showIcon className="reorg-warning" title={pickText(lang, w.message)} />
          ))}
        </section>
      )}
      <OutcomeList
        title={t('reorg.outcome.created')}
        testId="reorg-created"
        items={outcome.created}
        render={(c) => (
          <>
            <UnitName unit={c} linked={linked} />{' '}
            <span className="muted">
              {kindName(c.kindCode)}
              {c.code ? ` · ${c.code}` : ''}
              {c.parent ? ` · ${t('reorg.outcome.under', { parent: c.parent.name })}` : ''}
            </span>
          </>
        )}
      />
      <OutcomeList
        title={t('reorg.outcome.moved')}
        testId="reorg-moved"
        items={outcome.moved}
        render={(m) => (
          <>
            <UnitName unit={m.unit} linked={linked} /> {count(m.unitsMoved)}
            <div className="reorg-path">
              <UnitName unit={m.from} linked={linked} /> <Arrow /> <UnitName unit={m.to} linked={linked} />
              {m.newName && <span className="muted"> · {t('reorg.outcome.renamed', { name: m.newName })}</span>}
            </div>
          </>
        )}
      />
      <OutcomeList
        title={t('reorg.outcome.closed', { date })}
        testId="reorg-closed"
        items={outcome.closed}
        render={(c) => (
          <>
            <UnitName unit={c.unit} linked={linked} /> {count(c.unitsClosed)}
          </>
        )}
      />
      <OutcomeList
        title={t('reorg.outcome.lineage')}
        testId="reorg-lineage"
        // A transfer also links each moved unit to itself (a record that it took part): not lineage to show.
        items={outcome.lineage.filter((l) => l.predecessor.id !== l.successor.id)}
        render={(l) => (
          <span className="reorg-path">
            <UnitName unit={l.predecessor} linked={linked} /> <Arrow /> <UnitName unit={l.successor} linked={linked} />
          </span>
        )}
      />
      <section className="reorg-section" data-testid="reorg-impacts-section">
        <Typography.Title level={5} className="reorg-section-title">
          {t('reorg.outcome.impacts')}
        </Typography.Title>
        {outcome.impacts.length > 0 ? (
          <Counts testId="reorg-impacts" items={outcome.impacts.map((i) => ({ key: i.key, label: lang === 'en' ? i.labelEn : i.labelVi, value: i.count }))} />
        ) : (
          <Typography.Text type="secondary">{t('reorg.outcome.noImpacts')}</Typography.Text>
        )}
      </section>
    </div>
  );
}
