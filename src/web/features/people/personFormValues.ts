import dayjs, { type Dayjs } from 'dayjs';
import type { CitizenGroup, HouseholdRelation, Qualification, Sex, StaffCategory } from '../../../shared/people';
import type { PersonDetail, PersonLanguage } from '../../app/types';
import { API_DATE_FORMAT } from '../../components/dates';
import type { PickedOption } from '../../components/RemoteSelect';
import type { OrgOption } from '../org/OrgTreeSelect';
import type { MembershipBody, PersonBody } from './peopleApi';

/** "Tự xác định": the citizen group follows age, occupation and work (null for the API). */
export const AUTO_GROUP = 'auto';

export interface MembershipValues {
  orgId?: OrgOption;
  category?: StaffCategory;
  position?: string;
  isLeader?: boolean;
  rank?: string;
  validFrom?: Dayjs | null;
}

export interface PersonFormValues {
  /** Creating: is the new person a member of staff or a resident? */
  place?: 'staff' | 'resident';
  fullName: string;
  birthDate?: Dayjs | null;
  sex?: Sex | null;
  ethnicity?: string;
  citizenId?: string;
  phone?: string;
  email?: string;
  residenceOrgId?: OrgOption;
  householdId?: PickedOption;
  householdRelation?: HouseholdRelation | null;
  address?: string;
  generalEducation?: string;
  qualification?: Qualification | null;
  qualificationMajor?: string;
  languages?: Partial<PersonLanguage>[];
  itSkill?: string;
  occupation?: string;
  citizenGroup?: CitizenGroup | typeof AUTO_GROUP;
  note?: string;
  membership?: MembershipValues;
}

/** The form's field names, as the API names them in its errors. */
export const PERSON_FORM_FIELDS = [
  'fullName',
  'birthDate',
  'sex',
  'ethnicity',
  'citizenId',
  'phone',
  'email',
  'residenceOrgId',
  'householdId',
  'householdRelation',
  'address',
  'generalEducation',
  'qualification',
  'qualificationMajor',
  'itSkill',
  'occupation',
  'citizenGroup',
  'note',
  'membership.orgId',
  'membership.category',
  'membership.position',
  'membership.rank',
  'membership.validFrom',
];

const text = (value: string | undefined) => value?.trim() || null;
const date = (value: Dayjs | null | undefined) => (value ? value.format(API_DATE_FORMAT) : null);

export function membershipBody(values: MembershipValues): MembershipBody | undefined {
  if (!values.orgId || !values.category) return undefined;
  return {
    orgId: values.orgId.value,
    category: values.category,
    position: text(values.position),
    isLeader: values.isLeader ?? false,
    rank: text(values.rank),
    validFrom: date(values.validFrom),
  };
}

function languagesBody(values: Partial<PersonLanguage>[] | undefined): PersonLanguage[] {
  return (values ?? [])
    .filter((l) => l.language?.trim())
    .map((l) => ({
      language: l.language!.trim(),
      kind: l.kind ?? 'foreign',
      certificate: l.certificate?.trim() || null,
      level: l.level ?? null,
    }));
}

/**
 * The API body of the form. Identifiers are left out when the viewer sees them masked (the
 * server refuses changes to what one may not read).
 */
export function personBody(values: PersonFormValues, { sensitive }: { sensitive: boolean }): PersonBody {
  return {
    fullName: values.fullName.trim(),
    birthDate: date(values.birthDate),
    sex: values.sex ?? null,
    ethnicity: text(values.ethnicity),
    ...(sensitive
      ? { citizenId: text(values.citizenId), phone: text(values.phone), email: text(values.email) }
      : {}),
    residenceOrgId: values.householdId ? undefined : (values.residenceOrgId?.value ?? null),
    householdId: values.householdId?.value ?? null,
    householdRelation: values.householdId ? (values.householdRelation ?? null) : null,
    address: text(values.address),
    generalEducation: text(values.generalEducation),
    qualification: values.qualification ?? null,
    qualificationMajor: text(values.qualificationMajor),
    languages: languagesBody(values.languages),
    itSkill: text(values.itSkill),
    occupation: text(values.occupation),
    citizenGroup: !values.citizenGroup || values.citizenGroup === AUTO_GROUP ? null : values.citizenGroup,
    note: text(values.note),
  };
}

/** The form filled with a person's record (for editing). */
export function personFormValues(p: PersonDetail): PersonFormValues {
  return {
    fullName: p.fullName,
    birthDate: p.birthDate ? dayjs(p.birthDate) : null,
    sex: p.sex,
    ethnicity: p.ethnicity ?? undefined,
    citizenId: p.citizenId ?? undefined,
    phone: p.phone ?? undefined,
    email: p.email ?? undefined,
    residenceOrgId: p.residence ? { value: p.residence.id, label: p.residence.name } : undefined,
    householdId: p.household ? { value: p.household.id, label: p.household.code } : undefined,
    householdRelation: (p.household?.relation as HouseholdRelation | null) ?? null,
    address: p.address ?? undefined,
    generalEducation: p.generalEducation ?? undefined,
    qualification: (p.qualification as Qualification | null) ?? null,
    qualificationMajor: p.qualificationMajor ?? undefined,
    languages: p.languages,
    itSkill: p.itSkill ?? undefined,
    occupation: p.occupation ?? undefined,
    citizenGroup: p.citizenGroupManual ? (p.citizenGroup as CitizenGroup) : AUTO_GROUP,
    note: p.note ?? undefined,
  };
}
