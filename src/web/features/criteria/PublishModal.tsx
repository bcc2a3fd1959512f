import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/dates';
import { usePublish } from './criteriaApi';

interface Values {
  effectiveFrom: Dayjs;
  note?: string;
}

export function PublishModal({ setId, nextNo, onClose }: { setId: string; nextNo: number; onClose: () => void }) {
  const t = useT();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const publish = usePublish(setId);
  const submit = (values: Values) =>
    publish.mutate(
      { effectiveFrom: values.effectiveFrom.format(API_DATE_FORMAT), note: values.note?.trim() || null },
      {
        onSuccess: (v) => {
          void message.success(t('criteria.publish.done', { no: v.no }));
          onClose();
        },
        onError: (e) => showError(e, form, ['effectiveFrom', 'note']),
      },
    );
  return (
    <Modal open title={t('criteria.publish.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('criteria.action.publish')} confirmLoading={publish.isPending} okButtonProps={{ 'data-testid': 'criteria-publish-submit' } as never}>
      <Typography.Paragraph type="secondary">{t('criteria.publish.text', { no: nextNo })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ effectiveFrom: dayjs() }}>
        <Form.Item name="effectiveFrom" label={t('criteria.publish.effectiveFrom')} rules={[{ required: true, message: t('criteria.publish.effectiveFrom') }]}>
          <DatePicker format={DATE_FORMAT} className="full-width" data-testid="criteria-publish-date" />
        </Form.Item>
        <Form.Item name="note" label={t('criteria.publish.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="criteria-publish-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
