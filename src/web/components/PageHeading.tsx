import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** A page's title with its main action (a button) on the right. */
export function PageHeading({ title, action }: { title: string; action?: ReactNode }) {
  return (
    <div className="page-heading">
      <Typography.Title level={2} className="page-title">
        {title}
      </Typography.Title>
      {action}
    </div>
  );
}
