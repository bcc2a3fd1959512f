import { App, Form, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { PersonDetail } from '../../app/types';
import { testId } from '../../components/testId';
import { useAddMembership } from './peopleApi';
import { MembershipFields } from './PersonFormSections';
import { membershipBody, type MembershipValues } from './personFormValues';

const FIELDS = ['orgId', 'category', 'position', 'rank', 'validFrom', 'validTo'];

/** Records that the person works (also) in a unit, from a date. */
export function AddMembershipModal({ person, onClose }: { person: PersonDetail; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const add = useAddMembership();
  const [form] = Form.useForm<MembershipValues>();

  const submit = (values: MembershipValues) => {
    const body = membershipBody(values);
    if (!body) return;
    add.mutate(
      { personId: person.id, body },
      {
        onSuccess: () => {
          void message.success(t('people.membership.added'));
          onClose();
        },
        onError: (error) => showError(error, form, FIELDS),
      },
    );
  };

  return (
    <Modal
      open
      width={720}
      title={t('people.membership.addTitle', { name: person.fullName })}
      okText={t('people.membership.add')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={add.isPending}
      okButtonProps={testId<ButtonProps>('membership-submit')}
      mask={{ closable: false }}
    >
      <Form<MembershipValues>
        form={form}
        name="membership"
        layout="vertical"
        initialValues={{ category: 'cong_chuc' }}
        onFinish={submit}
      >
        <MembershipFields />
      </Form>
    </Modal>
  );
}
