import { Button, Form, Radio, Select, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT, type Translate } from '../../app/i18n';
import { requiredChoiceRule } from '../../components/formRules';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { AssignmentsInput } from './AssignmentsInput';
import { NewUnitFields, useUnitDefaults } from './NewUnitFields';
import { newSuccessor, type ReorgFormValues, type SplitSuccessorValues } from './reorgForm';

const successorLabel = (t: Translate, s: SplitSuccessorValues | undefined, index: number) =>
  (s?.type === 'existing' ? s.id?.label : s?.name?.trim()) || t('reorg.split.successorN', { n: index + 1 });

/** A key no successor has yet ('s1', 's2'…). */
const nextKey = (successors: SplitSuccessorValues[]) => {
  const used = new Set(successors.map((s) => s.key));
  let n = successors.length + 1;
  while (used.has(`s${n}`)) n += 1;
  return `s${n}`;
};

/** One successor of a split: a new unit or an existing one that receives part of the unit. */
function SplitSuccessor({ field, index, onRemove }: { field: FormListFieldData; index: number; onRemove?: () => void }) {
  const t = useT();
  const form = Form.useFormInstance();
  const type = (Form.useWatch(['successors', field.name, 'type'], form) ?? 'new') as 'new' | 'existing';
  return (
    <div className="reorg-successor" data-testid="reorg-successor">
      <div className="reorg-successor-head">
        <Typography.Text strong>{t('reorg.split.successorN', { n: index + 1 })}</Typography.Text>
        <Form.Item name={[field.name, 'type']} noStyle>
          <Radio.Group size="small" optionType="button" data-testid="reorg-successor-type">
            <Radio value="new">{t('reorg.split.new')}</Radio>
            <Radio value="existing">{t('reorg.split.existing')}</Radio>
          </Radio.Group>
        </Form.Item>
        {onRemove && <Button type="text" size="small" icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('reorg.split.remove')} />}
      </div>
      {type === 'new' ? (
        <NewUnitFields prefix={[field.name]} path={['successors', field.name]} testId={`reorg-successor-${index}`} />
      ) : (
        <Form.Item name={[field.name, 'id']} label={t('reorg.split.existingUnit')} rules={[requiredChoiceRule(t)]}>
          <OrgTreeSelect data-testid={`reorg-successor-${index}-id`} />
        </Form.Item>
      )}
    </div>
  );
}

/** Split: the unit, its successors, where each child unit goes and who takes the unit's own records. */
export function SplitFields() {
  const t = useT();
  const form = Form.useFormInstance<ReorgFormValues>();
  const unit = Form.useWatch('predecessorId', form) as OrgOption | undefined;
  // `preserve`: the successors' keys have no field of their own.
  const successors = (Form.useWatch('successors', { form, preserve: true }) ?? []) as SplitSuccessorValues[];
  useUnitDefaults(form, unit?.value, successors.map((_, i) => ['successors', i]));
  const options = successors.map((s, i) => ({ value: s.key, label: successorLabel(t, s, i) }));

  /** Forgets the assignments to a successor that is removed. */
  const removeSuccessor = (remove: (index: number) => void, index: number) => {
    const key = successors[index]?.key;
    remove(index);
    const assignments = form.getFieldValue('assignments') as ReorgFormValues['assignments'];
    form.setFieldValue('assignments', Object.fromEntries(Object.entries(assignments ?? {}).filter(([, to]) => to !== key)));
    if (form.getFieldValue('ownRecordsTo') === key) form.setFieldValue('ownRecordsTo', undefined);
  };

  return (
    <>
      <Form.Item name="predecessorId" label={t('reorg.split.unit')} rules={[requiredChoiceRule(t)]}>
        <OrgTreeSelect data-testid="reorg-split-unit" />
      </Form.Item>
      <Form.List name="successors">
        {(fields, { add, remove }, { errors }) => (
          <section className="reorg-subsection" data-testid="reorg-successors">
            <Typography.Text strong>{t('reorg.split.successors')}</Typography.Text>
            {fields.map((field, index) => (
              <SplitSuccessor
                key={field.key}
                field={field}
                index={index}
                onRemove={fields.length > 2 ? () => removeSuccessor(remove, field.name) : undefined}
              />
            ))}
            <Form.ErrorList errors={errors} />
            <Button size="small" icon={<PlusOutlined />} onClick={() => add(newSuccessor(nextKey(successors)))} data-testid="reorg-add-successor">
              {t('reorg.split.add')}
            </Button>
          </section>
        )}
      </Form.List>
      <Form.Item name="assignments" label={t('reorg.split.assignments')} required>
        <AssignmentsInput parentId={unit?.value} options={options} help={t('reorg.split.assignmentsHelp')} />
      </Form.Item>
      <Form.Item name="ownRecordsTo" label={t('reorg.split.ownRecords')} extra={t('reorg.split.ownRecordsHelp')} rules={[requiredChoiceRule(t)]}>
        <Select options={options} placeholder={t('reorg.split.pick')} data-testid="reorg-own-records" />
      </Form.Item>
    </>
  );
}
