import { Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { LearningRecordView } from '../../../shared/learning';
import { formatDate } from '../../../shared/vn-text';
import { useLang, useT } from '../../app/i18n';
import type { ListColumn } from '../../components/ResponsiveList';
import { EvidenceList, EvidenceUpload } from './Evidence';
import { formatHours, kindLabel, recordDetail, STATUS_COLORS, statusLabel } from './learningLabels';

/** "04/05/2026 – 08/05/2026", or the end date alone. */
export function period(r: Pick<LearningRecordView, 'startsOn' | 'endsOn'>): string {
  return r.startsOn && r.startsOn !== r.endsOn ? `${formatDate(r.startsOn)} – ${formatDate(r.endsOn)}` : formatDate(r.endsOn);
}

/** The status as a coloured tag, with the reason of a rejection under it. */
export function RecordStatusTag({ record }: { record: LearningRecordView }) {
  const { lang } = useLang();
  const t = useT();
  return (
    <div className="record-status" data-testid="record-status" data-status={record.status}>
      <Tag color={STATUS_COLORS[record.status]} className="record-status-tag">
        {statusLabel(lang, record.status)}
      </Tag>
      {record.status === 'rejected' && record.rejectReason && (
        <div className="record-reject-reason" data-testid="record-reject-reason">
          {t('learning.status.reason', { reason: record.rejectReason })}
        </div>
      )}
    </div>
  );
}

/**
 * The columns of a list of records. `who`: show the member and unit (the review list) or not (my
 * records). `editable`: whether a row's evidence files can be added and removed from this list.
 */
export function useRecordColumns(opts: { who: boolean; editable: (r: LearningRecordView) => boolean; personLinks?: boolean }): ListColumn<LearningRecordView>[] {
  const t = useT();
  const { lang } = useLang();
  const dash = <span className="muted">{t('common.none')}</span>;
  const columns: ListColumn<LearningRecordView>[] = [];
  if (opts.who) {
    columns.push(
      {
        key: 'person',
        title: t('learning.col.person'),
        card: 'title',
        className: 'record-person-col',
        render: (r) =>
          opts.personLinks ? (
            <Link to={`/people/${encodeURIComponent(r.person.id)}`} className="person-link" data-testid="record-person">
              {r.person.fullName}
            </Link>
          ) : (
            <span data-testid="record-person">{r.person.fullName}</span>
          ),
      },
      { key: 'org', title: t('learning.col.unit'), card: 'subtitle', className: 'record-unit-col', render: (r) => r.org.name },
    );
  }
  columns.push(
    {
      key: 'title',
      title: t('learning.field.title'),
      card: opts.who ? 'fact' : 'title',
      render: (r) => {
        const detail = recordDetail(lang, r);
        return (
          <div className="record-title-cell">
            <span className="record-title" data-testid="record-title">
              {r.title}
            </span>
            <div className="record-detail">{[kindLabel(lang, r.kind), detail].filter(Boolean).join(' · ')}</div>
            {r.provider && <div className="record-provider">{r.provider}</div>}
          </div>
        );
      },
    },
    { key: 'period', title: t('learning.col.period'), render: (r) => <span className="record-period">{period(r)}</span> },
    {
      key: 'hours',
      title: t('learning.col.hoursResult'),
      render: (r) => (
        <div className="record-hours">
          <span className="nowrap">{r.hours === null ? dash : t('learning.hoursValue', { hours: formatHours(lang, r.hours) })}</span>
          {r.result && <div className="record-result">{r.result}</div>}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('learning.col.status'),
      render: (r) => <RecordStatusTag record={r} />,
    },
    {
      key: 'evidence',
      title: t('learning.col.evidence'),
      className: 'record-evidence-col',
      render: (r) => (
        <div className="record-evidence">
          <EvidenceList record={r} removable={opts.editable(r)} />
          {opts.editable(r) && <EvidenceUpload record={r} />}
        </div>
      ),
    },
  );
  return columns;
}

/** A short note beside an action a member cannot take on a verified record. */
export function VerifiedNote() {
  const t = useT();
  return (
    <Tooltip title={t('learning.mine.verifiedHelp')}>
      <span className="muted record-locked">{t('learning.mine.locked')}</span>
    </Tooltip>
  );
}
