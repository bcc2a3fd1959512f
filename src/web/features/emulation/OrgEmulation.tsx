import { useState } from 'react';
import { App, Button, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { hasPermission, useMe } from '../../app/auth';
import { pickName, useLang, useT } from '../../app/i18n';
import type { EmulationView } from '../../app/types';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { useEmulationCatalogue, useOrgEmulation, useSetOrgEmulation } from './emulationApi';
import { EmulationYearModal } from './EmulationYearModal';

/** A unit's collective emulation titles by year, on the organisation's detail panel. */
export function OrgEmulation({ orgId, orgName }: { orgId: string; orgName: string }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const me = useMe();
  const canRecord = hasPermission(me.data, 'person.manage');
  const catalogue = useEmulationCatalogue();
  const years = useOrgEmulation(orgId);
  const save = useSetOrgEmulation();
  const [editing, setEditing] = useState<Partial<EmulationView> | null>(null);
  const titleName = (code: string | null) => {
    const found = code ? catalogue.data?.collective.find((x) => x.code === code) : undefined;
    return found ? pickName(lang, found) : (code ?? t('emulation.noTitle'));
  };
  const columns: ListColumn<EmulationView>[] = [
    { key: 'year', title: t('emulation.year'), card: 'title', render: (e) => e.year },
    { key: 'title', title: t('emulation.title'), card: 'subtitle', render: (e) => titleName(e.titleCode) },
    { key: 'note', title: t('emulation.note'), render: (e) => e.note ?? <span className="muted">{t('common.none')}</span> },
  ];

  return (
    <section className="org-emulation" data-testid="org-emulation">
      <div className="org-emulation-head">
        <Typography.Title level={5} className="org-emulation-title">
          {t('emulation.orgTitle')}
        </Typography.Title>
        {canRecord && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="org-emulation-add">
            {t('emulation.add')}
          </Button>
        )}
      </div>
      <ResponsiveList
        testId="org-emulation-list"
        items={[...(years.data ?? [])].sort((a, b) => b.year - a.year)}
        rowKey={(e) => String(e.year)}
        columns={columns}
        loading={years.isFetching}
        pagination={false}
        emptyText={t('emulation.none')}
        actions={
          canRecord
            ? (e) => (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(e)} aria-label={t('emulation.edit')} />
              )
            : undefined
        }
      />
      {editing && (
        <EmulationYearModal
          title={editing.year ? t('emulation.orgEditTitle', { name: orgName, year: editing.year }) : t('emulation.orgAddTitle', { name: orgName })}
          initial={editing}
          titles={catalogue.data?.collective ?? []}
          saving={save.isPending}
          onClose={() => setEditing(null)}
          onSubmit={({ year, titleCode, note }) =>
            save.mutateAsync({ id: orgId, year, body: { titleCode, note } }).then(() => void message.success(t('emulation.saved')))
          }
        />
      )}
    </section>
  );
}
