import type { Lang, MessageKey } from '../../../shared/i18n';
import type { Permission } from '../../app/types';
import type { ImportField, ImportKind, ImportState } from './importApi';

/** The wording of each kind of import where it differs (people or units). */
interface KindText {
  label: MessageKey;
  help: MessageKey;
  /** The organisation the file goes into, and its help. */
  org: MessageKey;
  orgHelp: MessageKey;
  duplicates: MessageKey;
  duplicatesHelp: MessageKey;
  update: MessageKey;
  ready: MessageKey;
  commit: MessageKey;
  done: MessageKey;
  see: MessageKey;
  /** Its settings include the training every row attended (attendance lists). */
  training?: true;
  /** Its settings include the title and year every row registers for (registration lists). */
  registration?: true;
}

const PEOPLE_TEXT = {
  duplicates: 'import.mapping.duplicates',
  duplicatesHelp: 'import.mapping.duplicatesHelp',
  update: 'import.mapping.update',
  ready: 'import.check.ready',
  commit: 'import.check.commit',
  done: 'import.done.title',
  see: 'import.done.seePeople',
} as const;

export const KIND_TEXT: Record<ImportKind, KindText> = {
  staff: {
    label: 'import.kind.staff',
    help: 'import.kind.staffHelp',
    org: 'import.upload.orgStaff',
    orgHelp: 'import.upload.orgStaffHelp',
    ...PEOPLE_TEXT,
  },
  residents: {
    label: 'import.kind.residents',
    help: 'import.kind.residentsHelp',
    org: 'import.upload.orgResidents',
    orgHelp: 'import.upload.orgResidentsHelp',
    ...PEOPLE_TEXT,
  },
  orgs: {
    label: 'import.kind.orgs',
    help: 'import.kind.orgsHelp',
    org: 'import.upload.orgOrgs',
    orgHelp: 'import.upload.orgOrgsHelp',
    duplicates: 'import.mapping.duplicatesOrgs',
    duplicatesHelp: 'import.mapping.duplicatesOrgsHelp',
    update: 'import.mapping.updateOrgs',
    ready: 'import.check.readyOrgs',
    commit: 'import.check.commitOrgs',
    done: 'import.done.titleOrgs',
    see: 'import.done.seeOrgs',
  },
  attendance: {
    label: 'import.kind.attendance',
    help: 'import.kind.attendanceHelp',
    org: 'import.upload.orgAttendance',
    orgHelp: 'import.upload.orgAttendanceHelp',
    ...PEOPLE_TEXT,
    ready: 'import.check.readyAttendance',
    commit: 'import.check.commitAttendance',
    done: 'import.done.titleAttendance',
    see: 'import.done.seeAttendance',
    training: true,
  },
  titleRegistration: {
    label: 'import.kind.titleRegistration',
    help: 'import.kind.titleRegistrationHelp',
    org: 'import.upload.orgRegistration',
    orgHelp: 'import.upload.orgRegistrationHelp',
    ...PEOPLE_TEXT,
    ready: 'import.check.readyRegistration',
    commit: 'import.check.commitRegistration',
    done: 'import.done.titleRegistration',
    see: 'import.done.seeRegistration',
    registration: true,
  },
};

/** What the user needs somewhere to import each kind (the server checks it on the receiving unit). */
export const KIND_PERMISSION: Record<ImportKind, Permission | 'learning.manage' | 'recognition.manage'> = {
  staff: 'person.manage',
  residents: 'person.manage',
  orgs: 'org.manage',
  attendance: 'learning.manage',
  titleRegistration: 'recognition.manage',
};

export const STATE_LABEL: Record<ImportState, MessageKey> = {
  analysing: 'import.state.analysing',
  analysed: 'import.state.analysed',
  checking: 'import.state.checking',
  checked: 'import.state.checked',
  importing: 'import.state.importing',
  imported: 'import.state.imported',
  failed: 'import.state.failed',
};

export const fieldLabel = (lang: Lang, field: ImportField) => (lang === 'en' ? field.labelEn : field.labelVi);
