import { AutoComplete, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { FormRule } from 'antd';
import type { Dayjs } from 'dayjs';
import type { RecordKind } from '../../../shared/learning';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { DATE_FORMAT } from '../../components/dates';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { useCatalogue } from './learningApi';
import { itStandardOptions, kindOptions, levelOptions } from './learningLabels';
import type { RecordFormValues } from './recordForm';

/** Languages offered as one types (the field takes any name: Tiếng Ê Đê, Tiếng Khmer…). */
const LANGUAGES = [
  'Tiếng Anh',
  'Tiếng Pháp',
  'Tiếng Trung',
  'Tiếng Nhật',
  'Tiếng Hàn',
  'Tiếng Nga',
  'Tiếng Đức',
  'Tiếng Lào',
  'Tiếng Khmer',
  'Tiếng Ê Đê',
  'Tiếng Gia Rai',
  'Tiếng Ba Na',
  'Tiếng Xơ Đăng',
  'Tiếng Mông',
  'Tiếng Thái',
  'Tiếng Chăm',
];

/**
 * The fields of a learning record, which change with its kind: the mandatory training it fulfils,
 * the IT standard, the language and its level. Used by the record form and the form for many.
 */
export function RecordFields({ catalogueOrgId }: { catalogueOrgId: string | undefined }) {
  const t = useT();
  const { lang } = useLang();
  const form = Form.useFormInstance<RecordFormValues>();
  const kind = Form.useWatch('kind', form) as RecordKind | undefined;
  const catalogue = useCatalogue(kind === 'mandatory_training' ? catalogueOrgId : undefined);
  const chosen = Form.useWatch('mandatoryTrainingId', form) as string | null | undefined;
  // A retired entry is offered no more, except to a record that already names it.
  const entries = (catalogue.data?.items ?? []).filter((e) => (e.kind === 'mandatory_training' || e.kind === kind) && (!e.retiredAt || e.id === chosen));

  const endsAfterStart: FormRule = ({ getFieldValue }) => ({
    validator: (_rule, value: Dayjs | null) => {
      const start = getFieldValue('startsOn') as Dayjs | null;
      return !value || !start || !start.isAfter(value, 'day') ? Promise.resolve() : Promise.reject(new Error(t('learning.form.endsBeforeStart')));
    },
  });

  return (
    <>
      <Form.Item name="kind" label={t('learning.field.kind')} rules={[requiredChoiceRule(t)]}>
        <Select options={kindOptions(lang)} data-testid="record-kind" popupMatchSelectWidth={false} />
      </Form.Item>
      {kind === 'mandatory_training' && (
        <Form.Item name="mandatoryTrainingId" label={t('learning.field.mandatoryTraining')} extra={t('learning.form.mandatoryHelp')}>
          <Select
            allowClear
            data-testid="record-mandatory"
            loading={catalogue.isFetching}
            placeholder={t('learning.form.mandatoryPlaceholder')}
            popupMatchSelectWidth={false}
            options={entries.map((e) => ({
              value: e.id,
              label: e.hoursPerYear > 0 ? t('learning.form.mandatoryOption', { title: e.title, hours: formatNumber(lang, e.hoursPerYear) }) : e.title,
            }))}
            onChange={(id: string | undefined) => {
              const entry = entries.find((e) => e.id === id);
              if (entry && !form.getFieldValue('title')) form.setFieldsValue({ title: entry.title });
            }}
          />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('learning.field.title')} rules={[requiredRule(t)]}>
        <Input placeholder={t('learning.form.titlePlaceholder')} data-testid="record-title" maxLength={500} />
      </Form.Item>
      {kind === 'it_skill' && (
        <Form.Item name="itStandard" label={t('learning.field.itStandard')}>
          <Radio.Group options={itStandardOptions(lang)} data-testid="record-it-standard" className="learning-radios" />
        </Form.Item>
      )}
      {kind === 'foreign_language' && (
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="language" label={t('learning.field.language')} rules={[requiredRule(t)]}>
              <AutoComplete
                options={LANGUAGES.map((value) => ({ value }))}
                filterOption={(input, option) => (option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
                placeholder={t('learning.form.languagePlaceholder')}
                data-testid="record-language"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="languageLevel" label={t('learning.field.languageLevel')} extra={t('learning.form.levelHelp')}>
              <Select
                allowClear
                data-testid="record-level"
                placeholder={t('learning.form.levelPlaceholder')}
                options={levelOptions(lang, { framework: t('learning.level.framework'), legacy: t('learning.level.legacy') })}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="provider" label={t('learning.field.provider')}>
            <Input placeholder={t('learning.form.providerPlaceholder')} data-testid="record-provider" maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="certificateNo" label={t('learning.field.certificateNo')}>
            <Input data-testid="record-certificate" maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12}>
          <Form.Item name="startsOn" label={t('learning.field.startsOn')}>
            <DatePicker format={DATE_FORMAT} className="full-width" placeholder={t('form.datePlaceholder')} data-testid="record-starts" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="endsOn" label={t('learning.field.endsOn')} dependencies={['startsOn']} rules={[requiredChoiceRule(t), endsAfterStart]}>
            <DatePicker format={DATE_FORMAT} className="full-width" placeholder={t('form.datePlaceholder')} data-testid="record-ends" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={12} sm={8}>
          <Form.Item name="hours" label={t('learning.field.hours')}>
            <InputNumber min={0} max={5000} step={0.5} className="full-width" data-testid="record-hours" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={16}>
          <Form.Item name="result" label={t('learning.field.result')}>
            <Input placeholder={t('learning.form.resultPlaceholder')} data-testid="record-result" maxLength={300} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
