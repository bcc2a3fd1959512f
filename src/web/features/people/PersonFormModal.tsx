import { App, Divider, Form, Modal, Radio } from 'antd';
import type { ButtonProps } from 'antd';
import { useNavigate } from 'react-router';
import { useShowError } from '../../app/errors';
import { useT } from '../../app/i18n';
import type { PersonDetail } from '../../app/types';
import { testId } from '../../components/testId';
import type { OrgOption } from '../org/OrgTreeSelect';
import { personPath } from './peopleColumns';
import { useCreatePerson, useUpdatePerson, type PeopleKind, type PersonBody } from './peopleApi';
import { EducationFields, IdentityFields, MembershipFields, ResidenceFields } from './PersonFormSections';
import {
  AUTO_GROUP,
  membershipBody,
  PERSON_FORM_FIELDS,
  personBody,
  personFormValues,
  type PersonFormValues,
} from './personFormValues';

type Props =
  | { mode: 'create'; kind: PeopleKind; defaultOrg?: OrgOption; person?: undefined; onClose: () => void }
  | { mode: 'edit'; person: PersonDetail; kind?: undefined; defaultOrg?: undefined; onClose: () => void };

/** Only what changed: a field the viewer could not see (a residence elsewhere) is never cleared. */
function changes(body: PersonBody, before: PersonBody): PersonBody {
  return Object.fromEntries(
    Object.entries(body).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof PersonBody])),
  ) as PersonBody;
}

/** Adds a person (a member of staff of a unit, or a resident of a hamlet) or edits one. */
export function PersonFormModal(props: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [form] = Form.useForm<PersonFormValues>();
  const create = useCreatePerson();
  const update = useUpdatePerson();
  const creating = props.mode === 'create';
  const place = Form.useWatch('place', form) ?? props.kind;
  // Everyone may type identifiers for a new person; an edit needs the right to read them.
  const sensitive = creating || !props.person.masked;

  const submit = (values: PersonFormValues) => {
    const onError = (error: unknown) => showError(error, form, PERSON_FORM_FIELDS);
    const body = personBody(values, { sensitive });
    if (props.mode === 'create') {
      const membership = values.place === 'staff' && values.membership ? membershipBody(values.membership) : undefined;
      create.mutate(
        {
          ...body,
          fullName: body.fullName ?? '',
          ...(membership ? { membership, residenceOrgId: body.residenceOrgId ?? undefined } : {}),
        },
        {
          onSuccess: (person) => {
            void message.success(t('people.form.created', { name: person.fullName }));
            props.onClose();
            navigate(personPath(person.id));
          },
          onError,
        },
      );
    } else {
      const before = personBody(personFormValues(props.person), { sensitive });
      update.mutate(
        { id: props.person.id, body: changes(body, before) },
        {
          onSuccess: () => {
            void message.success(t('people.form.saved'));
            props.onClose();
          },
          onError,
        },
      );
    }
  };

  const initialValues: Partial<PersonFormValues> =
    props.mode === 'edit'
      ? personFormValues(props.person)
      : {
          place: props.kind,
          citizenGroup: AUTO_GROUP,
          residenceOrgId: props.kind === 'resident' ? props.defaultOrg : undefined,
          membership: { orgId: props.kind === 'staff' ? props.defaultOrg : undefined, category: 'cong_chuc' },
        };

  return (
    <Modal
      open
      width={860}
      title={creating ? t('people.form.createTitle') : t('people.form.editTitle', { name: props.person.fullName })}
      okText={creating ? t('people.form.create') : t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={create.isPending || update.isPending}
      okButtonProps={testId<ButtonProps>('person-form-submit')}
      mask={{ closable: false }}
      className="person-form-modal"
    >
      <Form<PersonFormValues>
        form={form}
        name="personForm"
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        scrollToFirstError
      >
        {creating && (
          <Form.Item name="place" label={t('people.form.place')}>
            <Radio.Group
              data-testid="person-form-place"
              options={[
                { value: 'staff', label: t('people.tab.staff') },
                { value: 'resident', label: t('people.tab.resident') },
              ]}
            />
          </Form.Item>
        )}
        <Divider titlePlacement="start">{t('people.section.identity')}</Divider>
        <IdentityFields sensitive={sensitive} />
        {creating && place === 'staff' ? (
          <>
            <Divider titlePlacement="start">{t('people.section.work')}</Divider>
            <MembershipFields prefix="membership" />
          </>
        ) : (
          <>
            <Divider titlePlacement="start">{t('people.section.residence')}</Divider>
            <ResidenceFields required={creating} />
          </>
        )}
        <Divider titlePlacement="start">{t('people.section.education')}</Divider>
        <EducationFields />
      </Form>
    </Modal>
  );
}
