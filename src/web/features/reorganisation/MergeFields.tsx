import { Form, Radio, Select } from 'antd';
import { useT } from '../../app/i18n';
import { requiredChoiceRule } from '../../components/formRules';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { NewUnitFields, useUnitDefaults } from './NewUnitFields';

/** Merge: the units merged, then a new unit or the one of them that absorbs the others. */
export function MergeFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const predecessors = (Form.useWatch('predecessorIds', form) ?? []) as OrgOption[];
  const type = (Form.useWatch(['successor', 'type'], form) ?? 'new') as 'new' | 'existing';
  useUnitDefaults(form, predecessors[0]?.value, [['successor']]);

  return (
    <>
      <Form.Item name="predecessorIds" label={t('reorg.merge.predecessors')} extra={t('reorg.merge.predecessorsHelp')} rules={[requiredChoiceRule(t)]}>
        <OrgTreeSelect multiple data-testid="reorg-predecessors" />
      </Form.Item>
      <Form.Item name={['successor', 'type']} label={t('reorg.merge.successor')} required>
        <Radio.Group className="reorg-choices" data-testid="reorg-successor-type">
          <Radio value="new" data-testid="reorg-successor-new">
            {t('reorg.merge.successorNew')}
          </Radio>
          <Radio value="existing" data-testid="reorg-successor-existing">
            {t('reorg.merge.successorExisting')}
          </Radio>
        </Radio.Group>
      </Form.Item>
      {type === 'new' ? (
        <NewUnitFields prefix={['successor']} path={['successor']} testId="reorg-successor" />
      ) : (
        <Form.Item name={['successor', 'id']} label={t('reorg.merge.absorbing')} rules={[requiredChoiceRule(t)]}>
          <Select
            labelInValue
            options={predecessors.map((o) => ({ value: o.value, label: o.label }))}
            placeholder={t('reorg.merge.absorbingPlaceholder')}
            data-testid="reorg-successor-id"
          />
        </Form.Item>
      )}
    </>
  );
}
