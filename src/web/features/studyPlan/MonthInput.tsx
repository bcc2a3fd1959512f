import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface Props {
  /** 'YYYY-MM' (the API's month), or empty. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  id?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

/** A month picker shown as mm/yyyy whose value is the API's 'YYYY-MM' (a form control). */
export function MonthInput({ value, onChange, ...rest }: Props) {
  return (
    <DatePicker
      {...rest}
      picker="month"
      format="MM/YYYY"
      className="full-width"
      value={value ? dayjs(`${value}-01`) : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM') : null)}
      allowClear={false}
    />
  );
}
