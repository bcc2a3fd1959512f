import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** A page's title (and a line under it) with its main action (a button) on the right. */
export function PageHeading({ title, subtitle, action }: { title: string; subtitle?: ReactNode; action?: ReactNode }) {
  return (
    <div className="page-heading">
      <div className="page-heading-titles">
        <Typography.Title level={2} className="page-title">
          {title}
        </Typography.Title>
        {subtitle && <div className="page-subtitle">{subtitle}</div>}
      </div>
      {action}
    </div>
  );
}
