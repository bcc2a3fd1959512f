import { App, Form, Modal } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs from 'dayjs';
import type { LearningRecordView } from '../../../shared/learning';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import { testId } from '../../components/testId';
import { useCreateRecord, useUpdateRecord } from './learningApi';
import { RecordFields } from './RecordFields';
import { RECORD_FORM_FIELDS, recordBody, recordFormValues, type RecordFormValues } from './recordForm';

interface Props {
  /** The record to change; none: a new one of mine. */
  record?: LearningRecordView;
  /** My unit (the catalogue of mandatory trainings that apply). */
  unitId: string | undefined;
  /** The year the page shows: a new record ends today, or on the last day of a past year. */
  year: number;
  onClose: () => void;
  /** A new record was saved (to attach evidence next). */
  onCreated?: (record: LearningRecordView) => void;
}

/** Adds one of my learning records, or changes one (a rejected one goes back to awaiting verification). */
export function RecordFormModal({ record, unitId, year, onClose, onCreated }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<RecordFormValues>();
  const create = useCreateRecord();
  const update = useUpdateRecord();
  const today = dayjs();
  const defaultEnd = today.year() === year ? today : dayjs(`${year}-12-31`);

  const submit = (values: RecordFormValues) => {
    const onError = (error: unknown) => showError(error, form, RECORD_FORM_FIELDS);
    if (record) {
      update.mutate(
        { id: record.id, body: recordBody(values, record.planLineId) },
        {
          onSuccess: () => {
            void message.success(record.status === 'rejected' ? t('learning.form.resent') : t('learning.form.saved'));
            onClose();
          },
          onError,
        },
      );
    } else {
      create.mutate(recordBody(values), {
        onSuccess: (created) => {
          void message.success(t('learning.form.created'));
          onCreated?.(created);
          onClose();
        },
        onError,
      });
    }
  };

  return (
    <Modal
      open
      width={720}
      title={record ? t('learning.form.editTitle') : t('learning.form.createTitle')}
      okText={record ? t('common.save') : t('learning.form.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={testId<ButtonProps>('record-submit')}
      mask={{ closable: false }}
      className="learning-form-modal"
    >
      <Form<RecordFormValues>
        form={form}
        name="record"
        layout="vertical"
        initialValues={record ? recordFormValues(record) : { kind: 'course', endsOn: defaultEnd }}
        onFinish={submit}
        scrollToFirstError
      >
        <RecordFields catalogueOrgId={record?.org.id ?? unitId} />
      </Form>
    </Modal>
  );
}
