import { useEffect, useMemo, useState } from 'react';
import { App, Button, Select, Space, Tabs, Tag } from 'antd';
import { ArrowLeftOutlined, CopyOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { hasPermission, useMe } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { pickText, useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { CopyModal } from './CopyModal';
import { exportUrl, useCriteriaSet, useCriteriaVersion, useDeleteDraft } from './criteriaApi';
import { effectiveRange, originName, ownerName, titleName } from './criteriaLabels';
import { DocumentView } from './DocumentView';
import { DraftEditor } from './DraftEditor';
import { PublishModal } from './PublishModal';
import { DiffSection, VersionsTable } from './VersionsSection';
import './criteria.css';

/** /criteria-sets/:id: one set, its content by version, versions and diff, and the administrator's acts (?edit=1 opens the draft editor). */
export default function CriteriaSetPage() {
  const { id = '' } = useParams();
  const t = useT();
  const { lang } = useLang();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const detail = useCriteriaSet(id);
  const set = detail.data?.set;
  const versions = useMemo(() => detail.data?.versions ?? [], [detail.data]);
  const draft = versions.find((v) => v.state === 'draft');
  const latestPublished = versions.find((v) => v.state === 'published');
  const [viewed, setViewed] = useState<string | undefined>();
  const [dialog, setDialog] = useState<'copy' | 'publish' | null>(null);
  const [tab, setTab] = useState('content');
  const editing = params.get('edit') === '1' && !!set?.canManage;
  const setEditing = (on: boolean) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (on) next.set('edit', '1');
        else next.delete('edit');
        return next;
      },
      { replace: true },
    );
  useEffect(() => {
    if (!viewed || !versions.some((v) => v.id === viewed)) setViewed((editing && draft ? draft : (latestPublished ?? draft))?.id);
  }, [versions, viewed, draft, latestPublished, editing]);
  const version = useCriteriaVersion(editing ? (draft?.id ?? latestPublished?.id) : viewed);
  const deleteDraft = useDeleteDraft(id);
  const canCopy = hasPermission(me.data, 'criteria.manage') || hasPermission(me.data, 'system.configure');

  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!set) return <Loading />;

  const confirmDelete = () =>
    modal.confirm({
      title: t('criteria.deleteDraft.confirm'),
      okButtonProps: { danger: true },
      onOk: () =>
        deleteDraft.mutateAsync().then(
          () => {
            void message.success(t('criteria.deleteDraft.done'));
            setEditing(false);
          },
          (e) => showError(e),
        ),
    });

  const actions = (
    <Space wrap className="criteria-actions">
      {canCopy && (
        <Button icon={<CopyOutlined />} onClick={() => setDialog('copy')} data-testid="criteria-copy">
          {t('criteria.action.copy')}
        </Button>
      )}
      {set.canManage && !editing && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="criteria-edit">
          {draft ? t('criteria.action.edit') : t('criteria.action.newDraft')}
        </Button>
      )}
      {set.canManage && draft && (
        <Button type="primary" icon={<SendOutlined />} onClick={() => setDialog('publish')} data-testid="criteria-publish">
          {t('criteria.action.publish')}
        </Button>
      )}
      {set.canManage && draft && (
        <Button danger icon={<DeleteOutlined />} onClick={confirmDelete} data-testid="criteria-delete-draft">
          {t('criteria.action.deleteDraft')}
        </Button>
      )}
      {viewed && (
        <Button icon={<DownloadOutlined />} href={exportUrl(viewed)} data-testid="criteria-export">
          {t('criteria.action.export')}
        </Button>
      )}
    </Space>
  );

  return (
    <div className="page criteria-page" data-testid="criteria-set-page">
      <Link to="/criteria-sets" className="criteria-back">
        <ArrowLeftOutlined /> {t('criteria.back')}
      </Link>
      <PageHeading
        title={pickText(lang, set.name)}
        subtitle={
          <Space size={4} wrap>
            <Tag>{titleName(lang, set.title)}</Tag>
            <span className="criteria-code-text">{set.code}</span>
            <span>· {ownerName(lang, set)}</span>
            <span>· {originName(lang, set.origin)}</span>
            {set.incomplete && <Tag color="warning">{t('criteria.incomplete')}</Tag>}
          </Space>
        }
      />
      {actions}
      {editing && version.data && (
        <DraftEditor key={version.data.id} setId={id} initial={version.data.document} onClose={() => setEditing(false)} onSaved={() => setViewed(undefined)} />
      )}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'content',
            label: <span data-testid="tab-content">{t('criteria.content')}</span>,
            children: (
              <>
                <div className="filters">
                  <Select
                    className="filter-select-wide"
                    value={viewed}
                    onChange={setViewed}
                    aria-label={t('criteria.version.label')}
                    data-testid="criteria-version-select"
                    options={versions.map((v) => ({
                      value: v.id,
                      label: v.state === 'draft' ? t('criteria.version.draft') : `${t('criteria.version.label')} ${v.no} · ${effectiveRange(lang, v)}`,
                    }))}
                  />
                </div>
                {version.isError ? (
                  <ErrorState error={version.error} onRetry={() => void version.refetch()} />
                ) : !version.data || editing ? (
                  editing ? null : <Loading />
                ) : (
                  <DocumentView doc={version.data.document} ownerName={ownerName(lang, set)} />
                )}
              </>
            ),
          },
          {
            key: 'versions',
            label: <span data-testid="tab-versions">{t('criteria.versions')}</span>,
            children: (
              <Space direction="vertical" size="middle" className="full-width">
                <VersionsTable versions={versions} />
                <DiffSection versions={versions} />
              </Space>
            ),
          },
        ]}
      />
      {dialog === 'copy' && <CopyModal set={set} onClose={() => setDialog(null)} />}
      {dialog === 'publish' && <PublishModal setId={id} nextNo={(latestPublished?.no ?? 0) + 1} onClose={() => { setDialog(null); setEditing(false); setViewed(undefined); }} />}
    </div>
  );
}
