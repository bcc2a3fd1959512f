import { App, DatePicker, Form, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { MembershipView } from '../../app/types';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/dates';
import { requiredChoiceRule } from '../../components/formRules';
import { testId } from '../../components/testId';
import { useUpdateMembership } from './peopleApi';

/** Ends a membership on a date (the first day the person no longer works there). */
export function EndMembershipModal({ membership, onClose }: { membership: MembershipView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const end = useUpdateMembership();
  const [form] = Form.useForm<{ validTo: Dayjs }>();

  const submit = ({ validTo }: { validTo: Dayjs }) =>
    end.mutate(
      { id: membership.id, body: { validTo: validTo.format(API_DATE_FORMAT) } },
      {
        onSuccess: () => {
          void message.success(t('people.membership.ended'));
          onClose();
        },
        onError: (error) => showError(error, form, ['validTo']),
      },
    );

  return (
    <Modal
      open
      title={t('people.membership.endTitle', { org: membership.org.name })}
      okText={t('people.membership.end')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={end.isPending}
      okButtonProps={{ ...testId<ButtonProps>('membership-end-submit'), danger: true }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('people.membership.endHelp')}</Typography.Paragraph>
      <Form form={form} name="membershipEnd" layout="vertical" initialValues={{ validTo: dayjs() }} onFinish={submit}>
        <Form.Item name="validTo" label={t('people.field.validTo')} rules={[requiredChoiceRule(t)]}>
          <DatePicker format={DATE_FORMAT} className="full-width" placeholder={t('form.datePlaceholder')} data-testid="membership-end-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
