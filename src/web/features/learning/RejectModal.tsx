import { App, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { LearningRecordView } from '../../../shared/learning';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import { requiredRule } from '../../components/formRules';
import { testId } from '../../components/testId';
import { useVerifyRecord } from './learningApi';

/** "Không xác nhận": rejects a record with the reason the member is told. */
export function RejectModal({ record, onClose }: { record: LearningRecordView; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const verify = useVerifyRecord();
  const [form] = Form.useForm<{ reason: string }>();

  const submit = ({ reason }: { reason: string }) =>
    verify.mutate(
      { id: record.id, decision: 'rejected', reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('learning.review.rejected', { name: record.person.fullName }));
          onClose();
        },
        onError: (error) => showError(error, form, ['reason']),
      },
    );

  return (
    <Modal
      open
      title={t('learning.review.rejectTitle')}
      okText={t('learning.review.reject')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={verify.isPending}
      okButtonProps={{ ...testId<ButtonProps>('reject-submit'), danger: true }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph>
        <strong>{record.person.fullName}</strong> · {record.title}
      </Typography.Paragraph>
      <Form form={form} name="reject" layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t('learning.review.reason')} extra={t('learning.review.reasonHelp')} rules={[requiredRule(t)]}>
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="reject-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
