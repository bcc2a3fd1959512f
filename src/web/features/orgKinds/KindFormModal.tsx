import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Switch } from 'antd';
import type { ButtonProps, FormRule } from 'antd';
import { errorText, showFieldError } from '../../app/errors';
import { pickName, useLang, useT } from '../../app/i18n';
import type { OrgKind } from '../../app/types';
import { requiredRule } from '../../components/formRules';
import { testId } from '../../components/testId';
import { KIND_CODE_PATTERN, useSaveOrgKind } from './orgKindsApi';

interface FormValues {
  code?: string;
  nameVi: string;
  nameEn: string;
  canBeRoot: boolean;
  parentKinds: string[];
  mergeGroup?: string;
}

/** Fields without client-side rules: only the server can find fault with them. */
const UNCHECKED_FIELDS = ['canBeRoot', 'parentKinds', 'mergeGroup'] as const;

type Props =
  | { mode: 'create'; kind?: undefined; kinds: OrgKind[]; onClose: () => void }
  | { mode: 'edit'; kind: OrgKind; kinds: OrgKind[]; onClose: () => void };

/** Adds a kind of organisation, or edits one (the code stays). */
export function KindFormModal(props: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveOrgKind();
  // An error the server gave about no field of this form, shown at the top of the form.
  const [formError, setFormError] = useState<unknown>(null);
  const creating = props.mode === 'create';
  const fields: (keyof FormValues)[] = creating
    ? ['code', 'nameVi', 'nameEn', 'canBeRoot', 'parentKinds', 'mergeGroup']
    : ['nameVi', 'nameEn', 'canBeRoot', 'parentKinds', 'mergeGroup'];

  const codeRules: FormRule[] = [
    requiredRule(t),
    { pattern: KIND_CODE_PATTERN, message: t('orgKinds.form.codePattern') },
    {
      validator: (_rule, value: string | undefined) =>
        value && props.kinds.some((kind) => kind.code === value.trim())
          ? Promise.reject(new Error(t('orgKinds.form.codeTaken')))
          : Promise.resolve(),
    },
  ];

  const options = props.kinds.map((kind) => ({ value: kind.code, label: pickName(lang, kind) }));

  const submit = (values: FormValues) => {
    const code = props.mode === 'create' ? (values.code ?? '').trim() : props.kind.code;
    // The previous answer's errors go; the rules have just passed.
    setFormError(null);
    form.setFields(fields.map((name) => ({ name, errors: [] })));
    save.mutate(
      {
        code,
        body: {
          nameVi: values.nameVi.trim(),
          nameEn: values.nameEn.trim(),
          canBeRoot: values.canBeRoot,
          parentKinds: values.parentKinds,
          mergeGroup: values.mergeGroup?.trim() || null,
        },
      },
      {
        onSuccess: (saved) => {
          void message.success(
            creating ? t('orgKinds.form.created', { name: pickName(lang, saved) }) : t('orgKinds.form.saved'),
          );
          props.onClose();
        },
        onError: (error) => {
          if (!showFieldError(lang, error, form, fields)) setFormError(error);
        },
      },
    );
  };

  const initialValues: Partial<FormValues> =
    props.mode === 'edit'
      ? {
          nameVi: props.kind.nameVi,
          nameEn: props.kind.nameEn,
          canBeRoot: props.kind.canBeRoot,
          parentKinds: props.kind.parentKinds,
          mergeGroup: props.kind.mergeGroup ?? undefined,
        }
      : { canBeRoot: false, parentKinds: [] };

  return (
    <Modal
      open
      title={
        props.mode === 'create'
          ? t('orgKinds.form.createTitle')
          : t('orgKinds.form.editTitle', { name: pickName(lang, props.kind) })
      }
      okText={creating ? t('orgKinds.form.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={save.isPending}
      okButtonProps={testId<ButtonProps>('kind-form-submit')}
      mask={{ closable: false }}
    >
      {formError !== null && (
        <Alert
          type="error"
          showIcon
          className="form-alert"
          title={errorText(lang, formError)}
          data-testid="kind-form-error"
        />
      )}
      {props.mode === 'edit' && (
        <p className="kind-form-code">
          {t('orgKinds.col.code')}: <code>{props.kind.code}</code>
        </p>
      )}
      <Form<FormValues>
        form={form}
        name="kindForm"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onValuesChange={(changed: Partial<FormValues>) => {
          // Fields without rules keep a server error until changed.
          const touched = UNCHECKED_FIELDS.filter((name) => name in changed);
          if (touched.length) form.setFields(touched.map((name) => ({ name, errors: [] })));
        }}
        requiredMark="optional"
      >
        {creating && (
          <Form.Item name="code" label={t('orgKinds.col.code')} rules={codeRules} extra={t('orgKinds.form.codeHelp')}>
            <Input maxLength={40} autoFocus autoCapitalize="none" autoComplete="off" spellCheck={false} />
          </Form.Item>
        )}
        <Form.Item name="nameVi" label={t('orgKinds.col.nameVi')} rules={[requiredRule(t)]}>
          <Input maxLength={200} autoFocus={!creating} autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('orgKinds.col.nameEn')} rules={[requiredRule(t)]}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="canBeRoot"
          label={t('orgKinds.col.canBeRoot')}
          valuePropName="checked"
          extra={t('orgKinds.form.canBeRootHelp')}
        >
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
        <Form.Item name="parentKinds" label={t('orgKinds.col.parentKinds')} extra={t('orgKinds.form.parentKindsHelp')}>
          <Select
            mode="multiple"
            options={options}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('orgKinds.form.parentKindsPlaceholder')}
            data-testid="kind-form-parents"
          />
        </Form.Item>
        <Form.Item name="mergeGroup" label={t('orgKinds.col.mergeGroup')} extra={t('orgKinds.form.mergeGroupHelp')}>
          <Input maxLength={40} autoCapitalize="none" autoComplete="off" spellCheck={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
