/**
 * Values of derived indicators for one subject and year, with the records they came from.
 * (Placeholder signature; the loader is being written.)
 */
import type { CriteriaSetDocument, SubjectKind } from '../../../shared/criteria.js';
import type { Executor } from '../../db/index.js';

export interface DerivedSource {
  kind: 'person' | 'household' | 'clan' | 'org' | 'recognition' | 'studyPlan' | 'learningRecord' | 'emulation';
  id: string;
  label: string;
}

export interface DerivedValue {
  value: number | boolean | null;
  numerator?: number;
  denominator?: number;
  /** The first records behind the value (at most 200), and how many there are in all. */
  sources: DerivedSource[];
  sourcesTotal: number;
}

export interface DerivedSubject {
  kind: SubjectKind;
  id: string;
  year: number;
}

export async function derivedValues(_db: Executor, _subject: DerivedSubject, _doc: CriteriaSetDocument): Promise<Record<string, DerivedValue>> {
  return {};
}
