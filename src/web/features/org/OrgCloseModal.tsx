import { App, DatePicker, Form, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { OrgSummary } from '../../app/types';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/dates';
import { testId } from '../../components/testId';
import { useCloseOrg } from './orgApi';

interface FormValues {
  validTo: Dayjs;
}

/** Closes (dissolves, merges away) an organisation from a date; it stays in history. */
export function OrgCloseModal({ org, onClose }: { org: OrgSummary; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const close = useCloseOrg();
  const [form] = Form.useForm<FormValues>();

  const submit = (values: FormValues) =>
    close.mutate(
      { id: org.id, validTo: values.validTo.format(API_DATE_FORMAT) },
      {
        onSuccess: () => {
          void message.success(t('org.close.done', { name: org.name }));
          onClose();
        },
        onError: (error) => showError(error, form, ['validTo']),
      },
    );

  return (
    <Modal
      open
      title={t('org.close.title', { name: org.name })}
      okText={t('org.close.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={close.isPending}
      okButtonProps={{ ...testId<ButtonProps>('org-close-submit'), danger: true }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t('org.close.help')}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        name="orgClose"
        layout="vertical"
        initialValues={{ validTo: dayjs() }}
        onFinish={submit}
      >
        <Form.Item
          name="validTo"
          label={t('org.field.validTo')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker
            format={DATE_FORMAT}
            className="full-width"
            placeholder={t('form.datePlaceholder')}
            data-testid="org-close-date"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
