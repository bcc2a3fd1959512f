import { App, Form, Input, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { ClanDetail } from '../../app/types';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import type { PickedOption } from '../../components/RemoteSelect';
import { testId } from '../../components/testId';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { PersonSelect } from '../people/PersonSelect';
import { useCreateClan, useUpdateClan } from './householdsApi';

interface FormValues {
  orgId?: OrgOption;
  name: string;
  headPersonId?: PickedOption;
  note?: string;
}

type Props =
  | { mode: 'create'; defaultOrg?: OrgOption; clan?: undefined; onClose: () => void; onDone?: (id: string) => void }
  | { mode: 'edit'; clan: ClanDetail; defaultOrg?: undefined; onClose: () => void; onDone?: (id: string) => void };

const FIELDS = ['orgId', 'name', 'headPersonId', 'note'];

/** Adds a clan (dòng họ) of a commune, its head (trưởng họ) and a note, or edits one. */
export function ClanFormModal(props: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateClan();
  const update = useUpdateClan();
  const orgId = Form.useWatch('orgId', form);
  const creating = props.mode === 'create';

  const submit = (values: FormValues) => {
    const body = {
      orgId: values.orgId?.value,
      name: values.name.trim(),
      headPersonId: values.headPersonId?.value ?? null,
      note: values.note?.trim() || null,
    };
    const callbacks = {
      onSuccess: (saved: ClanDetail) => {
        void message.success(creating ? t('clan.form.created', { name: saved.name }) : t('clan.form.saved'));
        props.onClose();
        props.onDone?.(saved.id);
      },
      onError: (error: unknown) => showError(error, form, FIELDS),
    };
    if (props.mode === 'create') create.mutate(body, callbacks);
    else update.mutate({ id: props.clan.id, body: { ...body, orgId: undefined } }, callbacks);
  };

  const initialValues: Partial<FormValues> =
    props.mode === 'edit'
      ? {
          orgId: { value: props.clan.org.id, label: props.clan.org.name },
          name: props.clan.name,
          headPersonId: props.clan.head ? { value: props.clan.head.id, label: props.clan.head.fullName } : undefined,
          note: props.clan.note ?? undefined,
        }
      : { orgId: props.defaultOrg };

  return (
    <Modal
      open
      title={creating ? t('clan.form.createTitle') : t('clan.form.editTitle', { name: props.clan.name })}
      okText={creating ? t('clan.form.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={testId<ButtonProps>('clan-form-submit')}
      mask={{ closable: false }}
    >
      <Form<FormValues> form={form} name="clanForm" layout="vertical" initialValues={initialValues} onFinish={submit} requiredMark="optional">
        <Form.Item name="orgId" label={t('clan.field.org')} rules={[requiredChoiceRule(t)]}>
          <OrgTreeSelect data-testid="clan-form-org" allowClear={false} disabled={!creating} />
        </Form.Item>
        <Form.Item name="name" label={t('clan.field.name')} rules={[requiredRule(t)]}>
          <Input maxLength={200} placeholder={t('clan.form.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        <Form.Item name="headPersonId" label={t('clan.field.head')}>
          <PersonSelect kind="resident" orgId={orgId?.value} data-testid="clan-form-head" />
        </Form.Item>
        <Form.Item name="note" label={t('people.field.note')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
