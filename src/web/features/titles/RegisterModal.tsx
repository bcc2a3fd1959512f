import { useState } from 'react';
import { Alert, App, Form, Modal, Radio, Select, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { TITLE_SUBJECT, type LearningTitle } from '../../../shared/criteria';
import { CITIZEN_GROUPS } from '../../../shared/people';
import { errorText } from '../../app/errors';
import { formatNumber, pickText, useLang, useT } from '../../app/i18n';
import type { PickedOption } from '../../components/RemoteSelect';
import { testId } from '../../components/testId';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { yearChoices } from '../studyPlan/YearSelect';
import { SubjectPicker, type PeopleList } from './SubjectPicker';
import { titleOptions } from './titleLabels';
import { useRegister } from './titlesApi';

interface Values {
  title: LearningTitle;
  year: number;
  citizenGroup?: string;
}

/**
 * "Đăng ký": pick a title and year, the unit (hamlet, commune…) whose people, households, clans or
 * units to list, then one or many subjects; many go to the all-or-nothing bulk endpoint.
 */
export function RegisterModal({
  org,
  year,
  title,
  onClose,
}: {
  org: OrgOption | undefined;
  year: number;
  title?: LearningTitle;
  onClose: () => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const register = useRegister();
  const [form] = Form.useForm<Values>();
  const picked = Form.useWatch('title', form) ?? title ?? 'LEARNING_FAMILY';
  const kind = TITLE_SUBJECT[picked];
  const [where, setWhere] = useState<OrgOption | undefined>(org);
  const [people, setPeople] = useState<PeopleList>('staff');
  const [subjects, setSubjects] = useState<PickedOption[]>([]);
  const [error, setError] = useState<unknown>(null);

  const submit = (values: Values) => {
    if (subjects.length === 0) {
      setError(null);
      form.setFields([{ name: 'title', errors: [] }]);
      void message.warning(t('titles.register.pickPlaceholder'));
      return;
    }
    setError(null);
    register.mutate(
      {
        year: values.year,
        title: values.title,
        subjectKind: kind,
        subjectIds: subjects.map((s) => s.value),
        ...(values.title === 'LEARNING_CITIZEN' && values.citizenGroup ? { citizenGroup: values.citizenGroup } : {}),
      },
      {
        onSuccess: (res) => {
          void message.success(
            subjects.length === 1
              ? t('titles.register.doneOne')
              : t('titles.register.done', { created: formatNumber(lang, res.created), already: formatNumber(lang, res.alreadyRegistered) }),
          );
          onClose();
        },
        onError: setError,
      },
    );
  };

  return (
    <Modal
      open
      title={t('titles.register.title')}
      okText={subjects.length > 1 ? `${t('titles.register.ok')} (${formatNumber(lang, subjects.length)})` : t('titles.register.ok')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={register.isPending}
      okButtonProps={testId<ButtonProps>('title-register-ok')}
      mask={{ closable: false }}
      width={640}
      data-testid="title-register-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="titleRegister"
        initialValues={{ title: title ?? 'LEARNING_FAMILY', year }}
        onFinish={submit}
        onValuesChange={(changed) => {
          if ('title' in changed) setSubjects([]);
        }}
      >
        <div className="title-register-row">
          <Form.Item name="title" label={t('titles.register.titleField')} rules={[{ required: true, message: t('form.required') }]} className="title-register-title">
            <Select options={titleOptions(lang)} data-testid="title-register-title" />
          </Form.Item>
          <Form.Item name="year" label={t('titles.register.year')} rules={[{ required: true, message: t('form.required') }]}>
            <Select options={yearChoices().map((y) => ({ value: y, label: String(y) }))} data-testid="title-register-year" />
          </Form.Item>
        </div>
        {picked === 'LEARNING_CITIZEN' && (
          <Form.Item name="citizenGroup" label={t('titles.register.group')}>
            <Select
              allowClear
              data-testid="title-register-group"
              options={Object.entries(CITIZEN_GROUPS).map(([value, label]) => ({ value, label: pickText(lang, label) }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('titles.register.where')} required>
          <OrgTreeSelect
            value={where}
            onChange={(o) => {
              setWhere(o);
              setSubjects([]);
            }}
            data-testid="title-register-org"
            aria-label={t('titles.register.where')}
          />
        </Form.Item>
        {kind === 'person' && (
          <Form.Item label={t('titles.register.peopleKind')}>
            <Radio.Group
              value={people}
              onChange={(e) => {
                setPeople(e.target.value as PeopleList);
                setSubjects([]);
              }}
              optionType="button"
              options={[
                { value: 'staff', label: t('titles.register.staff') },
                { value: 'resident', label: t('titles.register.residents') },
              ]}
              data-testid="title-register-people"
            />
          </Form.Item>
        )}
        <Form.Item label={t('titles.register.subjects')} required>
          <SubjectPicker kind={kind} orgId={where?.value} people={people} value={subjects} onChange={setSubjects} />
        </Form.Item>
      </Form>
      <Typography.Paragraph className="muted small-note">{t('titles.register.help')}</Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={errorText(lang, error)} data-testid="title-register-error" />}
    </Modal>
  );
}
