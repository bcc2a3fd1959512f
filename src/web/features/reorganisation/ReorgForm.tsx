import { Alert, Button, Card, DatePicker, Form, Input, Radio } from 'antd';
import type { FormInstance } from 'antd';
import { EyeOutlined, ReloadOutlined } from '@ant-design/icons';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { DATE_FORMAT } from '../../components/dates';
import { requiredChoiceRule } from '../../components/formRules';
import { MergeFields } from './MergeFields';
import { RenamesField } from './RenamesField';
import { REORG_KINDS, type ReorgKind } from './reorgApi';
import { carryUnits, type ReorgFormValues } from './reorgForm';
import { KIND_HELP, KIND_LABEL } from './reorgLabels';
import { SplitFields } from './SplitFields';
import { TransferFields } from './TransferFields';

interface Props {
  form: FormInstance<ReorgFormValues>;
  initialValues: Partial<ReorgFormValues>;
  onPreview: () => void;
  previewing: boolean;
  /** An error of the API that names no field of the form. */
  error: unknown;
  /** Any change (the preview no longer matches). */
  onChange: () => void;
  onReset: () => void;
  disabled: boolean;
}

const KIND_FIELDS: Record<ReorgKind, () => React.JSX.Element> = { merge: MergeFields, split: SplitFields, transfer: TransferFields };

/** The plan of a reorganisation: its kind, the units, the date and the decision; "Xem trước". */
export function ReorgForm({ form, initialValues, onPreview, previewing, error, onChange, onReset, disabled }: Props) {
  const t = useT();
  const { lang } = useLang();
  const kind = (Form.useWatch('kind', form) ?? initialValues.kind ?? 'merge') as ReorgKind;
  const KindFields = KIND_FIELDS[kind];

  return (
    <Card className="panel reorg-card" title={t('reorg.formTitle')} data-testid="reorg-form">
      <Form<ReorgFormValues>
        form={form}
        name="reorg"
        layout="vertical"
        initialValues={initialValues}
        disabled={disabled}
        requiredMark="optional"
        onFinish={onPreview}
        onValuesChange={(changed: Partial<ReorgFormValues>) => {
          if ('kind' in changed) form.setFieldsValue(carryUnits(form.getFieldsValue(true) as ReorgFormValues));
          onChange();
        }}
      >
        <Form.Item name="kind" label={t('reorg.kind.label')} required>
          <Radio.Group className="reorg-kinds" data-testid="reorg-kind">
            {REORG_KINDS.map((k) => (
              <Radio key={k} value={k} className="reorg-kind" data-testid={`reorg-kind-${k}`}>
                <span className="reorg-kind-name">{t(KIND_LABEL[k])}</span>
                <span className="reorg-kind-help">{t(KIND_HELP[k])}</span>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <KindFields />
        <div className="reorg-pair">
          <Form.Item name="effectiveDate" label={t('reorg.effectiveDate')} tooltip={t('reorg.effectiveDateHelp')} rules={[requiredChoiceRule(t)]} className="reorg-pair-short">
            <DatePicker format={DATE_FORMAT} className="full-width" placeholder={t('form.datePlaceholder')} data-testid="reorg-date" />
          </Form.Item>
          <Form.Item name="decisionRef" label={t('reorg.decisionRef')} className="reorg-pair-long">
            <Input maxLength={300} placeholder={t('reorg.decisionRefPlaceholder')} data-testid="reorg-decision" />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('reorg.note')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('reorg.notePlaceholder')} data-testid="reorg-note" />
        </Form.Item>
        <RenamesField />
        {error ? <Alert type="error" showIcon className="form-alert" title={errorText(lang, error)} data-testid="reorg-error" /> : null}
        <div className="reorg-buttons">
          <Button type="primary" htmlType="submit" icon={<EyeOutlined />} loading={previewing} data-testid="reorg-preview-submit">
            {t('reorg.preview')}
          </Button>
          <Button icon={<ReloadOutlined />} onClick={onReset} disabled={false} data-testid="reorg-reset">
            {t('reorg.reset')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
