import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Tabs, Timeline, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, CloseOutlined, FileWordOutlined, RollbackOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/vn-text';
import type { MessageKey } from '../../../shared/i18n';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/auth';
import { errorText, useShowError } from '../../app/errors';
import { formatNumber, pickText, useLang, useT } from '../../app/i18n';
import type { RegistrationEventView, TitleRegistrationDetail } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { FactsCard, type Fact } from '../../components/FactsCard';
import { Loading } from '../../components/Loading';
import { NotFound } from '../../components/NotFound';
import { PageHeading } from '../../components/PageHeading';
import { testId } from '../../components/testId';
import { AssessmentForm } from './AssessmentForm';
import type { RecordSource } from './EvidenceEditor';
import { citizenGroupLabel, outcomeName, RegistrationStateTag, stateLabel, titleName } from './titleLabels';
import { certificateHref, registrationDocumentPath, useCaseAct, useRegistration, useTitleDocument, type CaseAct } from './titlesApi';
import './titles.css';

const COMMENT_REQUIRED: readonly CaseAct[] = ['return', 'reject', 'withdraw'];
const ICONS: Record<CaseAct, ReactNode> = {
  submit: <SendOutlined />,
  accept: <CheckOutlined />,
  return: <RollbackOutlined />,
  reject: <CloseOutlined />,
  withdraw: <UndoOutlined />,
};

