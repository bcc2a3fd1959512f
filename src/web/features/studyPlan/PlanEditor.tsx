import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input } from 'antd';
import { PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import type { PlanView } from '../../../shared/studyPlan';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { newLine, showPlanFieldError, toContentBody, toFormValues, type PlanFormValues } from './planForm';
import { PlanLineFields } from './PlanLineFields';
import { usePlanAct, useSavePlan } from './studyPlanApi';

const TEXT_PARTS = ['selfAssessment', 'goals', 'conditions', 'commitment'];
/** Line fields the editor shows (a server error naming one goes under it). */
const LINE_FIELDS = ['content', 'need', 'method', 'provider', 'fromMonth', 'toMonth', 'expectedResult', 'hours', 'lineType', 'expectedEvidence', 'note'];

/**
 * The owner's editor of a plan in draft or returned: parts II–VI with the lines (IV) as cards,
 * Save, and Submit (which saves first and needs the commitment ticked).
 */
export function PlanEditor({ plan }: { plan: PlanView }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const save = useSavePlan();
  const act = usePlanAct();
  const [formError, setFormError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const busy = save.isPending || act.isPending;
  const canSubmit = plan.acts.includes('submit');

  /** An error under its field, or above the buttons. */
  const showError = (error: unknown) => {
    const values = form.getFieldsValue(true) as PlanFormValues;
    const shown = (name: (string | number)[]) =>
      (name.length === 1 && TEXT_PARTS.includes(String(name[0]))) ||
      (name.length === 3 && name[0] === 'lines' && typeof name[1] === 'number' && name[1] < (values.lines?.length ?? 0) && LINE_FIELDS.includes(String(name[2])));
    if (!showPlanFieldError(lang, error, form, shown)) setFormError(error);
  };

  /** Validates (all fields but the commitment box, or all of them to submit) and saves. */
  const validateAndSave = async (submitting: boolean) => {
    setFormError(null);
    try {
      await form.validateFields();
    } catch {
      void message.error(t('studyPlan.invalid'));
      return null;
    }
    const values = form.getFieldsValue(true) as PlanFormValues;
    if (submitting && !values.commitmentConfirmed) {
      form.setFields([{ name: 'commitmentConfirmed', errors: [t('studyPlan.commitment.required')] }]);
      return null;
    }
    try {
      const saved = await save.mutateAsync({ id: plan.id, content: toContentBody(values) });
      // New lines now have their ids: keep them, so the next save changes the same lines.
      form.setFieldsValue({ ...toFormValues(saved.content), commitmentConfirmed: values.commitmentConfirmed });
      setDirty(false);
      return saved;
    } catch (error) {
      showError(error);
      return null;
    }
  };

  const onSave = async () => {
    if (await validateAndSave(false)) void message.success(t('studyPlan.saved'));
  };

  const onSubmit = async () => {
    const saved = await validateAndSave(true);
    if (!saved) return;
    act.mutate(
      { id: plan.id, act: 'submit' },
      { onSuccess: () => void message.success(t('studyPlan.done.submit')), onError: showError },
    );
  };

  return (
    <Form<PlanFormValues>
      form={form}
      name="plan"
      layout="vertical"
      initialValues={toFormValues(plan.content)}
      onValuesChange={() => setDirty(true)}
      className="plan-editor"
      data-testid="plan-editor"
      disabled={busy}
    >
      <Card size="small" className="plan-part" title={t('studyPlan.part.selfAssessment')}>
        <Form.Item name="selfAssessment" extra={t('studyPlan.part.selfAssessmentHelp')} className="plan-part-item">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={3000} aria-label={t('studyPlan.part.selfAssessment')} data-testid="plan-self-assessment" />
        </Form.Item>
      </Card>
      <Card size="small" className="plan-part" title={t('studyPlan.part.goals')}>
        <Form.Item name="goals" extra={t('studyPlan.part.goalsHelp')} className="plan-part-item">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={3000} aria-label={t('studyPlan.part.goals')} data-testid="plan-goals" />
        </Form.Item>
      </Card>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <Card
            size="small"
            className="plan-part"
            title={t('studyPlan.part.lines')}
            data-testid="plan-lines-editor"
          >
            {fields.length === 0 && <p className="muted plan-lines-none">{t('studyPlan.line.none')}</p>}
            <div className="plan-line-list">
              {fields.map((field, index) => (
                <PlanLineFields key={field.key} name={field.name} index={index} onRemove={() => remove(field.name)} />
              ))}
            </div>
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newLine(plan.year))} className="plan-line-add" data-testid="plan-line-add">
              {t('studyPlan.line.add')}
            </Button>
          </Card>
        )}
      </Form.List>
      <Card size="small" className="plan-part" title={t('studyPlan.part.conditions')}>
        <Form.Item name="conditions" extra={t('studyPlan.part.conditionsHelp')} className="plan-part-item">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} aria-label={t('studyPlan.part.conditions')} data-testid="plan-conditions" />
        </Form.Item>
      </Card>
      <Card size="small" className="plan-part" title={t('studyPlan.part.commitment')}>
        <Form.Item name="commitment" rules={[{ required: true, whitespace: true, message: t('form.required') }]} className="plan-part-item">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} aria-label={t('studyPlan.part.commitment')} data-testid="plan-commitment" />
        </Form.Item>
        {canSubmit && (
          <Form.Item name="commitmentConfirmed" valuePropName="checked" className="plan-commit-check">
            <Checkbox data-testid="plan-commitment-confirm" onChange={() => form.setFields([{ name: 'commitmentConfirmed', errors: [] }])}>
              {t('studyPlan.commitment.confirm')}
            </Checkbox>
          </Form.Item>
        )}
      </Card>
      {formError !== null && <Alert type="error" showIcon className="plan-form-error" title={errorText(lang, formError)} data-testid="plan-form-error" />}
      <div className="plan-editor-bar">
        {dirty && <span className="muted plan-dirty">{t('studyPlan.unsaved')}</span>}
        <span className="plan-editor-bar-spacer" />
        <Button icon={<SaveOutlined />} onClick={() => void onSave()} loading={save.isPending && !act.isPending} data-testid="plan-save">
          {t('common.save')}
        </Button>
        {canSubmit && (
          <Button type="primary" icon={<SendOutlined />} onClick={() => void onSubmit()} loading={act.isPending} data-testid="plan-submit">
            {t('studyPlan.act.submit')}
          </Button>
        )}
      </div>
    </Form>
  );
}
