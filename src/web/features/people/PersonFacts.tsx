import { Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/vn-text';
import { useLang, useT } from '../../app/i18n';
import type { PersonDetail } from '../../app/types';
import { FactsCard } from '../../components/FactsCard';
import { Identifier } from './peopleColumns';
import { citizenGroupLabel, qualificationLabel, relationLabel, sexLabel } from './peopleLabels';

const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;

function useDash() {
  const t = useT();
  return <span className="muted">{t('common.none')}</span>;
}

/** Birth, sex, ethnicity, identifiers (masked for those who may not read them), citizen group. */
export function PersonIdentityCard({ person }: { person: PersonDetail }) {
  const t = useT();
  const { lang } = useLang();
  const dash = useDash();
  return (
    <FactsCard
      title={t('people.section.identity')}
      testId="person-identity"
      facts={[
        { key: 'birthDate', label: t('people.field.birthDate'), value: person.birthDate ? formatDate(person.birthDate) : dash },
        { key: 'sex', label: t('people.field.sex'), value: sexLabel(lang, person.sex) || dash },
        { key: 'ethnicity', label: t('people.field.ethnicity'), value: person.ethnicity ?? dash },
        {
          key: 'citizenId',
          label: t('people.field.citizenId'),
          value: <Identifier value={person.citizenId} masked={person.masked} />,
        },
        { key: 'phone', label: t('people.field.phone'), value: <Identifier value={person.phone} masked={person.masked} /> },
        {
          key: 'email',
          label: t('people.field.email'),
          value: person.masked ? <span className="muted">{t('people.hidden')}</span> : (person.email ?? dash),
        },
        {
          key: 'citizenGroup',
          label: t('people.field.citizenGroup'),
          value: (
            <span data-testid="person-group">
              {citizenGroupLabel(lang, person.citizenGroup)}{' '}
              <Tooltip title={person.citizenGroupManual ? t('people.group.manualHelp') : t('people.group.derivedHelp')}>
                <Tag color={person.citizenGroupManual ? 'gold' : 'default'}>
                  {person.citizenGroupManual ? t('people.group.manual') : t('people.group.derived')}
                </Tag>
              </Tooltip>
            </span>
          ),
        },
      ]}
    />
  );
}

/** Where the person lives and their household. */
export function PersonResidenceCard({ person }: { person: PersonDetail }) {
  const t = useT();
  const { lang } = useLang();
  const dash = useDash();
  return (
    <FactsCard
      title={t('people.section.residence')}
      testId="person-residence"
      facts={[
        { key: 'residence', label: t('people.field.residence'), value: person.residence?.name ?? dash },
        { key: 'address', label: t('people.field.address'), value: person.address ?? dash },
        {
          key: 'household',
          label: t('people.field.household'),
          value: person.household ? (
            <span>
              <Link to={householdPath(person.household.id)} data-testid="person-household">
                {person.household.code}
              </Link>
              {person.household.relation && ` · ${relationLabel(lang, person.household.relation)}`}
            </span>
          ) : (
            dash
          ),
        },
      ]}
    />
  );
}

/** Schooling, qualification, languages, IT, occupation and the note. */
export function PersonEducationCard({ person }: { person: PersonDetail }) {
  const t = useT();
  const { lang } = useLang();
  const dash = useDash();
  const qualification = [qualificationLabel(lang, person.qualification), person.qualificationMajor].filter(Boolean).join(' · ');
  return (
    <FactsCard
      title={t('people.section.education')}
      testId="person-education"
      facts={[
        { key: 'generalEducation', label: t('people.field.generalEducation'), value: person.generalEducation ?? dash },
        { key: 'qualification', label: t('people.field.qualification'), value: qualification || dash },
        {
          key: 'languages',
          label: t('people.field.languages'),
          value:
            person.languages.length === 0 ? (
              dash
            ) : (
              <ul className="plain-list">
                {person.languages.map((l) => (
                  <li key={`${l.kind}-${l.language}`}>
                    {l.language}
                    <span className="muted">
                      {' '}
                      · {l.kind === 'ethnic' ? t('people.language.ethnic') : t('people.language.foreign')}
                      {l.certificate && ` · ${l.certificate}`}
                      {l.level !== null && ` · ${t('people.language.levelN', { level: l.level })}`}
                    </span>
                  </li>
                ))}
              </ul>
            ),
        },
        { key: 'itSkill', label: t('people.field.itSkill'), value: person.itSkill ?? dash },
        { key: 'occupation', label: t('people.field.occupation'), value: person.occupation ?? dash },
        { key: 'note', label: t('people.field.note'), value: person.note ?? dash },
      ]}
    />
  );
}
