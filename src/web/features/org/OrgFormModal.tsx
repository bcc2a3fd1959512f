import { App, Alert, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useShowError } from '../../app/errors';
import { pickName, useLang, useT } from '../../app/i18n';
import type { OrgSummary } from '../../app/types';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/dates';
import { testId } from '../../components/testId';
import { requiredRule } from '../../components/formRules';
import { allowedKinds, useCreateOrg, useOrgDetail, useOrgKinds, useUpdateOrg } from './orgApi';

interface FormValues {
  name: string;
  kindCode: string;
  code?: string;
  validFrom?: Dayjs | null;
}

type Props =
  | { mode: 'create'; parent: OrgSummary; org?: undefined; onClose: () => void; onDone: (org: OrgSummary) => void }
  | { mode: 'edit'; org: OrgSummary; parent?: undefined; onClose: () => void; onDone: (org: OrgSummary) => void };

const FIELDS = ['name', 'kindCode', 'code', 'validFrom'];

/** Adds a unit under `parent`, or edits `org` (name, kind, official code). */
export function OrgFormModal(props: Props) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const kinds = useOrgKinds();
  const create = useCreateOrg();
  const update = useUpdateOrg();
  const editedParentId = props.mode === 'edit' ? props.org.parentId : null;
  const editedParent = useOrgDetail(editedParentId);

  let parentKind: string | null | undefined;
  if (props.mode === 'create') parentKind = props.parent.kindCode;
  else if (editedParentId === null) parentKind = null;
  else parentKind = editedParent.data?.org.kindCode;

  const options = allowedKinds(kinds.data ?? [], parentKind).map((kind) => ({
    value: kind.code,
    label: pickName(lang, kind),
  }));
  if (props.mode === 'edit' && !options.some((option) => option.value === props.org.kindCode)) {
    const current = kinds.data?.find((kind) => kind.code === props.org.kindCode);
    options.push({ value: props.org.kindCode, label: current ? pickName(lang, current) : props.org.kindCode });
  }
  const noKind = props.mode === 'create' && kinds.isSuccess && options.length === 0;

  const submit = (values: FormValues) => {
    const name = values.name.trim();
    const code = values.code?.trim() || undefined;
    const onError = (error: unknown) => showError(error, form, FIELDS);
    if (props.mode === 'create') {
      create.mutate(
        {
          parentId: props.parent.id,
          name,
          kindCode: values.kindCode,
          code,
          validFrom: values.validFrom ? values.validFrom.format(API_DATE_FORMAT) : undefined,
        },
        {
          onSuccess: (created) => {
            void message.success(t('org.form.created', { name: created.name }));
            props.onDone(created);
          },
          onError,
        },
      );
    } else {
      update.mutate(
        { id: props.org.id, body: { name, kindCode: values.kindCode, code: code ?? null } },
        {
          onSuccess: (changed) => {
            void message.success(t('org.form.saved'));
            props.onDone(changed);
          },
          onError,
        },
      );
    }
  };

  const initialValues: Partial<FormValues> =
    props.mode === 'edit'
      ? { name: props.org.name, kindCode: props.org.kindCode, code: props.org.code ?? undefined }
      : { kindCode: options.length === 1 ? options[0]?.value : undefined };

  return (
    <Modal
      open
      title={
        props.mode === 'create'
          ? t('org.form.createTitle', { parent: props.parent.name })
          : t('org.form.editTitle', { name: props.org.name })
      }
      okText={props.mode === 'create' ? t('org.form.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={{ ...testId<ButtonProps>('org-form-submit'), disabled: noKind }}
      mask={{ closable: false }}
    >
      {noKind && <Alert type="warning" showIcon className="form-alert" title={t('org.form.noKind')} />}
      <Form<FormValues>
        form={form}
        name="orgForm"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        requiredMark="optional"
      >
        <Form.Item name="name" label={t('org.field.name')} rules={[requiredRule(t)]}>
          <Input maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="kindCode" label={t('org.field.kind')} rules={[requiredRule(t)]}>
          <Select
            options={options}
            loading={kinds.isPending || editedParent.isFetching}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('org.form.kindPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="code" label={t('org.field.code')} extra={t('org.form.codeHelp')}>
          <Input maxLength={50} />
        </Form.Item>
        {props.mode === 'create' && (
          <Form.Item name="validFrom" label={t('org.field.validFrom')} extra={t('org.form.validFromHelp')}>
            <DatePicker format={DATE_FORMAT} className="full-width" placeholder={t('form.datePlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
