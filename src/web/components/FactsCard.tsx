import type { ReactNode } from 'react';
import { Card, Descriptions, Grid } from 'antd';

export interface Fact {
  key: string;
  label: string;
  value: ReactNode;
}

/** A titled card of labelled facts (a record's details). */
export function FactsCard({
  title,
  facts,
  extra,
  testId,
  children,
}: {
  title: string;
  facts: Fact[];
  extra?: ReactNode;
  testId?: string;
  children?: ReactNode;
}) {
  const screens = Grid.useBreakpoint();
  return (
    <Card title={title} extra={extra} size="small" className="facts-card" data-testid={testId}>
      <Descriptions
        column={1}
        size="small"
        bordered={!!screens.sm}
        className="facts"
        items={facts.map((fact) => ({ key: fact.key, label: fact.label, children: fact.value }))}
      />
      {children}
    </Card>
  );
}
