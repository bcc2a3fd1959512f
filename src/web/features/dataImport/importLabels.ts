import type { Lang, MessageKey } from '../../../shared/i18n';
import type { ImportField, ImportKind, ImportState } from './importApi';

export const KIND_LABEL: Record<ImportKind, MessageKey> = {
  staff: 'import.kind.staff',
  residents: 'import.kind.residents',
};

export const KIND_HELP: Record<ImportKind, MessageKey> = {
  staff: 'import.kind.staffHelp',
  residents: 'import.kind.residentsHelp',
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

/**
 * A required field the file may leave out: for staff, the unit defaults to the organisation the
 * file is imported into (the server's rule).
 */
export const mayOmit = (kind: ImportKind, key: string) => kind === 'staff' && key === 'unit';
