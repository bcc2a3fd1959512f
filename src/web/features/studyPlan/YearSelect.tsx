import { Select } from 'antd';
import { useT } from '../../app/i18n';

/** Learning years one may pick: a few back, and the next one. */
export function yearChoices(around: number = new Date().getFullYear()): number[] {
  return [around + 1, around, around - 1, around - 2, around - 3];
}

export function YearSelect({ value, onChange, testId }: { value: number; onChange: (year: number) => void; testId: string }) {
  const t = useT();
  const years = yearChoices();
  if (!years.includes(value)) years.push(value);
  return (
    <Select
      className="plan-year-select"
      value={value}
      onChange={onChange}
      aria-label={t('studyPlan.year')}
      prefix={t('studyPlan.year')}
      data-testid={testId}
      options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }))}
    />
  );
}

/** The year from the URL (?year=), or this year. */
export function yearParam(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 2020 && n <= 2100 ? n : new Date().getFullYear();
}