function ActModal({ detail, act, onClose }: { detail: TitleRegistrationDetail; act: CaseAct; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const run = useCaseAct();
  const [form] = Form.useForm<{ comment?: string }>();
  const required = COMMENT_REQUIRED.includes(act);
  const name = t(`titles.acts.${act}` as MessageKey);
  return (
    <Modal
      open
      title={t('titles.acts.confirmTitle', { act: name, name: detail.subject.name })}
      okText={name}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={run.isPending}
      okButtonProps={{ ...testId<ButtonProps>('title-act-ok'), danger: act === 'reject' || act === 'withdraw' }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>{t(`titles.acts.${act}Text` as MessageKey)}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="titleAct"
        onFinish={(values) =>
          run.mutate(
            { id: detail.registration.id, act, comment: values.comment?.trim() || null },
            {
              onSuccess: () => {
                void message.success(t('titles.acts.done'));
                onClose();
              },
              onError: (error) => showError(error, form, ['comment']),
            },
          )
        }
      >
        {act !== 'submit' && (
          <Form.Item
            name="comment"
            label={required ? t('titles.acts.reason') : t('titles.acts.comment')}
            rules={required ? [{ required: true, whitespace: true, message: t('form.required') }] : []}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="title-act-comment" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The acts the server says the viewer may do now, and the Word report. */
function ActsBar({ detail }: { detail: TitleRegistrationDetail }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [act, setAct] = useState<CaseAct | null>(null);
  const document = useTitleDocument();
  const acts: CaseAct[] = [
    ...(detail.can.submit ? (['submit'] as const) : []),
    ...(detail.can.review ? (['accept', 'return', 'reject'] as const) : []),
    ...(detail.can.withdraw ? (['withdraw'] as const) : []),
  ];
  return (
    <div className="title-acts" data-testid="title-acts">
      {acts.map((a) => (
        <Button
          key={a}
          type={a === 'submit' || a === 'accept' ? 'primary' : 'default'}
          danger={a === 'reject'}
          icon={ICONS[a]}
          onClick={() => setAct(a)}
          data-testid={`title-act-${a}`}
        >
          {t(`titles.acts.${a}` as MessageKey)}
        </Button>
      ))}
      {(detail.self || detail.review) && (
        <Button
          icon={<FileWordOutlined />}
          loading={document.isPending}
          onClick={() => document.mutate(registrationDocumentPath(detail.registration.id), { onError: (error) => void message.error(errorText(lang, error)) })}
          data-testid="title-document"
        >
          {t('titles.acts.document')}
        </Button>
      )}
      {act && <ActModal detail={detail} act={act} onClose={() => setAct(null)} />}
    </div>
  );
}

/**
 * An event's figures (recognition.service.ts): the headline of an assessment (total, max, band) or
 * (level), or what a decision recognised (number, signed on, outcome).
 */
function eventSummary(lang: 'vi' | 'en', summary: Record<string, unknown> | null): string {
  if (!summary) return '';
  const parts: string[] = [];
  if (typeof summary.number === 'string') parts.push(`${summary.number}${typeof summary.signedOn === 'string' ? ` (${formatDate(summary.signedOn)})` : ''}`);
  if (typeof summary.total === 'number') parts.push(`${formatNumber(lang, summary.total)}${typeof summary.max === 'number' ? `/${formatNumber(lang, summary.max)}` : ''}`);
  for (const key of ['band', 'level', 'outcome'] as const) {
    if (typeof summary[key] === 'string') parts.push(outcomeName(lang, summary[key]));
  }
  return parts.join(' · ');
}

function History({ events }: { events: RegistrationEventView[] }) {
  const t = useT();
  const { lang } = useLang();
  const actName = (act: string) => {
    const key = `titles.history.act.${act}` as MessageKey;
    const text = t(key);
    return text === key ? act : text;
  };
  return (
    <Card size="small" title={t('titles.history.title')} className="title-part" data-testid="title-history">
      {events.length === 0 ? (
        <span className="muted">{t('titles.history.empty')}</span>
      ) : (
        <Timeline
          items={events.map((e, i) => ({
            key: i,
            color: e.act === 'return' || e.act === 'reject' || e.act === 'revoke' ? 'red' : e.act === 'accept' || e.act === 'recognise' ? 'green' : 'blue',
            content: (
              <div className="title-history-item" data-testid="title-history-item" data-act={e.act}>
                <div className="title-history-head">
                  <strong>{actName(e.act)}</strong>
                  <span className="muted nowrap">{formatDateTime(e.createdAt)}</span>
                  {e.actorName && <span className="muted">{t('titles.history.by', { name: e.actorName })}</span>}
                  <span className="muted">→ {stateLabel(lang, e.stateAfter)}</span>
                </div>
                {eventSummary(lang, e.summary) && <div className="title-history-figures">{eventSummary(lang, e.summary)}</div>}
                {e.comment && <div className="title-history-comment">“{e.comment}”</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/**
 * /titles/registrations/:id: one case. Who and what, the criteria-set version it is assessed against
 * (name, source), where it stands and its history; the self-assessment and the review side by side
 * (the reviewer's adjustments beside the self values); the acts the server allows.
 */
export default function RegistrationPage() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const { id } = useParams();
  const query = useRegistration(id);
  const [tab, setTab] = useState<string | undefined>(undefined);

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFound />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const detail = query.data;
  const reg = detail.registration;
  const doc = detail.criteriaVersion?.document ?? null;
  // An organisation's own case belongs to itself: its name is already the subject's.
  const orgName = reg.subjectKind === 'org' ? '' : reg.orgName || detail.subject.orgName;
  const reviewing = detail.can.assessReview || detail.can.review || !!detail.review;
  const isMine = reg.subjectKind === 'person' && reg.title === 'LEARNING_CITIZEN' && !me.data?.permissions.includes('recognition.read');
  const back = isMine ? '/my-titles' : `/titles?orgId=${encodeURIComponent(reg.orgId)}&year=${reg.year}`;
  const records: RecordSource | undefined =
    reg.subjectKind === 'person' ? { mine: isMine, orgId: reg.orgId, year: reg.year, name: detail.subject.name, personId: detail.subject.id } : undefined;

  const facts: Fact[] = [
    { key: 'subject', label: t('titles.facts.subject'), value: <span data-testid="title-subject">{detail.subject.name}</span> },
    ...(orgName ? [{ key: 'org', label: t('titles.facts.org'), value: orgName }] : []),
    ...(reg.citizenGroup ? [{ key: 'group', label: t('titles.facts.group'), value: citizenGroupLabel(lang, reg.citizenGroup) }] : []),
    { key: 'state', label: t('titles.facts.state'), value: <RegistrationStateTag state={reg.state} testId="title-page-state" /> },
    ...(doc
      ? [
          {
            key: 'set',
            label: t('titles.facts.set'),
            value: (
              <span data-testid="title-set">
                {detail.criteriaVersion?.setId ? <Link to={`/criteria-sets/${encodeURIComponent(detail.criteriaVersion.setId)}`}>{pickText(lang, doc.name)}</Link> : pickText(lang, doc.name)}{' '}
                <span className="muted">· {t('titles.facts.version', { no: detail.criteriaVersion?.no ?? '' })}</span>
              </span>
            ),
          },
          {
            key: 'source',
            label: t('titles.facts.source'),
            value: (
              <span data-testid="title-source">
                {doc.source.url ? (
                  <a href={doc.source.url} target="_blank" rel="noopener noreferrer nofollow">
                    {doc.source.document}
                  </a>
                ) : (
                  doc.source.document
                )}
                {doc.source.issuer ? ` · ${doc.source.issuer}` : ''}
                {doc.source.issuedOn ? ` · ${formatDate(doc.source.issuedOn)}` : ''}
              </span>
            ),
          },
        ]
      : []),
    ...(reg.reviewComment ? [{ key: 'review', label: t('titles.facts.reviewComment'), value: <span data-testid="title-review-comment">“{reg.reviewComment}”</span> }] : []),
    ...(detail.recognition
      ? [
          {
            key: 'recognition',
            label: t('titles.facts.recognition'),
            value: (
              <span className="title-recognition-fact" data-testid="title-recognition">
                {detail.recognition.outcome && <strong>{outcomeName(lang, detail.recognition.outcome)}</strong>}{' '}
                {detail.recognition.revokedAt
                  ? t('titles.facts.revoked', { date: formatDate(detail.recognition.revokedAt) })
                  : detail.recognition.validUntil
                    ? t('titles.facts.validUntil', { date: formatDate(detail.recognition.validUntil) })
                    : stateLabel(lang, 'recognised')}{' '}
                <a href={certificateHref(detail.recognition.id)} target="_blank" rel="noopener noreferrer" data-testid="title-certificate">
                  {t('titles.mine.certificate')}
                </a>
              </span>
            ),
          },
        ]
      : []),
  ];

  const partial = doc?.source.status === 'partial' || doc?.criteria.some((c) => c.indicators.some((i) => i.incomplete));
  const versionId = detail.criteriaVersion?.id ?? '';
  const selfForm = doc && (
    <AssessmentForm
      key={`self-${versionId}`}
      registrationId={reg.id}
      stage="self"
      doc={doc}
      criteriaVersionId={versionId}
      saved={detail.self}
      selfAssessment={null}
      derived={detail.derived}
      attributes={detail.subject.attributes}
      editable={detail.can.assess}
      records={records}
    />
  );
  const reviewForm = doc && (
    <AssessmentForm
      key={`review-${versionId}`}
      registrationId={reg.id}
      stage="review"
      doc={doc}
      criteriaVersionId={versionId}
      saved={detail.review}
      selfAssessment={detail.self}
      derived={detail.derived}
      attributes={detail.self?.attributes ?? detail.subject.attributes}
      editable={detail.can.assessReview}
      records={records}
    />
  );

  return (
    <div className="page title-page" data-testid="title-page" data-state={reg.state}>
      <Link to={back} className="back-link" data-testid="title-back">
        <ArrowLeftOutlined /> {isMine ? t('nav.myTitles') : t('titles.page.back')}
      </Link>
      <PageHeading
        title={t('titles.page.title', { title: titleName(lang, reg.title), year: reg.year })}
        subtitle={
          <span className="title-heading-sub">
            <RegistrationStateTag state={reg.state} testId="title-heading-state" />
            <strong>{detail.subject.name}</strong>
            {orgName && <span className="muted">{orgName}</span>}
          </span>
        }
      />
      {reg.state === 'returned' && reg.reviewComment && (
        <Alert type="warning" showIcon title={t('titles.facts.reviewComment')} description={reg.reviewComment} className="title-part" data-testid="title-returned" />
      )}
      <ActsBar detail={detail} />
      <div className="title-layout">
        <div className="title-main">
          {!doc ? (
            <Alert type="warning" showIcon title={t('titles.facts.noSet')} data-testid="title-no-set" />
          ) : (
            <>
              {partial && <Alert type="warning" showIcon title={t('titles.facts.partial')} className="title-part" data-testid="title-partial" />}
              {reviewing ? (
                <Tabs
                  activeKey={tab ?? (detail.can.assessReview || detail.can.review ? 'review' : 'self')}
                  onChange={setTab}
                  items={[
                    { key: 'self', label: <span data-testid="title-tab-self">{t('titles.assess.self')}</span>, children: selfForm },
                    { key: 'review', label: <span data-testid="title-tab-review">{t('titles.assess.review')}</span>, children: reviewForm },
                  ]}
                />
              ) : (
                selfForm
              )}
            </>
          )}
        </div>
        <div className="title-facts-area">
          <FactsCard title={t('titles.facts.title')} facts={facts} testId="title-facts" />
        </div>
        <div className="title-history-area">
          <History events={detail.events} />
        </div>
      </div>
    </div>
  );
}
