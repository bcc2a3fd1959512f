import { Checkbox, Form } from 'antd';
import { useT } from '../../app/i18n';
import { requiredChoiceRule } from '../../components/formRules';
import { OrgTreeSelect } from '../org/OrgTreeSelect';

/** Transfer: units that move (with their subtrees), their new parent, and whether the old parents close. */
export function TransferFields() {
  const t = useT();
  return (
    <>
      <Form.Item name="unitIds" label={t('reorg.transfer.units')} extra={t('reorg.transfer.unitsHelp')} rules={[requiredChoiceRule(t)]}>
        <OrgTreeSelect multiple data-testid="reorg-units" />
      </Form.Item>
      <Form.Item name="newParentId" label={t('reorg.transfer.newParent')} rules={[requiredChoiceRule(t)]}>
        <OrgTreeSelect placeholder={t('reorg.unit.parentPlaceholder')} data-testid="reorg-new-parent" />
      </Form.Item>
      <Form.Item name="dissolveOldParents" valuePropName="checked" extra={t('reorg.transfer.dissolveHelp')}>
        <Checkbox data-testid="reorg-dissolve">{t('reorg.transfer.dissolve')}</Checkbox>
      </Form.Item>
    </>
  );
}
