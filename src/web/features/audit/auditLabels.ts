import { catalogues, type Lang, type MessageKey } from '../../../shared/i18n';

/** Entities and actions the server writes to the audit log, each named in the catalogues. */
export const AUDIT_ENTITIES = [
  'org',
  'org_kind',
  'reorganisation',
  'user',
  'session',
  'person',
  'membership',
  'household',
  'clan',
  'emulation',
  'data_import',
  'audit',
  'study_plan',
  'learning_year',
  'plan_template',
  'learning_record',
  'mandatory_training',
  'criteria_set',
  'criteria_set_version',
  'calendar_date',
  'title_registration',
  'title_assessment',
  'recognition_decision',
  'recognition',
] as const;
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'move',
  'close',
  'reopen',
  'end',
  'reorganise',
  'grant',
  'revoke',
  'reset_password',
  'change_password',
  'login',
  'logout',
  'login_locked',
  'upload',
  'import',
  'import_create',
  'import_update',
  'add_household',
  'remove_household',
  'export_requested',
  'export',
  'delete',
  'submit',
  'withdraw',
  'approve',
  'return',
  'report',
  'confirm',
  'returnReport',
  'update_report',
  'remind',
  'generate',
  'verify',
  'reject',
  'add_evidence',
  'remove_evidence',
  'publish',
  'accept',
  'recognise',
  'issue',
] as const;

/** Every code above has its label in the catalogues (a missing one is a type error). */
type Unnamed<P extends string, C extends string> = Exclude<`${P}${C}`, MessageKey>;
export const AUDIT_CODES_NAMED: [Unnamed<'audit.entity.', (typeof AUDIT_ENTITIES)[number]>, Unnamed<'audit.action.', (typeof AUDIT_ACTIONS)[number]>] extends [never, never]
  ? true
  : never = true;

function label(lang: Lang, prefix: 'audit.entity.' | 'audit.action.', code: string): string {
  const key = (prefix + code) as MessageKey;
  const catalogue = catalogues[lang];
  return Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : code;
}

export const entityLabel = (lang: Lang, code: string) => label(lang, 'audit.entity.', code);
export const actionLabel = (lang: Lang, code: string) => label(lang, 'audit.action.', code);
