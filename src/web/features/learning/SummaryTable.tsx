import { Button } from 'antd';
import { SUMMARY_INDICATOR_LABELS, SUMMARY_INDICATORS, type LearningSummary, type LearningTally, type SummaryIndicator } from '../../../shared/learning';
import type { MessageKey } from '../../../shared/i18n';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { formatShare, indicatorLabel } from './learningLabels';
import type { OpenMembers } from './SummaryCharts';

/** A row of the table: all members ("total") or one unit directly under the chosen one. */
interface Row extends LearningTally {
  key: string;
  name: string;
  /** The unit whose members a number lists: a unit under the chosen one, or 'own' for the chosen one's own members. */
  unit?: { id: string; name: string };
  total: boolean;
}

/** Who a share counts: all members, the leaders, or those who owe a mandatory training. */
const denominator = (row: LearningTally, indicator: SummaryIndicator) => row[SUMMARY_INDICATOR_LABELS[indicator].of];

/** A share with the counts behind it: "50 %", "1/2", "chưa đạt 1"; each number opens its members. */
function ShareCell({ row, indicator, onOpen }: { row: Row; indicator: SummaryIndicator; onOpen: OpenMembers }) {
  const t = useT();
  const { lang } = useLang();
  const met = row.counts[indicator];
  const of = denominator(row, indicator);
  const share = row.shares[indicator];
  const open = (yes: boolean) => onOpen({ indicator, met: yes, unit: row.unit });
  return (
    <div className="share-cell" data-testid={`share-${indicator}`} data-value={share ?? ''}>
      <Button type="link" size="small" className="share-value" onClick={() => open(true)} disabled={of === 0} data-testid="share-met">
        {formatShare(lang, share)}
      </Button>
      {of > 0 && (
        <span className="share-counts">
          <Button type="link" size="small" className="share-count" onClick={() => open(true)} aria-label={t('learning.summary.metAria', { count: met })}>
            {formatNumber(lang, met)}
          </Button>
          /{formatNumber(lang, of)}
          {of - met > 0 && (
            <Button type="link" size="small" danger className="share-count" onClick={() => open(false)} data-testid="share-unmet">
              {t('learning.summary.unmet', { count: formatNumber(lang, of - met) })}
            </Button>
          )}
        </span>
      )}
    </div>
  );
}

const SHORT: Record<SummaryIndicator, MessageKey> = {
  planApproved: 'learning.short.planApproved',
  mandatoryDone: 'learning.short.mandatoryDone',
  leaderTrained: 'learning.short.leaderTrained',
  digitalTrained: 'learning.short.digitalTrained',
  itJoined: 'learning.short.itJoined',
  languageJoined: 'learning.short.languageJoined',
  languageCertified: 'learning.short.languageCertified',
};

/** The numbers of every unit directly under the chosen one, and of all (first row). */
export function SummaryTable({ summary, onOpen }: { summary: LearningSummary; onOpen: OpenMembers }) {
  const t = useT();
  const { lang } = useLang();
  const rows: Row[] = [
    { ...summary.total, key: 'total', name: t('learning.summary.allUnits', { name: summary.org.name }), total: true },
    ...(summary.units.length > 1 || summary.units[0]?.own === false
      ? summary.units.map((u) => ({
          ...u,
          key: u.own ? `own-${u.org.id}` : u.org.id,
          name: u.own ? t('learning.summary.ownMembers', { name: u.org.name }) : u.org.name,
          unit: u.own ? { id: 'own', name: u.org.name } : u.org,
          total: false,
        }))
      : []),
  ];
  const columns: ListColumn<Row>[] = [
    {
      key: 'name',
      title: t('learning.summary.unit'),
      card: 'title',
      render: (r) => <span className={r.total ? 'summary-total-name' : undefined}>{r.name}</span>,
    },
    {
      key: 'members',
      title: t('learning.summary.members'),
      card: 'subtitle',
      className: 'nowrap',
      render: (r) => (
        <span data-testid="summary-members">
          {t('learning.summary.membersCount', { members: formatNumber(lang, r.members), leaders: formatNumber(lang, r.leaders) })}
        </span>
      ),
    },
    ...SUMMARY_INDICATORS.map<ListColumn<Row>>((indicator) => ({
      key: indicator,
      title: t(SHORT[indicator]),
      render: (r) => <ShareCell row={r} indicator={indicator} onOpen={onOpen} />,
    })),
  ];
  return (
    <>
      <ResponsiveList
        testId="summary-table"
        items={rows}
        rowKey={(r) => r.key}
        columns={columns}
        loading={false}
        pagination={false}
        emptyText={t('learning.summary.empty')}
      />
      <ul className="summary-legend muted">
        {SUMMARY_INDICATORS.map((indicator) => (
          <li key={indicator}>
            <strong>{t(SHORT[indicator])}</strong>: {indicatorLabel(lang, indicator)} ({t(`learning.of.${SUMMARY_INDICATOR_LABELS[indicator].of}`)})
          </li>
        ))}
      </ul>
    </>
  );
}
