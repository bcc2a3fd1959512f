import { useRef } from 'react';
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
  const detailRef = useRef<HTMLDivElement>(null);
  const select = (id: string, auto = false) => {
    setParams({ id }, { replace: auto || !selectedId });
    // On a phone the details sit below the tree: bring them into view.
    if (!auto && window.matchMedia('(max-width: 767px)').matches) {
      requestAnimationFrame(() => detailRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
    }
  };

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
          <div ref={detailRef} className="org-detail-anchor">
            <OrgDetailPanel selectedId={selectedId} detail={detail} onSelect={select} />
          </div>
        </Col>
      </Row>
    </div>
  );
}
