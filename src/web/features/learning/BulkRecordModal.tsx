import { App, Button, Divider, Form, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, isApiError, query } from '../../app/api';
import { errorText, useShowError } from '../../app/errors';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { CappedPage, PersonListItem } from '../../app/types';
import { requiredChoiceRule } from '../../components/formRules';
import type { PickedOption } from '../../components/RemoteSelect';
import { testId } from '../../components/testId';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { useBulkRecord } from './learningApi';
import { PeoplePicker } from './PeoplePicker';
import { RecordFields } from './RecordFields';
import { RECORD_FORM_FIELDS, recordBody, type RecordFormValues } from './recordForm';

interface BulkValues extends RecordFormValues {
  org?: OrgOption;
  people?: PickedOption[];
}

/** The people API answers at most this many rows a page: "the whole unit" takes that many. */
const WHOLE_UNIT_MAX = 100;

/**
 * "Ghi nhận cho nhiều người": one training (a conference, a course the unit ran) recorded for many
 * attendees of a unit at once, verified; all or nothing (learning.manage).
 */
export function BulkRecordModal({ defaultOrg, onClose }: { defaultOrg?: OrgOption; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const bulk = useBulkRecord();
  const [form] = Form.useForm<BulkValues>();
  const org = Form.useWatch('org', form);
  const picked = Form.useWatch('people', form) ?? [];

  const addWholeUnit = async () => {
    if (!org) return;
    try {
      const page = await api.get<CappedPage<PersonListItem>>(`/people${query({ kind: 'staff', orgId: org.value, page: 1, pageSize: WHOLE_UNIT_MAX })}`);
      const have = new Set(picked.map((p) => p.value));
      const added = page.items
        .filter((p, i, all) => all.findIndex((o) => o.id === p.id) === i && !have.has(p.id))
        .map((p) => ({ value: p.id, label: p.fullName }));
      form.setFieldsValue({ people: [...picked, ...added] });
      if (page.total > WHOLE_UNIT_MAX) void message.warning(t('learning.bulk.wholeUnitCapped', { count: formatNumber(lang, WHOLE_UNIT_MAX) }));
    } catch (error) {
      void message.error(errorText(lang, error));
    }
  };

  const submit = (values: BulkValues) => {
    const people = values.people ?? [];
    bulk.mutate(
      { ...recordBody(values), orgId: values.org?.value ?? '', personIds: people.map((p) => p.value) },
      {
        onSuccess: (done) => {
          void modal.success({
            title: t('learning.bulk.done', { count: formatNumber(lang, done.created) }),
            content: values.title,
          });
          onClose();
        },
        onError: (error) => {
          // "personIds.3": the fourth attendee is not a member of the unit.
          const at = isApiError(error) && error.field?.startsWith('personIds.') ? Number(error.field.split('.')[1]) : NaN;
          if (Number.isInteger(at) && people[at]) {
            form.setFields([{ name: 'people', errors: [`${errorText(lang, error)} (${people[at].label})`] }]);
            return;
          }
          if (isApiError(error) && error.field === 'orgId') {
            form.setFields([{ name: 'org', errors: [errorText(lang, error)] }]);
            return;
          }
          showError(error, form, RECORD_FORM_FIELDS);
        },
      },
    );
  };

  return (
    <Modal
      open
      width={760}
      title={t('learning.bulk.title')}
      okText={t('learning.bulk.submit', { count: formatNumber(lang, picked.length) })}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={bulk.isPending}
      okButtonProps={{ ...testId<ButtonProps>('bulk-record-submit'), disabled: picked.length === 0 }}
      mask={{ closable: false }}
      className="learning-form-modal"
    >
      <Typography.Paragraph type="secondary">{t('learning.bulk.help')}</Typography.Paragraph>
      <Form<BulkValues>
        form={form}
        name="bulkRecord"
        layout="vertical"
        initialValues={{ org: defaultOrg, people: [], kind: 'course', endsOn: dayjs() }}
        onFinish={submit}
        onValuesChange={(changed: Partial<BulkValues>) => {
          if ('org' in changed) form.setFieldsValue({ people: [], mandatoryTrainingId: null });
        }}
        scrollToFirstError
      >
        <Form.Item name="org" label={t('learning.bulk.unit')} rules={[requiredChoiceRule(t)]}>
          <OrgTreeSelect data-testid="bulk-record-org" allowClear={false} />
        </Form.Item>
        <Form.Item
          name="people"
          label={t('learning.bulk.people', { count: formatNumber(lang, picked.length) })}
          rules={[{ required: true, type: 'array', min: 1, message: t('learning.bulk.peopleRequired') }]}
        >
          <PeoplePicker orgId={org?.value} data-testid="bulk-record-people" />
        </Form.Item>
        <Button icon={<TeamOutlined />} onClick={() => void addWholeUnit()} disabled={!org} className="bulk-whole-unit" data-testid="bulk-record-whole-unit">
          {t('learning.bulk.wholeUnit')}
        </Button>
        <Divider titlePlacement="start">{t('learning.bulk.training')}</Divider>
        <RecordFields catalogueOrgId={org?.value} />
      </Form>
    </Modal>
  );
}
