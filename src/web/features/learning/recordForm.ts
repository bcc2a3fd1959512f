import dayjs, { type Dayjs } from 'dayjs';
import type { ItStandard, LanguageLevel, LearningRecordView, RecordFieldsBody, RecordKind } from '../../../shared/learning';
import { API_DATE_FORMAT } from '../../components/dates';

/** The record form's values (dates as dayjs, shown dd/mm/yyyy). */
export interface RecordFormValues {
  kind: RecordKind;
  title?: string;
  provider?: string | null;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
  hours?: number | null;
  result?: string | null;
  itStandard?: ItStandard | null;
  language?: string | null;
  languageLevel?: LanguageLevel | null;
  certificateNo?: string | null;
  mandatoryTrainingId?: string | null;
}

/** Fields the server may name in an error (they are the form's names too). */
export const RECORD_FORM_FIELDS = [
  'kind',
  'title',
  'provider',
  'startsOn',
  'endsOn',
  'hours',
  'result',
  'itStandard',
  'language',
  'languageLevel',
  'certificateNo',
  'mandatoryTrainingId',
] as const;

const text = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

export function recordFormValues(r: LearningRecordView): RecordFormValues {
  return {
    kind: r.kind,
    title: r.title,
    provider: r.provider,
    startsOn: r.startsOn ? dayjs(r.startsOn) : null,
    endsOn: dayjs(r.endsOn),
    hours: r.hours,
    result: r.result,
    itStandard: r.itStandard,
    language: r.language,
    languageLevel: r.languageLevel,
    certificateNo: r.certificateNo,
    mandatoryTrainingId: r.mandatoryTrainingId,
  };
}

/** The body of POST/PUT /learning-records: fields of other kinds are left out (the server drops them too). */
export function recordBody(v: RecordFormValues, planLineId: string | null = null): RecordFieldsBody {
  const language = v.kind === 'foreign_language';
  return {
    kind: v.kind,
    title: (v.title ?? '').trim(),
    provider: text(v.provider),
    startsOn: v.startsOn ? v.startsOn.format(API_DATE_FORMAT) : null,
    endsOn: (v.endsOn ?? dayjs()).format(API_DATE_FORMAT),
    hours: typeof v.hours === 'number' ? v.hours : null,
    result: text(v.result),
    itStandard: v.kind === 'it_skill' ? (v.itStandard ?? null) : null,
    language: language ? text(v.language) : null,
    languageLevel: language ? (v.languageLevel ?? null) : null,
    certificateNo: text(v.certificateNo),
    mandatoryTrainingId: v.kind === 'mandatory_training' ? (v.mandatoryTrainingId ?? null) : null,
    planLineId,
  };
}
