import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { LEARNING_METHODS, LINE_TYPES } from '../../../shared/studyPlan';
import { useLang, useT } from '../../app/i18n';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { MonthInput } from './MonthInput';
import { codeOptions } from './planLabels';

/** One line of the plan in the editor (a card of fields: one column on phones, a grid on wider screens). */
export function PlanLineFields({ name, index, onRemove }: { name: number; index: number; onRemove: () => void }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Card
      size="small"
      className="plan-line-card"
      title={t('studyPlan.line.title', { n: index + 1 })}
      data-testid="plan-line"
      extra={
        <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('studyPlan.line.remove')} data-testid="plan-line-remove">
          <span className="plan-line-remove-text">{t('studyPlan.line.remove')}</span>
        </Button>
      }
    >
      <Form.Item name={[name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24}>
          <Form.Item name={[name, 'content']} label={t('studyPlan.line.content')} rules={[requiredRule(t)]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="line-content" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'need']} label={t('studyPlan.line.need')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} data-testid="line-need" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'expectedResult']} label={t('studyPlan.line.expectedResult')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="line-result" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={8}>
          <Form.Item name={[name, 'method']} label={t('studyPlan.line.method')} rules={[requiredChoiceRule(t)]}>
            <Select options={codeOptions(lang, LEARNING_METHODS)} data-testid="line-method" popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} md={16}>
          <Form.Item name={[name, 'provider']} label={t('studyPlan.line.provider')}>
            <Input maxLength={300} placeholder={t('studyPlan.line.providerPlaceholder')} data-testid="line-provider" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'fromMonth']} label={t('studyPlan.line.fromMonth')} rules={[requiredChoiceRule(t)]}>
            <MonthInput placeholder={t('studyPlan.line.monthPlaceholder')} data-testid="line-from" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name={[name, 'toMonth']}
            label={t('studyPlan.line.toMonth')}
            dependencies={[['lines', name, 'fromMonth']]}
            rules={[
              requiredChoiceRule(t),
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | null) => {
                  const from = getFieldValue(['lines', name, 'fromMonth']) as string | null;
                  return !value || !from || from <= value ? Promise.resolve() : Promise.reject(new Error(t('studyPlan.line.monthsOrder')));
                },
              }),
            ]}
          >
            <MonthInput placeholder={t('studyPlan.line.monthPlaceholder')} data-testid="line-to" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'hours']} label={t('studyPlan.line.hours')}>
            <InputNumber min={0} max={2000} className="full-width" data-testid="line-hours" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[name, 'lineType']} label={t('studyPlan.line.lineType')} rules={[requiredChoiceRule(t)]}>
            <Select options={codeOptions(lang, LINE_TYPES)} data-testid="line-type" popupMatchSelectWidth={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'expectedEvidence']} label={t('studyPlan.line.expectedEvidence')}>
            <Input maxLength={300} data-testid="line-evidence" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[name, 'note']} label={t('studyPlan.line.note')}>
            <Input maxLength={500} data-testid="line-note" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
