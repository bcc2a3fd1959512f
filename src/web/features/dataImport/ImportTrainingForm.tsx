import { Card, Col, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { FormInstance, FormRule } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { IT_STANDARDS, LANGUAGE_LEVELS, RECORD_KINDS, type RecordKind } from '../../../shared/learning';
import type { Lang } from '../../../shared/i18n';
import { formatNumber, pickText, useLang, useT, type Translate } from '../../app/i18n';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/dates';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { useMandatoryTrainings, type ImportTraining } from './importApi';

/** The training as the form holds it (under `training`, so that the server's "training.title" names its field). */
export interface TrainingFormValues {
  training: {
    kind?: RecordKind;
    mandatoryTrainingId?: string | null;
    title?: string;
    provider?: string | null;
    startsOn?: Dayjs | null;
    endsOn?: Dayjs | null;
    hours?: number | null;
    itStandard?: string | null;
    language?: string | null;
    languageLevel?: string | null;
  };
}

/** The fields the server may name in a refusal ("training.endsOn"…). */
export const TRAINING_FIELDS = ['kind', 'mandatoryTrainingId', 'title', 'provider', 'startsOn', 'endsOn', 'hours', 'itStandard', 'language', 'languageLevel'].map((f) => `training.${f}`);

const toDay = (iso: string | null | undefined) => (iso ? dayjs(iso, API_DATE_FORMAT) : null);

/** The form's values for a training already sent (a remapping), else a course. */
export function trainingFormValues(training: ImportTraining | undefined): TrainingFormValues {
  if (!training) return { training: { kind: 'course' } };
  return {
    training: {
      ...training,
      kind: training.kind as RecordKind,
      startsOn: toDay(training.startsOn),
      endsOn: toDay(training.endsOn),
    },
  };
}

/** The training to send, from the form's values. */
export function trainingOf(values: TrainingFormValues): ImportTraining {
  const v = values.training;
  return {
    kind: v.kind ?? '',
    title: v.title?.trim() ?? '',
    provider: v.provider?.trim() || null,
    startsOn: v.startsOn ? v.startsOn.format(API_DATE_FORMAT) : null,
    endsOn: v.endsOn ? v.endsOn.format(API_DATE_FORMAT) : '',
    hours: v.hours ?? null,
    mandatoryTrainingId: v.mandatoryTrainingId || null,
    itStandard: v.kind === 'it_skill' ? v.itStandard || null : null,
    language: v.kind === 'foreign_language' ? v.language?.trim() || null : null,
    languageLevel: v.kind === 'foreign_language' ? v.languageLevel || null : null,
  };
}

const levelLabel = (t: Translate, level: string) => (/\d/.test(level) ? t('import.training.level', { level }) : t('import.training.levelOld', { level }));
const kindOptions = (lang: Lang) => Object.entries(RECORD_KINDS).map(([value, label]) => ({ value, label: pickText(lang, label) }));

/**
 * Step 2 of an attendance list: the training every member listed attended (kind, title, provider,
 * dates, hours, the mandatory training it counts for), sent with the column mapping.
 */
export function ImportTrainingForm({ form, orgId, initial }: { form: FormInstance<TrainingFormValues>; orgId: string; initial: TrainingFormValues }) {
  const t = useT();
  const { lang } = useLang();
  const kind = Form.useWatch(['training', 'kind'], form) as RecordKind | undefined;
  const catalogue = useMandatoryTrainings(orgId);

  const endsAfterStart: FormRule = ({ getFieldValue }) => ({
    validator: (_rule, value: Dayjs | null) => {
      const start = getFieldValue(['training', 'startsOn']) as Dayjs | null;
      return !value || !start || !start.isAfter(value, 'day') ? Promise.resolve() : Promise.reject(new Error(t('import.training.endsBeforeStart')));
    },
  });

  return (
    <Card className="import-card" size="small" title={t('import.training.title')} data-testid="import-training">
      <Typography.Paragraph type="secondary">{t('import.training.help')}</Typography.Paragraph>
      <Form<TrainingFormValues> form={form} layout="vertical" name="importTraining" initialValues={initial} requiredMark>
        <Row gutter={[12, 0]}>
          <Col xs={24} md={12}>
            <Form.Item name={['training', 'kind']} label={t('import.training.kind')} rules={[requiredChoiceRule(t)]}>
              <Select options={kindOptions(lang)} popupMatchSelectWidth={false} data-testid="import-training-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['training', 'mandatoryTrainingId']} label={t('import.training.mandatory')}>
              <Select
                allowClear
                loading={catalogue.isFetching}
                placeholder={t('import.training.mandatoryPlaceholder')}
                popupMatchSelectWidth={false}
                data-testid="import-training-mandatory"
                options={(catalogue.data ?? []).map((e) => ({
                  value: e.id,
                  label: e.hoursPerYear > 0 ? t('import.training.mandatoryOption', { title: e.title, hours: formatNumber(lang, e.hoursPerYear) }) : e.title,
                }))}
                onChange={(id: string | undefined) => {
                  const entry = catalogue.data?.find((e) => e.id === id);
                  if (!entry) return;
                  form.setFieldValue(['training', 'kind'], entry.kind);
                  if (!form.getFieldValue(['training', 'title'])) form.setFieldValue(['training', 'title'], entry.title);
                }}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name={['training', 'title']} label={t('import.training.name')} rules={[requiredRule(t)]}>
              <Input maxLength={500} placeholder={t('import.training.namePlaceholder')} data-testid="import-training-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['training', 'provider']} label={t('import.training.provider')}>
              <Input maxLength={300} data-testid="import-training-provider" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['training', 'startsOn']} label={t('import.training.startsOn')}>
              <DatePicker format={DATE_FORMAT} className="full-width" data-testid="import-training-starts" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['training', 'endsOn']} label={t('import.training.endsOn')} dependencies={[['training', 'startsOn']]} rules={[requiredChoiceRule(t), endsAfterStart]}>
              <DatePicker format={DATE_FORMAT} className="full-width" data-testid="import-training-ends" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name={['training', 'hours']} label={t('import.training.hours')} extra={t('import.training.hoursHelp')}>
              <InputNumber min={0} max={5000} step={0.5} className="full-width" data-testid="import-training-hours" />
            </Form.Item>
          </Col>
          {kind === 'it_skill' && (
            <Col xs={24} md={18}>
              <Form.Item name={['training', 'itStandard']} label={t('import.training.itStandard')}>
                <Radio.Group options={Object.entries(IT_STANDARDS).map(([value, label]) => ({ value, label: pickText(lang, label) }))} />
              </Form.Item>
            </Col>
          )}
          {kind === 'foreign_language' && (
            <>
              <Col xs={24} sm={12} md={9}>
                <Form.Item name={['training', 'language']} label={t('import.training.language')} rules={[requiredRule(t)]}>
                  <Input maxLength={100} placeholder="Tiếng Anh" data-testid="import-training-language" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} md={9}>
                <Form.Item name={['training', 'languageLevel']} label={t('import.training.languageLevel')}>
                  <Select allowClear options={LANGUAGE_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) }))} />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
    </Card>
  );
}

/** The training of a checked or imported attendance list, as facts. */
export function ImportTrainingFacts({ training }: { training: ImportTraining }) {
  const t = useT();
  const { lang } = useLang();
  const day = (iso: string | null | undefined) => (iso ? dayjs(iso, API_DATE_FORMAT).format(DATE_FORMAT) : '');
  const kind = RECORD_KINDS[training.kind as RecordKind];
  const items = [
    { key: 'title', label: t('import.training.name'), children: training.title },
    { key: 'kind', label: t('import.training.kind'), children: kind ? pickText(lang, kind) : training.kind },
    ...(training.provider ? [{ key: 'provider', label: t('import.training.provider'), children: training.provider }] : []),
    { key: 'dates', label: t('import.training.dates'), children: [day(training.startsOn), day(training.endsOn)].filter(Boolean).join(' – ') },
    ...(training.hours != null ? [{ key: 'hours', label: t('import.training.hours'), children: t('import.training.hoursValue', { hours: formatNumber(lang, training.hours) }) }] : []),
  ];
  return <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={items} data-testid="import-training-facts" className="import-alert" />;
}
