import { Card, Col, Form, InputNumber, Row, Select, Typography, type FormInstance } from 'antd';
import { CITIZEN_GROUPS } from '../../../shared/people';
import { pickText, useLang, useT } from '../../app/i18n';
import { requiredChoiceRule } from '../../components/formRules';
import { titleOptions } from '../titles/titleLabels';
import type { ImportRegistration } from './importApi';

export interface RegistrationFormValues {
  registration: { title?: string; year?: number; citizenGroup?: string | null };
}

export const REGISTRATION_FIELDS = ['title', 'year', 'citizenGroup'].map((f) => `registration.${f}`);

/** The form's values for a list already sent (a remapping), else this year's Công dân học tập. */
export function registrationFormValues(sent: ImportRegistration | undefined): RegistrationFormValues {
  return { registration: sent ?? { title: 'LEARNING_CITIZEN', year: new Date().getFullYear(), citizenGroup: null } };
}

export const registrationOf = (values: RegistrationFormValues): ImportRegistration => ({
  title: values.registration.title!,
  year: values.registration.year!,
  citizenGroup: values.registration.title === 'LEARNING_CITIZEN' ? (values.registration.citizenGroup ?? null) : null,
});

/** Step 2 of a registration list: the title and year every subject listed registers for. */
export function ImportRegistrationForm({ form, initial }: { form: FormInstance<RegistrationFormValues>; initial: RegistrationFormValues }) {
  const t = useT();
  const { lang } = useLang();
  const title = Form.useWatch(['registration', 'title'], form) as string | undefined;
  return (
    <Card className="import-card" size="small" title={t('import.registration.title')} data-testid="import-registration">
      <Typography.Paragraph type="secondary">{t('import.registration.help')}</Typography.Paragraph>
      <Form<RegistrationFormValues> form={form} layout="vertical" name="importRegistration" initialValues={initial} requiredMark>
        <Row gutter={[12, 0]}>
          <Col xs={24} md={10}>
            <Form.Item name={['registration', 'title']} label={t('import.registration.titleField')} rules={[requiredChoiceRule(t)]}>
              <Select options={titleOptions(lang)} popupMatchSelectWidth={false} data-testid="import-registration-title" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['registration', 'year']} label={t('import.registration.year')} rules={[requiredChoiceRule(t)]}>
              <InputNumber min={2000} max={2100} className="full-width" data-testid="import-registration-year" />
            </Form.Item>
          </Col>
          {title === 'LEARNING_CITIZEN' && (
            <Col xs={24} md={8}>
              <Form.Item name={['registration', 'citizenGroup']} label={t('import.registration.citizenGroup')} extra={t('import.registration.citizenGroupHelp')}>
                <Select
                  allowClear
                  popupMatchSelectWidth={false}
                  data-testid="import-registration-group"
                  options={Object.entries(CITIZEN_GROUPS).map(([value, label]) => ({ value, label: pickText(lang, label) }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Card>
  );
}
