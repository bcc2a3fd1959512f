import { useState } from 'react';
import { Button, Grid, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../app/i18n';
import type { OrgKind } from '../../app/types';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { KindCards } from './KindCards';
import { KindFormModal } from './KindFormModal';
import { KindTable } from './KindTable';
import { useOrgKindList } from './orgKindsApi';

type Dialog = { mode: 'create' } | { mode: 'edit'; kind: OrgKind } | null;

/** /org-kinds: the kinds of organisation and where each may stand (system administrators). */
export default function OrgKindsPage() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const kinds = useOrgKindList();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const list = {
    kinds: kinds.data ?? [],
    loading: kinds.isFetching,
    onEdit: (kind: OrgKind) => setDialog({ mode: 'edit', kind }),
  };

  return (
    <div className="page">
      <PageHeading
        title={t('orgKinds.title')}
        action={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ mode: 'create' })} data-testid="kind-add">
            {t('orgKinds.add')}
          </Button>
        }
      />
      <Typography.Paragraph className="page-intro" data-testid="kinds-intro">
        {t('orgKinds.intro')}
      </Typography.Paragraph>
      {kinds.isError ? (
        <ErrorState error={kinds.error} onRetry={() => void kinds.refetch()} />
      ) : screens.md ? (
        <KindTable {...list} />
      ) : (
        <KindCards {...list} />
      )}
      {dialog?.mode === 'create' && <KindFormModal mode="create" kinds={kinds.data ?? []} onClose={close} />}
      {dialog?.mode === 'edit' && <KindFormModal mode="edit" kind={dialog.kind} kinds={kinds.data ?? []} onClose={close} />}
    </div>
  );
}
