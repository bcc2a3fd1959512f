import type { ReactNode } from 'react';
import { Col, Row, Statistic } from 'antd';
import { formatNumber, useLang } from '../app/i18n';

export interface Figure {
  key: string;
  label: ReactNode;
  value: number;
  /** Coloured when the value is above zero. */
  tone?: 'bad' | 'warn';
}

/** Counts shown as a row of figures (two per line on phones); each box is `${testId}-${key}` with data-value. */
export function Figures({ figures, testId }: { figures: Figure[]; testId: string }) {
  const { lang } = useLang();
  return (
    <Row gutter={[12, 12]} className="figures" data-testid={testId}>
      {figures.map((f) => (
        <Col key={f.key} xs={12} sm={8} lg={4}>
          <div
            className={`figure${f.tone && f.value > 0 ? ` figure-${f.tone}` : ''}`}
            data-testid={`${testId}-${f.key}`}
            data-value={f.value}
          >
            <Statistic title={f.label} value={f.value} formatter={(v) => formatNumber(lang, Number(v))} />
          </div>
        </Col>
      ))}
    </Row>
  );
}
