import type { FormInstance } from 'antd';
import type { Lang } from '../../../shared/i18n';
import type { LearningMethod, LineType, PlanContent, PlanLine, PlanReport, SelfAssessment } from '../../../shared/studyPlan';
import { isApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import type { PlanContentBody } from './studyPlanApi';

/** A line in the form: a new one has no id until the server gives it one. */
export type LineValues = Omit<PlanLine, 'id'> & { id?: string };

export interface PlanFormValues {
  selfAssessment?: string | null;
  goals?: string | null;
  lines: LineValues[];
  conditions?: string | null;
  commitment: string;
  /** "Tôi cam kết…": ticked to submit; not stored. */
  commitmentConfirmed?: boolean;
}

export interface ReportFormValues {
  lines: { lineId: string; result?: string | null; percent?: number | null; evidence?: string | null; assessment?: SelfAssessment }[];
  assessment?: SelfAssessment;
  comment?: string | null;
}

const blankToNull = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/** A new line of a plan of `year`: the whole year, learned by oneself, by choice. */
export function newLine(year: number): LineValues {
  return {
    content: '',
    need: null,
    method: 'self_study' as LearningMethod,
    provider: null,
    fromMonth: `${year}-01`,
    toMonth: `${year}-12`,
    expectedResult: null,
    hours: null,
    lineType: 'elective' as LineType,
    expectedEvidence: null,
    note: null,
  };
}

export function toFormValues(content: PlanContent): PlanFormValues {
  return { ...content, lines: content.lines.map((l) => ({ ...l })) };
}

/** The form's values as PUT /study-plans/:id takes them (empty texts are null). */
export function toContentBody(values: PlanFormValues): PlanContentBody {
  return {
    selfAssessment: blankToNull(values.selfAssessment),
    goals: blankToNull(values.goals),
    conditions: blankToNull(values.conditions),
    commitment: (values.commitment ?? '').trim(),
    lines: (values.lines ?? []).map((l) => ({
      ...(l.id ? { id: l.id } : {}),
      content: (l.content ?? '').trim(),
      need: blankToNull(l.need),
      method: l.method,
      provider: blankToNull(l.provider),
      fromMonth: l.fromMonth,
      toMonth: l.toMonth,
      expectedResult: blankToNull(l.expectedResult),
      hours: l.hours ?? null,
      lineType: l.lineType,
      expectedEvidence: blankToNull(l.expectedEvidence),
      note: blankToNull(l.note),
    })),
  };
}

/** The report form for a plan: each line of the plan, with what was reported on it so far. */
export function toReportValues(content: PlanContent, report: PlanReport | null): ReportFormValues {
  return {
    lines: content.lines.map((l) => {
      const r = report?.lines.find((x) => x.lineId === l.id);
      return { lineId: l.id, result: r?.result ?? null, percent: r?.percent ?? null, evidence: r?.evidence ?? null, assessment: r?.assessment };
    }),
    assessment: report?.assessment,
    comment: report?.comment ?? null,
  };
}

export function toReportBody(values: ReportFormValues): PlanReport {
  return {
    lines: values.lines.map((l) => ({
      lineId: l.lineId,
      result: blankToNull(l.result),
      percent: l.percent ?? 0,
      evidence: blankToNull(l.evidence),
      assessment: l.assessment ?? 'done',
    })),
    assessment: values.assessment ?? 'done',
    comment: blankToNull(values.comment),
  };
}

/**
 * Puts an API error under the field it names ('lines.0.fromMonth' → the first line's month) when
 * the form shows it (`shown` says which), and answers true; false leaves the error to the caller.
 */
export function showPlanFieldError(lang: Lang, error: unknown, form: FormInstance, shown: (name: (string | number)[]) => boolean): boolean {
  if (!isApiError(error) || !error.field) return false;
  const name = error.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  if (!shown(name)) return false;
  form.setFields([{ name, errors: [errorText(lang, error)] }]);
  return true;
}
