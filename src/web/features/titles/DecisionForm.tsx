import { DatePicker, Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LearningTitle } from '../../../shared/criteria';
import { useLang, useT } from '../../app/i18n';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/dates';
import { yearChoices } from '../studyPlan/YearSelect';
import { titleOptions } from './titleLabels';

/** The fields of a decision as the form holds them. */
export interface DecisionValues {
  title: LearningTitle;
  year: number;
  issuingBody: string;
  number?: string;
  signedOn?: Dayjs | null;
  signerName?: string;
  signerPosition?: string;
}

export const DECISION_FIELDS = ['title', 'year', 'issuingBody', 'number', 'signedOn', 'signerName', 'signerPosition'] as const;

/** What the API takes from the form: empty texts as null, the date as yyyy-mm-dd. */
export function decisionBody(values: DecisionValues) {
  const text = (v: string | undefined) => v?.trim() || null;
  return {
    issuingBody: values.issuingBody.trim(),
    number: text(values.number),
    signedOn: values.signedOn ? values.signedOn.format(API_DATE_FORMAT) : null,
    signerName: text(values.signerName),
    signerPosition: text(values.signerPosition),
  };
}

export const dateValue = (d: string | null | undefined) => (d ? dayjs(d, API_DATE_FORMAT) : null);

/** Number, date, signer and issuing body of a recognition decision (title and year when creating). */
export function DecisionFields({ form, creating }: { form: FormInstance<DecisionValues>; creating: boolean }) {
  const t = useT();
  const { lang } = useLang();
  void form;
  return (
    <div className="title-decision-grid">
      {creating && (
        <>
          <Form.Item name="title" label={t('titles.register.titleField')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={titleOptions(lang)} data-testid="decision-title" />
          </Form.Item>
          <Form.Item name="year" label={t('titles.register.year')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={yearChoices().map((y) => ({ value: y, label: String(y) }))} data-testid="decision-year" />
          </Form.Item>
        </>
      )}
      <Form.Item name="issuingBody" label={t('titles.decision.issuingBody')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
        <Input maxLength={300} data-testid="decision-issuing-body" />
      </Form.Item>
      <Form.Item name="number" label={t('titles.decision.number')}>
        <Input maxLength={100} placeholder="123/QĐ-UBND" data-testid="decision-number" />
      </Form.Item>
      <Form.Item name="signedOn" label={t('titles.decision.signedOn')}>
        <DatePicker format={DATE_FORMAT} className="full-width" data-testid="decision-signed-on" />
      </Form.Item>
      <Form.Item name="signerName" label={t('titles.decision.signerName')}>
        <Input maxLength={200} data-testid="decision-signer" />
      </Form.Item>
      <Form.Item name="signerPosition" label={t('titles.decision.signerPosition')}>
        <Input maxLength={200} placeholder="Chủ tịch" data-testid="decision-signer-position" />
      </Form.Item>
    </div>
  );
}
