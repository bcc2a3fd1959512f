import { App, Form, Input, Modal, Select } from 'antd';
import type { ButtonProps } from 'antd';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { HouseholdDetail, HouseholdMember } from '../../app/types';
import { requiredChoiceRule, requiredRule } from '../../components/formRules';
import type { PickedOption } from '../../components/RemoteSelect';
import { testId } from '../../components/testId';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { useCreateHousehold, useUpdateHousehold } from './householdsApi';

interface FormValues {
  orgId?: OrgOption;
  code: string;
  address?: string;
  headPersonId?: PickedOption;
}

type Props =
  | { mode: 'create'; defaultOrg?: OrgOption; household?: undefined; onClose: () => void; onDone?: (id: string) => void }
  | { mode: 'edit'; household: HouseholdDetail; defaultOrg?: undefined; onClose: () => void; onDone?: (id: string) => void };

const FIELDS = ['orgId', 'code', 'address', 'headPersonId'];

/** The head of household, chosen among its members. */
function HeadSelect({ members, ...rest }: { members: HouseholdMember[]; value?: PickedOption; onChange?: (v?: PickedOption) => void }) {
  const t = useT();
  return (
    <Select<PickedOption>
      {...rest}
      labelInValue
      allowClear
      data-testid="household-form-head"
      placeholder={t('household.form.headPlaceholder')}
      options={members.map((m) => ({ value: m.id, label: m.fullName }))}
    />
  );
}

/** Adds a household in a hamlet (its number in the hamlet, address, head) or edits one. */
export function HouseholdFormModal(props: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateHousehold();
  const update = useUpdateHousehold();
  const creating = props.mode === 'create';

  const submit = (values: FormValues) => {
    const code = values.code.trim();
    const address = values.address?.trim() || null;
    const callbacks = {
      onSuccess: (saved: HouseholdDetail) => {
        void message.success(creating ? t('household.form.created', { code: saved.code }) : t('household.form.saved'));
        props.onClose();
        props.onDone?.(saved.id);
      },
      onError: (error: unknown) => showError(error, form, FIELDS),
    };
    // A new household has no members yet: its head is chosen among them afterwards.
    if (props.mode === 'create') create.mutate({ orgId: values.orgId?.value, code, address }, callbacks);
    else update.mutate({ id: props.household.id, body: { code, address, headPersonId: values.headPersonId?.value ?? null } }, callbacks);
  };

  const initialValues: Partial<FormValues> =
    props.mode === 'edit'
      ? {
          orgId: { value: props.household.org.id, label: props.household.org.name },
          code: props.household.code,
          address: props.household.address ?? undefined,
          headPersonId: props.household.head
            ? { value: props.household.head.id, label: props.household.head.fullName }
            : undefined,
        }
      : { orgId: props.defaultOrg };

  return (
    <Modal
      open
      title={creating ? t('household.form.createTitle') : t('household.form.editTitle', { code: props.household.code })}
      okText={creating ? t('household.form.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={testId<ButtonProps>('household-form-submit')}
      mask={{ closable: false }}
    >
      <Form<FormValues> form={form} name="householdForm" layout="vertical" initialValues={initialValues} onFinish={submit} requiredMark="optional">
        <Form.Item name="orgId" label={t('people.col.place')} rules={[requiredChoiceRule(t)]}>
          <OrgTreeSelect data-testid="household-form-org" allowClear={false} disabled={!creating} />
        </Form.Item>
        <Form.Item name="code" label={t('household.field.code')} rules={[requiredRule(t)]} extra={t('household.form.codeHelp')}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="address" label={t('people.field.address')}>
          <Input maxLength={300} />
        </Form.Item>
        {props.mode === 'edit' && (
          <Form.Item name="headPersonId" label={t('household.field.head')} extra={t('household.form.headHelp')}>
            <HeadSelect members={props.household.members} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
