import { DatePicker, Form, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useShowError } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/dates';
import { requiredChoiceRule } from '../../components/formRules';
import { testId } from '../../components/testId';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { useBulkPeople } from './peopleApi';

interface FormValues {
  targetOrgId?: OrgOption;
  date: Dayjs;
}

interface Props {
  action: 'move' | 'end';
  membershipIds: string[];
  onClose: () => void;
  /** The job that applies the change has started. */
  onStarted: (jobId: string) => void;
}

/** Moves the selected staff to another unit from a date, or ends their work on a date. */
export function BulkMembershipModal({ action, membershipIds, onClose, onStarted }: Props) {
  const t = useT();
  const { lang } = useLang();
  const showError = useShowError();
  const bulk = useBulkPeople();
  const [form] = Form.useForm<FormValues>();
  const count = formatNumber(lang, membershipIds.length);
  const moving = action === 'move';

  const submit = (values: FormValues) =>
    bulk.mutate(
      {
        action,
        membershipIds,
        targetOrgId: moving ? values.targetOrgId?.value : undefined,
        date: values.date.format(API_DATE_FORMAT),
      },
      {
        onSuccess: (job) => onStarted(job.id),
        onError: (error) => showError(error, form, ['targetOrgId', 'date']),
      },
    );

  return (
    <Modal
      open
      title={moving ? t('people.bulk.moveTitle', { count }) : t('people.bulk.endTitle', { count })}
      okText={moving ? t('people.bulk.move') : t('people.bulk.end')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={bulk.isPending}
      okButtonProps={{ ...testId<ButtonProps>('bulk-submit'), danger: !moving }}
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">
        {moving ? t('people.bulk.moveHelp') : t('people.bulk.endHelp')}
      </Typography.Paragraph>
      <Form<FormValues> form={form} name="bulk" layout="vertical" initialValues={{ date: dayjs() }} onFinish={submit}>
        {moving && (
          <Form.Item name="targetOrgId" label={t('people.bulk.target')} rules={[requiredChoiceRule(t)]}>
            <OrgTreeSelect data-testid="bulk-target" allowClear={false} />
          </Form.Item>
        )}
        <Form.Item
          name="date"
          label={moving ? t('people.bulk.moveDate') : t('people.bulk.endDate')}
          rules={[requiredChoiceRule(t)]}
        >
          <DatePicker format={DATE_FORMAT} className="full-width" placeholder={t('form.datePlaceholder')} data-testid="bulk-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
