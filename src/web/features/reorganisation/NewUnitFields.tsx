import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import type { FormInstance } from 'antd';
import { pickName, useLang, useT } from '../../app/i18n';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import { allowedKinds, useOrgDetail, useOrgKinds } from '../org/orgApi';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import type { UnitValues } from './reorgForm';

type NamePath = (string | number)[];

interface Props {
  /** The unit's name inside its Form.List item (or the form), e.g. ['successor'] or [0]. */
  prefix: NamePath;
  /** The same from the form's top, e.g. ['successors', 0]. */
  path: NamePath;
  testId: string;
}

/** Name, parent, kind and code of a unit the reorganisation creates. */
export function NewUnitFields({ prefix, path, testId }: Props) {
  const t = useT();
  const { lang } = useLang();
  const form = Form.useFormInstance();
  const parent = Form.useWatch([...path, 'parentId'], form) as OrgOption | undefined;
  const parentDetail = useOrgDetail(parent?.value);
  const kinds = useOrgKinds();
  const parentKind = parent ? parentDetail.data?.org.kindCode : undefined;
  const options = allowedKinds(kinds.data ?? [], parentKind).map((kind) => ({ value: kind.code, label: pickName(lang, kind) }));

  return (
    <>
      <Form.Item name={[...prefix, 'name']} label={t('reorg.unit.name')} rules={[requiredRule(t)]}>
        <Input maxLength={300} placeholder={t('reorg.unit.namePlaceholder')} data-testid={`${testId}-name`} />
      </Form.Item>
      <Form.Item name={[...prefix, 'parentId']} label={t('reorg.unit.parent')} rules={[requiredChoiceRule(t)]}>
        <OrgTreeSelect placeholder={t('reorg.unit.parentPlaceholder')} data-testid={`${testId}-parent`} />
      </Form.Item>
      <div className="reorg-pair">
        <Form.Item name={[...prefix, 'kindCode']} label={t('reorg.unit.kind')} rules={[requiredChoiceRule(t)]} className="reorg-pair-long">
          <Select
            options={options}
            loading={kinds.isPending || parentDetail.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('org.form.kindPlaceholder')}
            data-testid={`${testId}-kind`}
          />
        </Form.Item>
        <Form.Item name={[...prefix, 'code']} label={t('reorg.unit.code')} className="reorg-pair-short">
          <Input maxLength={64} data-testid={`${testId}-code`} />
        </Form.Item>
      </div>
    </>
  );
}

/**
 * New units start like the unit they replace: same kind, same parent (the user changes them when
 * the new unit goes elsewhere, e.g. communes of an abolished district go to the province).
 */
export function useUnitDefaults(form: FormInstance, sourceId: string | undefined, paths: NamePath[]) {
  const source = useOrgDetail(sourceId);
  const key = paths.map((p) => p.join('.')).join('|');
  useEffect(() => {
    if (!source.data) return;
    const { org, ancestors } = source.data;
    const parent = ancestors.at(-1);
    for (const path of paths) {
      const current = (form.getFieldValue(path) ?? {}) as UnitValues;
      if (current.type === 'existing') continue;
      const patch: Partial<UnitValues> = {};
      if (!current.kindCode) patch.kindCode = org.kindCode;
      if (!current.parentId && parent && parent.id === org.parentId) patch.parentId = { value: parent.id, label: parent.name };
      if (Object.keys(patch).length) form.setFieldValue(path, { ...current, ...patch });
    }
    // paths are compared through `key`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source.data, key, form]);
}
