import { Tag } from 'antd';
import { useT } from '../../app/i18n';
import type { OrgSummary } from '../../app/types';

export function OrgNodeTitle({ org }: { org: OrgSummary }) {
  const t = useT();
  return (
    <span className="org-node" data-testid="org-node" data-org-id={org.id}>
      <span className="org-node-name">{org.name}</span>
      {org.closed && (
        <Tag className="org-node-tag" color="default">
          {t('org.closedTag')}
        </Tag>
      )}
    </span>
  );
}
