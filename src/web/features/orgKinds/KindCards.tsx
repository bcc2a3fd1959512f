import { Card, Empty, Spin } from 'antd';
import { useT } from '../../app/i18n';
import type { OrgKind } from '../../app/types';
import { EditKindButton, ParentKindTags, RootTag } from './KindParts';

interface Props {
  kinds: OrgKind[];
  loading: boolean;
  onEdit: (kind: OrgKind) => void;
}

/** The kinds of organisation on phones: one card per kind (same test id as the table). */
export function KindCards({ kinds, loading, onEdit }: Props) {
  const t = useT();
  return (
    <Spin spinning={loading}>
      <div className="kind-cards" data-testid="kinds-table">
        {kinds.length === 0 && !loading && <Empty description={t('orgKinds.empty')} />}
        {kinds.map((kind) => (
          <Card key={kind.code} size="small" className="kind-card" data-testid="kind-card" data-row-key={kind.code}>
            <div className="kind-card-head">
              <div className="kind-card-names">
                <span className="kind-card-name">{kind.nameVi}</span>
                <span className="kind-card-line">{kind.nameEn}</span>
              </div>
              <EditKindButton kind={kind} onEdit={onEdit} />
            </div>
            <dl className="kind-card-facts">
              <dt>{t('orgKinds.col.code')}</dt>
              <dd>
                <code>{kind.code}</code>
              </dd>
              <dt>{t('orgKinds.col.canBeRoot')}</dt>
              <dd>
                <RootTag kind={kind} />
              </dd>
              <dt>{t('orgKinds.col.parentKinds')}</dt>
              <dd>
                <ParentKindTags kind={kind} kinds={kinds} />
              </dd>
            </dl>
          </Card>
        ))}
      </div>
    </Spin>
  );
}
