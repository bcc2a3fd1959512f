import { Alert, Button, Card, Empty, Result } from 'antd';
import { ApartmentOutlined, CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import type { ReorgOutcome } from './reorgApi';
import { ReorgHead, ReorgOutcomeView } from './ReorgOutcomeView';

/** Before any preview: what the panel will show. */
export function ReorgOutcomeEmpty() {
  const t = useT();
  return (
    <Card className="panel reorg-card reorg-empty" title={t('reorg.outcome.title')}>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reorg.outcome.empty')} />
    </Card>
  );
}

/** The preview, with "Áp dụng". */
export function ReorgPreviewCard({ outcome, applying, onApply }: { outcome: ReorgOutcome; applying: boolean; onApply: () => void }) {
  const t = useT();
  return (
    <Card className="panel reorg-card" title={t('reorg.outcome.title')} data-testid="reorg-preview" data-state="preview">
      <Alert type="info" showIcon className="reorg-not-saved" title={t('reorg.outcome.notSaved')} />
      <ReorgOutcomeView outcome={outcome} />
      <div className="reorg-buttons">
        <Button type="primary" icon={<CheckOutlined />} loading={applying} onClick={onApply} data-testid="reorg-apply">
          {t('reorg.apply')}
        </Button>
      </div>
    </Card>
  );
}

/** The unit to open after a reorganisation: the new unit, else the first successor or receiving parent. */
const mainUnitId = (o: ReorgOutcome) => o.created[0]?.id ?? o.lineage[0]?.successor.id ?? o.moved[0]?.to.id;

/** After "Áp dụng": what was done, with links to the units. */
export function ReorgDoneCard({ outcome, onAnother }: { outcome: ReorgOutcome; onAnother: () => void }) {
  const t = useT();
  const main = mainUnitId(outcome);
  return (
    <Card className="panel reorg-card" data-testid="reorg-done" data-state="applied">
      <Result
        status="success"
        className="reorg-result"
        title={t('reorg.done.title')}
        subTitle={<ReorgHead outcome={outcome} />}
        extra={[
          main && (
            <Link key="tree" to={`/orgs?id=${encodeURIComponent(main)}`}>
              <Button type="primary" icon={<ApartmentOutlined />} data-testid="reorg-see-tree">
                {t('reorg.done.seeTree')}
              </Button>
            </Link>
          ),
          <Button key="again" icon={<PlusOutlined />} onClick={onAnother} data-testid="reorg-another">
            {t('reorg.done.another')}
          </Button>,
        ]}
      />
      <ReorgOutcomeView outcome={outcome} linked head={false} />
    </Card>
  );
}
