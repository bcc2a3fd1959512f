import { App, Col, DatePicker, Form, Modal, Row, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { LearningYearRecord } from '../../../shared/studyPlan';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import { API_DATE_FORMAT, DATE_FORMAT } from '../../components/dates';
import { requiredChoiceRule } from '../../components/formRules';
import { testId } from '../../components/testId';
import { useSaveLearningYear } from './studyPlanApi';

const FIELDS = ['year', 'startsOn', 'endsOn', 'planDeadline', 'reportDeadline'];

interface Values {
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  planDeadline?: Dayjs | null;
  reportDeadline?: Dayjs | null;
}

const day = (iso: string | undefined) => (iso ? dayjs(iso) : undefined);
const iso = (d: Dayjs | null | undefined) => (d ? d.format(API_DATE_FORMAT) : undefined);

/**
 * Opens or changes the learning year of a unit (PUT /learning-years): its plan and report
 * deadlines and, when not the calendar year, its period. The server's checks show under the field.
 */
export function LearningYearModal({ org, year, current, onClose }: { org: { id: string; name: string }; year: number; current?: LearningYearRecord; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSaveLearningYear();
  const [form] = Form.useForm<Values>();
  const wholeYear = !current || (current.startsOn === `${year}-01-01` && current.endsOn === `${year}-12-31`);

  const onFinish = (values: Values) =>
    save.mutate(
      {
        orgId: org.id,
        year,
        startsOn: iso(values.startsOn),
        endsOn: iso(values.endsOn),
        planDeadline: iso(values.planDeadline)!,
        reportDeadline: iso(values.reportDeadline)!,
      },
      {
        onSuccess: () => {
          void message.success(t('studyPlan.ly.saved', { year }));
          onClose();
        },
        onError: (error) => showError(error, form, FIELDS),
      },
    );

  const picker = (id: string) => <DatePicker format={DATE_FORMAT} className="full-width" placeholder={t('form.datePlaceholder')} data-testid={id} />;
  return (
    <Modal
      open
      title={t('studyPlan.ly.modalTitle', { year, org: org.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={testId<ButtonProps>('ly-submit')}
      mask={{ closable: false }}
    >
      <Typography.Paragraph className="muted">{t('studyPlan.ly.modalHelp', { org: org.name })}</Typography.Paragraph>
      <Form<Values>
        form={form}
        name="learningYear"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          planDeadline: day(current?.planDeadline),
          reportDeadline: day(current?.reportDeadline),
          startsOn: wholeYear ? undefined : day(current?.startsOn),
          endsOn: wholeYear ? undefined : day(current?.endsOn),
        }}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="planDeadline" label={t('studyPlan.ly.planDeadline')} rules={[requiredChoiceRule(t)]}>
              {picker('ly-plan-deadline-input')}
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="reportDeadline" label={t('studyPlan.ly.reportDeadline')} rules={[requiredChoiceRule(t)]}>
              {picker('ly-report-deadline-input')}
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="startsOn" label={t('studyPlan.ly.startsOn')}>
              {picker('ly-starts-on')}
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="endsOn" label={t('studyPlan.ly.endsOn')}>
              {picker('ly-ends-on')}
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary" className="small-note">
          {t('studyPlan.ly.periodHelp')}
        </Typography.Text>
      </Form>
    </Modal>
  );
}
