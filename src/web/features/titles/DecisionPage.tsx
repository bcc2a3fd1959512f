import { useState } from 'react';
import { App, Button, Card, Form, Space, Tag } from 'antd';
import type { ButtonProps } from 'antd';
import { ArrowLeftOutlined, EditOutlined, FileWordOutlined, SafetyCertificateOutlined, SaveOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/vn-text';
import { isApiError } from '../../app/api';
import { hasPermission, useMe } from '../../app/auth';
import { errorText, useShowError } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { DecisionEntryView } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { FactsCard, type Fact } from '../../components/FactsCard';
import { Loading } from '../../components/Loading';
import { NotFound } from '../../components/NotFound';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { testId } from '../../components/testId';
import { DecisionFields, decisionBody, DECISION_FIELDS, dateValue, type DecisionValues } from './DecisionForm';
import { RecognitionActions, RecognitionStatusTag } from './DecisionsPage';
import { HeadlineTag, outcomeName, titleName } from './titleLabels';
import { decisionDocumentPath, useDecision, useIssueDecision, useTitleDocument, useUpdateDecision } from './titlesApi';
import './titles.css';

/**
 * /titles/decisions/:id: one recognition decision. A draft's number, date, signer and issuing body
 * are edited, then it is issued (confirmed; frozen afterwards); the annexed list shows the cases it
 * recognises (a draft) or the recognitions with their certificates (issued).
 */
export default function DecisionPage() {
  const t = useT();
  const { lang } = useLang();
  const { modal, message } = App.useApp();
  const me = useMe();
  const { id } = useParams();
  const query = useDecision(id);
  const update = useUpdateDecision();
  const issue = useIssueDecision();
  const document = useTitleDocument();
  const showError = useShowError();
  const [form] = Form.useForm<DecisionValues>();
  const [editing, setEditing] = useState(false);
  const today = new Date().toISOString().slice(0, 10);

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) return <NotFound />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const d = query.data;
  const canDecide = hasPermission(me.data, 'recognition.decide');
  const draft = d.state === 'draft';
  const count = d.entries.length;

  const confirmIssue = () =>
    modal.confirm({
      title: t('titles.decision.issueTitle', { number: d.number ?? '' }),
      content: t('titles.decision.issueText', { count: formatNumber(lang, count) }),
      okText: t('titles.decision.issue'),
      cancelText: t('common.cancel'),
      okButtonProps: testId<ButtonProps>('decision-issue-ok'),
      onOk: () =>
        issue.mutateAsync(d.id).then(
          () => void message.success(t('titles.decision.issued')),
          (error: unknown) => void message.error(errorText(lang, error)),
        ),
    });

  const facts: Fact[] = [
    { key: 'body', label: t('titles.decision.issuingBody'), value: d.issuingBody },
    { key: 'number', label: t('titles.decision.number'), value: <span data-testid="decision-number-value">{d.number ?? t('titles.decisions.noNumber')}</span> },
    { key: 'signedOn', label: t('titles.decision.signedOn'), value: d.signedOn ? formatDate(d.signedOn) : '—' },
    { key: 'signer', label: t('titles.decision.signerName'), value: [d.signerPosition, d.signerName].filter(Boolean).join(' ') || '—' },
    ...(d.orgName ? [{ key: 'org', label: t('titles.decision.org'), value: d.orgName }] : []),
    {
      key: 'state',
      label: t('titles.decisions.col.state'),
      value: (
        <Tag color={draft ? 'blue' : 'green'} data-testid="decision-state" data-state={d.state}>
          {t(`titles.decisions.state.${d.state}`)}
          {d.issuedAt ? ` · ${formatDateTime(d.issuedAt)}` : ''}
        </Tag>
      ),
    },
  ];

  const entryColumns: ListColumn<DecisionEntryView>[] = [
    {
      key: 'subject',
      title: t('titles.list.col.subject'),
      card: 'title',
      render: (r) => <Link to={`/titles/registrations/${encodeURIComponent(r.registrationId)}`}>{r.subjectName}</Link>,
    },
    { key: 'unit', title: t('titles.list.col.unit'), card: 'subtitle', className: 'nowrap', render: (r) => r.orgName },
    draft
      ? { key: 'review', title: t('titles.list.col.review'), render: (r) => <HeadlineTag headline={r.result} testId="decision-annex-result" /> }
      : { key: 'outcome', title: t('titles.recognitions.col.outcome'), className: 'nowrap', render: (r) => outcomeName(lang, r.outcome) },
    ...(draft
      ? []
      : [
          {
            key: 'valid',
            title: t('titles.recognitions.col.valid'),
            className: 'nowrap',
            render: (r: DecisionEntryView) =>
              r.validFrom ? t('titles.recognitions.validRange', { from: formatDate(r.validFrom), to: r.validUntil ? formatDate(r.validUntil) : t('titles.recognitions.noEnd') }) : '—',
          },
          {
            key: 'status',
            title: t('titles.recognitions.col.status'),
            render: (r: DecisionEntryView) => <RecognitionStatusTag status={r.revokedAt ? 'revoked' : r.validUntil && r.validUntil < today ? 'expired' : 'valid'} />,
          },
        ]),
  ];

  return (
    <div className="page title-decision-page" data-testid="title-decision-page" data-state={d.state}>
      <Link to={`/titles/decisions?orgId=${encodeURIComponent(d.orgId)}&year=${d.year}`} className="back-link">
        <ArrowLeftOutlined /> {t('titles.decision.back')}
      </Link>
      <PageHeading
        title={t('titles.decision.heading', { title: titleName(lang, d.title), year: d.year })}
        action={
          <Space wrap>
            {draft && canDecide && !editing && (
              <Button
                icon={<EditOutlined />}
                onClick={() => {
                  form.setFieldsValue({
                    issuingBody: d.issuingBody,
                    number: d.number ?? undefined,
                    signedOn: dateValue(d.signedOn),
                    signerName: d.signerName ?? undefined,
                    signerPosition: d.signerPosition ?? undefined,
                  });
                  setEditing(true);
                }}
                data-testid="decision-edit"
              >
                {t('titles.decision.edit')}
              </Button>
            )}
            {draft && canDecide && (
              <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={confirmIssue} loading={issue.isPending} data-testid="decision-issue">
                {t('titles.decision.issue')}
              </Button>
            )}
            <Button
              icon={<FileWordOutlined />}
              loading={document.isPending}
              onClick={() => document.mutate(decisionDocumentPath(d.id), { onError: (error) => void message.error(errorText(lang, error)) })}
              data-testid="decision-document"
            >
              {t('titles.decision.document')}
            </Button>
          </Space>
        }
      />
      {editing ? (
        <Card size="small" className="title-part">
          <Form<DecisionValues>
            form={form}
            layout="vertical"
            name="decisionEdit"
            className="title-decision-form"
            onFinish={(values) =>
              update.mutate(
                { id: d.id, body: decisionBody(values) },
                {
                  onSuccess: () => {
                    void message.success(t('titles.decision.saved'));
                    setEditing(false);
                  },
                  onError: (error) => showError(error, form, DECISION_FIELDS),
                },
              )
            }
          >
            <DecisionFields form={form} creating={false} />
            <Space>
              <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={update.isPending} data-testid="decision-save">
                {t('common.save')}
              </Button>
              <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
            </Space>
          </Form>
        </Card>
      ) : (
        <div className="title-part">
          <FactsCard title={t('titles.decisions.title')} facts={facts} testId="decision-facts" />
        </div>
      )}
      {draft && !editing && canDecide && (!d.number || !d.signedOn || !d.signerName) && <div className="muted small-note title-part">{t('titles.decision.issueNeeds')}</div>}
      <Card size="small" title={`${t('titles.decision.annex')} (${formatNumber(lang, count)})`} data-testid="decision-annex">
        <ResponsiveList
          testId="decision-annex-list"
          items={d.entries}
          rowKey={(r) => r.id}
          columns={entryColumns}
          loading={false}
          pagination={{ pageSize: 50 }}
          emptyText={draft ? t('titles.decision.noReviewed') : t('titles.recognitions.empty')}
          {...(draft
            ? {}
            : {
                actionsTitle: t('common.actions'),
                actions: (r: DecisionEntryView) =>
                  r.recognitionId && r.certificateCode ? (
                    <RecognitionActions r={{ id: r.recognitionId, certificateCode: r.certificateCode, revokedAt: r.revokedAt }} canRevoke={false} onRevoke={() => undefined} />
                  ) : null,
              })}
        />
      </Card>
    </div>
  );
}
