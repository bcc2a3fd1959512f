/**
 * Rules of the organisation tree that need no database: which kind may stand where, what a name
 * becomes, whether a unit is open on a day. The service and the reorganisation planner share them.
 */
import { nfc, searchKey, sortKey } from '../../../shared/vn-text.js';
import { AppError, notFound, ruleBroken } from '../../platform/errors.js';

export const orgNotFound = () => notFound({ vi: 'Không tìm thấy tổ chức.', en: 'Organisation not found.' });

export interface KindRule {
  code: string;
  nameVi: string;
  nameEn: string;
  canBeRoot: boolean;
  parentKinds: string[];
  /** Kinds with the same group may merge and split with each other; null: only with itself. */
  mergeGroup?: string | null;
}

/** The stored forms of a unit's name: clean (NFC), search key and sort key. */
export function nameFields(name: string) {
  const clean = nfc(name);
  return { name: clean, nameSearch: searchKey(clean), nameSort: sortKey(clean) };
}

/** Closed on `day`: its end date is on or before that day (a unit is closed from its end date). */
export const isClosed = (validTo: string | null, day: string) => validTo !== null && validTo <= day;

/** Open on `day`: started (or no start date) and not yet closed. */
export const isOpenOn = (u: { validFrom: string | null; validTo: string | null }, day: string) =>
  (u.validFrom === null || u.validFrom <= day) && !isClosed(u.validTo, day);

/** The path of an organisation's parent: its own path without the last id. */
export const parentPathOf = (path: string) => path.slice(0, path.lastIndexOf('/', path.length - 2) + 1);

/**
 * Why a unit of `kindCode` cannot stand under a parent of `parentKindCode` (null: as a root), or
 * null when it can. `subject` names the unit in the message when several units are checked at once.
 */
export function kindRuleError(
  kinds: KindRule[],
  kindCode: string,
  parentKindCode: string | null,
  field: string,
  subject?: string,
): AppError | null {
  const kind = kinds.find((k) => k.code === kindCode);
  const prefix = subject ? `${subject}: ` : '';
  if (!kind) {
    return new AppError(400, 'INVALID_INPUT', { vi: `${prefix}Loại tổ chức không tồn tại.`, en: `${prefix}Unknown kind of organisation.` }, field);
  }
  if (parentKindCode === null) {
    return kind.canBeRoot
      ? null
      : ruleBroken('KIND_NOT_ROOT', `${prefix}"${kind.nameVi}" không thể là tổ chức gốc.`, `${prefix}"${kind.nameEn}" cannot be a root organisation.`, field);
  }
  if (kind.parentKinds.includes(parentKindCode)) return null;
  const parentKind = kinds.find((k) => k.code === parentKindCode);
  return ruleBroken(
    'KIND_NOT_ALLOWED_UNDER_PARENT',
    `${prefix}Không thể đặt "${kind.nameVi}" trực thuộc "${parentKind?.nameVi ?? parentKindCode}".`,
    `${prefix}A "${kind.nameEn}" cannot be placed under a "${parentKind?.nameEn ?? parentKindCode}".`,
    field,
  );
}
