import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Grid, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { formatDate } from '../../../shared/vn-text';
import { SELF_ASSESSMENTS, type PlanLine, type PlanReport, type PlanView } from '../../../shared/studyPlan';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { requiredChoiceRule } from '../../components/formRules';
import { assessmentLabel, codeOptions } from './planLabels';
import { showPlanFieldError, toReportBody, toReportValues, type ReportFormValues } from './planForm';
import { usePlanAct, useSaveReport } from './studyPlanApi';

const REPORT_LINE_FIELDS = ['result', 'percent', 'evidence', 'assessment'];

/** The owner's year-end report on an approved plan: per line result, %, evidence, self-assessment. */
export function PlanReportForm({ plan }: { plan: PlanView }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFormValues>();
  const save = useSaveReport();
  const act = usePlanAct();
  const [formError, setFormError] = useState<unknown>(null);
  const canSend = plan.acts.includes('report');
  const deadline = plan.learningYear?.reportDeadline;

  const showError = (error: unknown) => {
    const shown = (name: (string | number)[]) =>
      (name.length === 1 && ['assessment', 'comment'].includes(String(name[0]))) ||
      (name.length === 3 && name[0] === 'lines' && typeof name[1] === 'number' && REPORT_LINE_FIELDS.includes(String(name[2])));
    if (!showPlanFieldError(lang, error, form, shown)) setFormError(error);
  };

  const validateAndSave = async () => {
    setFormError(null);
    try {
      await form.validateFields();
    } catch {
      void message.error(t('studyPlan.invalid'));
      return null;
    }
    try {
      return await save.mutateAsync({ id: plan.id, report: toReportBody(form.getFieldsValue(true) as ReportFormValues) });
    } catch (error) {
      showError(error);
      return null;
    }
  };

  const onSave = async () => {
    if (await validateAndSave()) void message.success(t('studyPlan.report.saved'));
  };
  const onSend = async () => {
    if (!(await validateAndSave())) return;
    act.mutate({ id: plan.id, act: 'report' }, { onSuccess: () => void message.success(t('studyPlan.done.report')), onError: showError });
  };

  const assessments = codeOptions(lang, SELF_ASSESSMENTS);
  return (
    <Card size="small" className="plan-part plan-report" title={t('studyPlan.report.title')} data-testid="plan-report-form">
      <Typography.Paragraph className="muted">
        {deadline ? t('studyPlan.report.intro', { date: formatDate(deadline) }) : t('studyPlan.report.introNoDate')}
      </Typography.Paragraph>
      <Form<ReportFormValues> form={form} name="report" layout="vertical" initialValues={toReportValues(plan.content, plan.report)} disabled={save.isPending || act.isPending}>
        <Form.List name="lines">
          {(fields) => (
            <div className="plan-line-list">
              {fields.map((field, i) => {
                const line = plan.content.lines[i];
                return (
                  <div key={field.key} className="plan-report-line" data-testid="report-line">
                    <div className="plan-report-line-title">
                      <span className="plan-line-no">{i + 1}.</span> {line?.content}
                    </div>
                    <Form.Item name={[field.name, 'lineId']} hidden>
                      <Input />
                    </Form.Item>
                    <Row gutter={12}>
                      <Col xs={24} md={12}>
                        <Form.Item name={[field.name, 'result']} label={t('studyPlan.report.result')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="report-result" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={12}>
                        <Form.Item name={[field.name, 'evidence']} label={t('studyPlan.report.evidence')}>
                          <Input maxLength={500} data-testid="report-evidence" />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={6}>
                        <Form.Item name={[field.name, 'percent']} label={t('studyPlan.report.percent')} rules={[requiredChoiceRule(t)]}>
                          <InputNumber min={0} max={100} precision={0} className="full-width" data-testid="report-percent" />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={8}>
                        <Form.Item name={[field.name, 'assessment']} label={t('studyPlan.report.assessment')} rules={[requiredChoiceRule(t)]}>
                          <Select options={assessments} data-testid="report-assessment" popupMatchSelectWidth={false} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </div>
                );
              })}
            </div>
          )}
        </Form.List>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="assessment" label={t('studyPlan.report.overall')} rules={[requiredChoiceRule(t)]}>
              <Select options={assessments} data-testid="report-overall" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="comment" label={t('studyPlan.report.comment')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} data-testid="report-comment" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {formError !== null && <Alert type="error" showIcon className="plan-form-error" title={errorText(lang, formError)} data-testid="plan-form-error" />}
      <div className="plan-editor-bar">
        <span className="plan-editor-bar-spacer" />
        <Button icon={<SaveOutlined />} onClick={() => void onSave()} loading={save.isPending && !act.isPending} data-testid="report-save">
          {t('studyPlan.report.save')}
        </Button>
        {canSend && (
          <Button type="primary" icon={<SendOutlined />} onClick={() => void onSend()} loading={act.isPending} data-testid="report-send">
            {t('studyPlan.act.report')}
          </Button>
        )}
      </div>
    </Card>
  );
}

type ReportRow = { line: PlanLine; entry: PlanReport['lines'][number] | undefined };

/** A sent (or returned) year-end report, read-only. */
export function PlanReportView({ plan }: { plan: PlanView }) {
  const t = useT();
  const { lang } = useLang();
  const screens = Grid.useBreakpoint();
  const report = plan.report;
  if (!report) return null;
  const rows: ReportRow[] = plan.content.lines.map((line) => ({ line, entry: report.lines.find((r) => r.lineId === line.id) }));
  const dash = <span className="muted">{t('common.none')}</span>;
  const result = (r: ReportRow) => (r.entry?.result ? r.entry.result : <span className="muted">{t('studyPlan.report.missing')}</span>);
  const columns: TableColumnsType<ReportRow> = [
    { key: 'no', title: t('studyPlan.line.no'), width: 44, render: (_v, _r, i) => i + 1 },
    { key: 'content', title: t('studyPlan.line.content'), render: (_v, r) => r.line.content },
    { key: 'result', title: t('studyPlan.report.result'), render: (_v, r) => result(r) },
    { key: 'percent', title: t('studyPlan.report.percent'), width: 100, align: 'right', render: (_v, r) => (r.entry ? `${r.entry.percent}%` : dash) },
    { key: 'evidence', title: t('studyPlan.report.evidence'), render: (_v, r) => r.entry?.evidence ?? dash },
    { key: 'assessment', title: t('studyPlan.report.assessment'), width: 150, render: (_v, r) => assessmentLabel(lang, r.entry?.assessment) || dash },
  ];
  return (
    <Card size="small" className="plan-part plan-report" title={t('studyPlan.report.title')} data-testid="plan-report">
      {screens.md ? (
        <Table<ReportRow> rowKey={(r) => r.line.id} size="small" columns={columns} dataSource={rows} pagination={false} />
      ) : (
        <div className="plan-line-cards">
          {rows.map((r, i) => (
            <div key={r.line.id} className="plan-line-view">
              <div className="plan-line-view-head">
                <span className="plan-line-no">{i + 1}.</span>
                <span>{r.line.content}</span>
              </div>
              <dl className="plan-line-facts">
                <div className="plan-line-fact-wide">
                  <dt>{t('studyPlan.report.result')}</dt>
                  <dd>{result(r)}</dd>
                </div>
                <div>
                  <dt>{t('studyPlan.report.percent')}</dt>
                  <dd>{r.entry ? `${r.entry.percent}%` : dash}</dd>
                </div>
                <div>
                  <dt>{t('studyPlan.report.assessment')}</dt>
                  <dd>{assessmentLabel(lang, r.entry?.assessment) || dash}</dd>
                </div>
                <div className="plan-line-fact-wide">
                  <dt>{t('studyPlan.report.evidence')}</dt>
                  <dd>{r.entry?.evidence ?? dash}</dd>
                </div>
              </dl>
            </div>
          ))}
        </div>
      )}
      <dl className="plan-report-overall">
        <div>
          <dt>{t('studyPlan.report.overall')}</dt>
          <dd data-testid="plan-report-assessment">{assessmentLabel(lang, report.assessment)}</dd>
        </div>
        {report.comment && (
          <div>
            <dt>{t('studyPlan.report.comment')}</dt>
            <dd className="plan-text">{report.comment}</dd>
          </div>
        )}
      </dl>
    </Card>
  );
}
