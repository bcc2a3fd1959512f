import { useState } from 'react';
import { App, Button, Card } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { pickName, useLang, useT } from '../../app/i18n';
import type { EmulationView, PersonDetail } from '../../app/types';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { useEmulationCatalogue, useSetPersonEmulation, type EmulationCatalogue } from '../emulation/emulationApi';
import { EmulationYearModal } from '../emulation/EmulationYearModal';

function useEmulationColumns(catalogue: EmulationCatalogue | undefined): ListColumn<EmulationView>[] {
  const t = useT();
  const { lang } = useLang();
  const name = (list: { code: string; nameVi: string; nameEn: string }[] | undefined, code: string | null) => {
    if (!code) return <span className="muted">{t('common.none')}</span>;
    const found = list?.find((x) => x.code === code);
    return found ? pickName(lang, found) : code;
  };
  return [
    { key: 'year', title: t('emulation.year'), card: 'title', render: (e) => <span data-testid="emulation-row-year">{e.year}</span> },
    { key: 'title', title: t('emulation.title'), render: (e) => name(catalogue?.individual, e.titleCode) },
    { key: 'discipline', title: t('emulation.discipline'), render: (e) => name(catalogue?.discipline, e.discipline) },
    { key: 'note', title: t('emulation.note'), render: (e) => e.note ?? <span className="muted">{t('common.none')}</span> },
  ];
}

/** Emulation titles and discipline standings, year by year; those who manage the person record them. */
export function PersonEmulation({ person }: { person: PersonDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const catalogue = useEmulationCatalogue();
  const save = useSetPersonEmulation();
  const columns = useEmulationColumns(catalogue.data);
  const [editing, setEditing] = useState<Partial<EmulationView> | null>(null);
  const years = [...person.emulation].sort((a, b) => b.year - a.year);

  return (
    <Card
      size="small"
      className="facts-card"
      title={t('emulation.personTitle')}
      data-testid="person-emulation"
      extra={
        person.can.manage && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="emulation-add">
            {t('emulation.add')}
          </Button>
        )
      }
    >
      <ResponsiveList
        testId="emulation-list"
        items={years}
        rowKey={(e) => String(e.year)}
        columns={columns}
        loading={catalogue.isPending}
        pagination={false}
        emptyText={t('emulation.none')}
        actionsTitle={t('common.actions')}
        actions={
          person.can.manage
            ? (e) => (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(e)} data-testid="emulation-edit">
                  {t('emulation.edit')}
                </Button>
              )
            : undefined
        }
      />
      {catalogue.data?.source && <div className="muted small-note">{t('emulation.source', { source: catalogue.data.source })}</div>}
      {editing && (
        <EmulationYearModal
          title={editing.year ? t('emulation.editTitle', { year: editing.year }) : t('emulation.addTitle')}
          initial={editing}
          titles={catalogue.data?.individual ?? []}
          disciplines={catalogue.data?.discipline ?? []}
          saving={save.isPending}
          onClose={() => setEditing(null)}
          onSubmit={({ year, ...body }) =>
            save.mutateAsync({ id: person.id, year, body }).then(() => void message.success(t('emulation.saved')))
          }
        />
      )}
    </Card>
  );
}
