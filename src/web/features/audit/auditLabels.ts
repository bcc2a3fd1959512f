import { catalogues, type Lang, type MessageKey } from '../../../shared/i18n';

/** Entities and actions the server writes to the audit log, each named in the catalogues. */
export const AUDIT_ENTITIES = ['org', 'org_kind', 'user', 'session', 'audit'] as const;
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'move',
  'close',
  'reopen',
  'grant',
  'revoke',
  'reset_password',
  'change_password',
  'login',
  'logout',
  'login_locked',
  'export_requested',
  'export',
] as const;

function label(lang: Lang, prefix: 'audit.entity.' | 'audit.action.', code: string): string {
  const key = (prefix + code) as MessageKey;
  const catalogue = catalogues[lang];
  return Object.prototype.hasOwnProperty.call(catalogue, key) ? catalogue[key] : code;
}

export const entityLabel = (lang: Lang, code: string) => label(lang, 'audit.entity.', code);
export const actionLabel = (lang: Lang, code: string) => label(lang, 'audit.action.', code);
