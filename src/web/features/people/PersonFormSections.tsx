import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormRule } from 'antd';
import { CITIZEN_GROUPS, HOUSEHOLD_RELATIONS, QUALIFICATIONS, SEXES, STAFF_CATEGORIES } from '../../../shared/people';
import { useLang, useT, type Translate } from '../../app/i18n';
import { DATE_FORMAT } from '../../components/dates';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { HouseholdSelect } from '../households/HouseholdSelect';
import { OrgTreeSelect } from '../org/OrgTreeSelect';
import { codeOptions } from './peopleLabels';
import { AUTO_GROUP, type PersonFormValues } from './personFormValues';

const patternRule = (pattern: RegExp, message: string): FormRule => ({ pattern, message });

export const citizenIdRule = (t: Translate) => patternRule(/^\d{12}$/, t('people.rule.citizenId'));
export const phoneRule = (t: Translate) => patternRule(/^0\d{9,10}$/, t('people.rule.phone'));

function DateField({ name, label, testId }: { name: string | string[]; label: string; testId?: string }) {
  const t = useT();
  return (
    <Form.Item name={name} label={label}>
      <DatePicker format={DATE_FORMAT} className="full-width" placeholder={t('form.datePlaceholder')} data-testid={testId} />
    </Form.Item>
  );
}

/** Name, birth date, sex, ethnicity and (for those who may read them) identifiers. */
export function IdentityFields({ sensitive }: { sensitive: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const lockedHelp = sensitive ? undefined : t('people.form.identifiersLocked');
  return (
    <Row gutter={[12, 0]}>
      <Col xs={24} md={12}>
        <Form.Item name="fullName" label={t('people.field.fullName')} rules={[requiredRule(t)]}>
          <Input maxLength={200} autoComplete="off" data-testid="person-form-name" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <DateField name="birthDate" label={t('people.field.birthDate')} testId="person-form-birth" />
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="sex" label={t('people.field.sex')}>
          <Select allowClear options={codeOptions(lang, SEXES)} data-testid="person-form-sex" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="ethnicity" label={t('people.field.ethnicity')}>
          <Input maxLength={60} placeholder={t('people.form.ethnicityPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="citizenId" label={t('people.field.citizenId')} rules={[citizenIdRule(t)]} extra={lockedHelp}>
          <Input maxLength={12} inputMode="numeric" autoComplete="off" disabled={!sensitive} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="phone" label={t('people.field.phone')} rules={[phoneRule(t)]}>
          <Input maxLength={11} inputMode="tel" autoComplete="off" disabled={!sensitive} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="email" label={t('people.field.email')} rules={[{ type: 'email', message: t('people.rule.email') }]}>
          <Input maxLength={200} inputMode="email" autoComplete="off" disabled={!sensitive} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Where a resident lives: the hamlet (or their household, which decides it) and the address. */
export function ResidenceFields({ required }: { required: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const form = Form.useFormInstance<PersonFormValues>();
  const residence = Form.useWatch('residenceOrgId', form);
  const household = Form.useWatch('householdId', form);
  return (
    <Row gutter={[12, 0]}>
      <Col xs={24} md={12}>
        <Form.Item
          name="residenceOrgId"
          label={t('people.field.residence')}
          rules={required && !household ? [requiredChoiceRule(t)] : []}
          extra={household ? t('people.form.residenceFromHousehold') : undefined}
        >
          <OrgTreeSelect data-testid="person-form-residence" disabled={!!household} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="address" label={t('people.field.address')}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="householdId" label={t('people.field.household')}>
          <HouseholdSelect orgId={residence?.value} data-testid="person-form-household" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="householdRelation" label={t('people.field.householdRelation')}>
          <Select allowClear disabled={!household} options={codeOptions(lang, HOUSEHOLD_RELATIONS)} />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** A membership in a unit: unit, category, position, leadership, rank, from when. */
export function MembershipFields({ prefix }: { prefix?: string }) {
  const t = useT();
  const { lang } = useLang();
  const name = (field: string) => (prefix ? [prefix, field] : field);
  return (
    <Row gutter={[12, 0]}>
      <Col xs={24} md={12}>
        <Form.Item name={name('orgId')} label={t('people.field.unit')} rules={[requiredChoiceRule(t)]}>
          <OrgTreeSelect data-testid="membership-org" allowClear={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('category')} label={t('people.field.category')} rules={[requiredChoiceRule(t)]}>
          <Select options={codeOptions(lang, STAFF_CATEGORIES)} data-testid="membership-category" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('position')} label={t('people.field.position')}>
          <Input maxLength={200} placeholder={t('people.form.positionPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('rank')} label={t('people.field.rank')}>
          <Input maxLength={200} placeholder={t('people.form.rankPlaceholder')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <DateField name={name('validFrom')} label={t('people.field.validFrom')} />
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('isLeader')} valuePropName="checked" label=" " className="checkbox-item">
          <Checkbox>{t('people.field.isLeader')}</Checkbox>
        </Form.Item>
      </Col>
    </Row>
  );
}

/** Foreign and ethnic-minority languages, with certificate and level (1–6, KNLNN). */
function LanguagesField() {
  const t = useT();
  return (
    <Form.List name="languages">
      {(fields, { add, remove }) => (
        <div className="languages-field">
          <div className="form-sublabel">{t('people.field.languages')}</div>
          {fields.map((field) => (
            <Space key={field.key} wrap align="start" className="language-row">
              <Form.Item name={[field.name, 'language']} rules={[requiredRule(t)]}>
                <Input maxLength={40} placeholder={t('people.language.name')} aria-label={t('people.language.name')} />
              </Form.Item>
              <Form.Item name={[field.name, 'kind']} initialValue="foreign">
                <Select
                  className="language-kind"
                  aria-label={t('people.language.kind')}
                  options={[
                    { value: 'foreign', label: t('people.language.foreign') },
                    { value: 'ethnic', label: t('people.language.ethnic') },
                  ]}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'certificate']}>
                <Input maxLength={80} placeholder={t('people.language.certificate')} aria-label={t('people.language.certificate')} />
              </Form.Item>
              <Form.Item name={[field.name, 'level']}>
                <InputNumber min={1} max={6} placeholder={t('people.language.level')} aria-label={t('people.language.level')} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('people.language.remove')} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'foreign' })} data-testid="person-form-add-language">
            {t('people.language.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** Schooling, qualification, languages, IT skill, occupation, the citizen group and a note. */
export function EducationFields() {
  const t = useT();
  const { lang } = useLang();
  return (
    <Row gutter={[12, 0]}>
      <Col xs={12} md={6}>
        <Form.Item name="generalEducation" label={t('people.field.generalEducation')}>
          <Input maxLength={20} placeholder="12/12" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item name="qualification" label={t('people.field.qualification')}>
          <Select allowClear options={codeOptions(lang, QUALIFICATIONS)} popupMatchSelectWidth={false} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="qualificationMajor" label={t('people.field.qualificationMajor')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="itSkill" label={t('people.field.itSkill')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="occupation" label={t('people.field.occupation')}>
          <Input maxLength={120} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <LanguagesField />
      </Col>
      <Col xs={24}>
        <Form.Item name="citizenGroup" label={t('people.field.citizenGroup')} extra={t('people.form.groupHelp')}>
          <Select
            data-testid="person-form-group"
            options={[{ value: AUTO_GROUP, label: t('people.group.auto') }, ...codeOptions(lang, CITIZEN_GROUPS)]}
          />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="note" label={t('people.field.note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}
