import { Col, Row, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useT } from '../../app/i18n';
import { OrgDetailPanel } from './OrgDetailPanel';
import { OrgNavigator } from './OrgNavigator';
import { useOrgDetail } from './orgApi';

/** /orgs?id=<org>: the organisation navigator beside the selected organisation's details. */
export default function OrgPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id');
  const detail = useOrgDetail(selectedId);
  const select = (id: string) => setParams({ id }, { replace: !selectedId });

  return (
    <div className="page">
      <Typography.Title level={2} className="page-title">
        {t('org.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} xl={8}>
          <section className="panel org-navigator-panel" aria-label={t('org.navigator')}>
            <OrgNavigator
              selectedId={selectedId}
              revealIds={detail.data?.ancestors.map((a) => a.id) ?? []}
              onSelect={select}
            />
          </section>
        </Col>
        <Col xs={24} md={14} xl={16}>
          <OrgDetailPanel selectedId={selectedId} detail={detail} onSelect={select} />
        </Col>
      </Row>
    </div>
  );
}
