import { Breadcrumb, Card, Descriptions, Empty, Grid, Spin, Tag } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatDate } from '../../../shared/vn-text';
import { formatNumber, useLang, useT } from '../../app/i18n';
import type { OrgDetail } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { OrgEmulation } from '../emulation/OrgEmulation';
import { OrgLineage } from '../reorganisation/OrgLineage';
import { OrgActions } from './OrgActions';
import { useKindName } from './orgApi';

interface Props {
  selectedId: string | null;
  detail: UseQueryResult<OrgDetail>;
  onSelect: (id: string) => void;
}

export function OrgDetailPanel({ selectedId, detail, onSelect }: Props) {
  const t = useT();
  const { lang } = useLang();
  const kindName = useKindName();
  const screens = Grid.useBreakpoint();

  if (!selectedId) {
    return (
      <Card className="panel">
        <Empty description={t('org.detail.none')} />
      </Card>
    );
  }
  if (detail.isPending) {
    return (
      <Card className="panel">
        <Spin />
      </Card>
    );
  }
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;

  const { org, ancestors, can } = detail.data;
  const dash = t('common.none');
  return (
    <Card
      className="panel org-detail"
      data-testid="org-detail"
      title={
        <span className="org-detail-title" data-testid="org-detail-name">
          {org.name}
        </span>
      }
      extra={
        org.closed ? (
          <Tag color="default" data-testid="org-detail-closed">
            {t('org.closedTag')}
          </Tag>
        ) : (
          <Tag color="green">{t('org.openTag')}</Tag>
        )
      }
    >
      {ancestors.length > 0 && (
        <Breadcrumb
          className="org-breadcrumb"
          data-testid="org-breadcrumb"
          items={[
            ...ancestors.map((ancestor) => ({
              key: ancestor.id,
              title: (
                <a
                  href={`?id=${encodeURIComponent(ancestor.id)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onSelect(ancestor.id);
                  }}
                >
                  {ancestor.name}
                </a>
              ),
            })),
            { key: org.id, title: org.name },
          ]}
        />
      )}
      <Descriptions
        column={1}
        size="small"
        bordered={!!screens.sm}
        className="org-descriptions"
        items={[
          { key: 'name', label: t('org.field.name'), children: org.name },
          { key: 'kind', label: t('org.field.kind'), children: kindName(org.kindCode) },
          { key: 'code', label: t('org.field.code'), children: org.code || dash },
          {
            key: 'validFrom',
            label: t('org.field.validFrom'),
            children: org.validFrom ? formatDate(org.validFrom) : dash,
          },
          { key: 'validTo', label: t('org.field.validTo'), children: org.validTo ? formatDate(org.validTo) : dash },
          { key: 'children', label: t('org.field.childCount'), children: formatNumber(lang, org.childCount) },
        ]}
      />
      <OrgActions org={org} canManage={can.manage} onSelect={onSelect} />
      <OrgLineage orgId={org.id} onSelect={onSelect} />
      <OrgEmulation orgId={org.id} orgName={org.name} />
    </Card>
  );
}
