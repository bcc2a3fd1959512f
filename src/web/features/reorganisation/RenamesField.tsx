import { Button, Form, Input, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { OrgTreeSelect } from '../org/OrgTreeSelect';

/** New names for units that move, when one would clash with a unit already under the new parent. */
export function RenamesField() {
  const t = useT();
  return (
    <Form.List name="renames">
      {(fields, { add, remove }, { errors }) => (
        <section className="reorg-subsection" data-testid="reorg-renames">
          <Typography.Text strong>{t('reorg.renames')}</Typography.Text>
          <Typography.Paragraph type="secondary" className="reorg-help">
            {t('reorg.renamesHelp')}
          </Typography.Paragraph>
          {fields.map((field) => (
            <div key={field.key} className="reorg-rename">
              <Form.Item name={[field.name, 'orgId']} label={t('reorg.renames.unit')} rules={[requiredChoiceRule(t)]} className="reorg-rename-unit">
                <OrgTreeSelect data-testid="reorg-rename-unit" />
              </Form.Item>
              <Form.Item name={[field.name, 'name']} label={t('reorg.renames.name')} rules={[requiredRule(t)]} className="reorg-rename-name">
                <Input maxLength={300} data-testid="reorg-rename-name" />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('reorg.renames.remove')} className="reorg-rename-remove" />
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({})} data-testid="reorg-rename-add">
            {t('reorg.renames.add')}
          </Button>
        </section>
      )}
    </Form.List>
  );
}
