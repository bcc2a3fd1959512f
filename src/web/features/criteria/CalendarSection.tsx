import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import type { CalendarEntryView } from '../../../shared/api-types';
import { useMe } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { pickText, useLang, useT, type Translate } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { ResponsiveList, type ListColumn } from '../../components/ResponsiveList';
import { OrgTreeSelect, type OrgOption } from '../org/OrgTreeSelect';
import { useCalendar, useResetCalendarDate, useSaveCalendarDate } from './criteriaApi';

const pad = (n: number) => String(n).padStart(2, '0');
const dayText = (t: Translate, e: { day: number; month: number; yearOffset: number }) => t(e.yearOffset ? 'calendar.nextYear' : 'calendar.date', { day: pad(e.day), month: pad(e.month) });

interface Values {
  label: string;
  day: number;
  month: number;
  yearOffset: number;
}

function DateModal({ orgId, orgName, entry, onClose }: { orgId: string; orgName: string; entry: CalendarEntryView; onClose: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const save = useSaveCalendarDate();
  const submit = (v: Values) =>
    save.mutate(
      { orgId, key: entry.key, ...v },
      {
        onSuccess: () => {
          void message.success(t('calendar.saved'));
          onClose();
        },
        onError: (e) => showError(e, form, ['label', 'day', 'month', 'yearOffset']),
      },
    );
  return (
    <Modal open title={t('calendar.modal.title', { org: orgName })} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okButtonProps={{ 'data-testid': 'calendar-save' } as never}>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ label: pickText(lang, entry.label), day: entry.day, month: entry.month, yearOffset: entry.yearOffset }}>
        <Form.Item name="label" label={t('calendar.field.label')} rules={[{ required: true, whitespace: true, message: t('calendar.field.label') }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="day" label={t('calendar.field.day')} rules={[{ required: true, message: t('calendar.field.day') }]}>
            <InputNumber min={1} max={31} data-testid="calendar-day" />
          </Form.Item>
          <Form.Item name="month" label={t('calendar.field.month')} rules={[{ required: true, message: t('calendar.field.month') }]}>
            <InputNumber min={1} max={12} data-testid="calendar-month" />
          </Form.Item>
          <Form.Item name="yearOffset" label={t('calendar.field.yearOffset')}>
            <Select className="filter-select" options={[0, 1].map((n) => ({ value: n, label: t(n ? 'calendar.yearOffset.1' : 'calendar.yearOffset.0') }))} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

/** The yearly calendar of one unit: each date, where it comes from, and the unit's own dates. */
export function CalendarSection() {
  const t = useT();
  const { lang } = useLang();
  const { modal } = App.useApp();
  const showError = useShowError();
  const me = useMe();
  const [org, setOrg] = useState<OrgOption | undefined>(me.data?.homeOrg ? { value: me.data.homeOrg.id, label: me.data.homeOrg.name } : undefined);
  const calendar = useCalendar(org?.value);
  const reset = useResetCalendarDate();
  const [editing, setEditing] = useState<CalendarEntryView | null>(null);
  const data = calendar.data;
  const ownHere = (e: CalendarEntryView) => !!data && e.setBy?.orgId === data.org.id;

  const columns: ListColumn<CalendarEntryView>[] = [
    {
      key: 'what',
      title: t('calendar.col.what'),
      card: 'title',
      render: (e) => pickText(lang, e.label),
    },
    {
      key: 'date',
      title: t('calendar.col.date'),
      card: 'subtitle',
      render: (e) => (
        <span data-testid={`calendar-date-${e.key}`}>
          <strong>{dayText(t, e)}</strong>
          {e.setBy && e.default && <span className="criteria-muted"> ({t('calendar.default', { date: dayText(t, e.default) })})</span>}
        </span>
      ),
    },
    {
      key: 'source',
      title: t('calendar.col.source'),
      render: (e) => (
        <Space size={4} wrap>
          <Tag color={e.status === 'confirmed' ? 'green' : 'default'}>{t(e.status === 'confirmed' ? 'calendar.status.confirmed' : 'calendar.status.local')}</Tag>
          <span>{e.source}</span>
        </Space>
      ),
    },
    { key: 'setBy', title: t('calendar.col.setBy'), render: (e) => e.setBy?.orgName ?? '—' },
  ];

  return (
    <div data-testid="calendar-section">
      <div className="filters">
        <OrgTreeSelect value={org ?? null} onChange={setOrg} placeholder={t('calendar.pickOrg')} aria-label={t('calendar.org')} data-testid="calendar-org" className="filter-select-wide" />
      </div>
      {!org ? (
        <Typography.Paragraph type="secondary">{t('calendar.pickOrg')}</Typography.Paragraph>
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <ResponsiveList
          items={data?.items ?? []}
          rowKey={(e) => e.key}
          columns={columns}
          loading={calendar.isFetching}
          pagination={false}
          emptyText=""
          testId="calendar-dates"
          actions={
            data?.canManage
              ? (e) => (
                  <Space size={4} wrap>
                    <Button size="small" onClick={() => setEditing(e)} data-testid={`calendar-edit-${e.key}`}>
                      {t('calendar.edit')}
                    </Button>
                    {ownHere(e) && (
                      <Button
                        size="small"
                        onClick={() =>
                          modal.confirm({
                            title: t('calendar.reset.confirm'),
                            onOk: () => reset.mutateAsync({ orgId: data.org.id, key: e.key }).catch((err) => showError(err)),
                          })
                        }
                      >
                        {t('calendar.reset')}
                      </Button>
                    )}
                  </Space>
                )
              : undefined
          }
        />
      )}
      {editing && data && <DateModal orgId={data.org.id} orgName={data.org.name} entry={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
