import { useState } from 'react';
import { Alert, App, Button, Popconfirm, Select, Space, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { LearningRecordView } from '../../../shared/learning';
import { errorText } from '../../app/errors';
import { useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { ResponsiveList } from '../../components/ResponsiveList';
import { intParam, useQueryParams } from '../../components/useQueryParams';
import { useDeleteRecord, useMyLearning, useMyMembership } from './learningApi';
import { currentYear, yearOptions } from './learningLabels';
import { MyProgress } from './MyProgress';
import { useRecordColumns, VerifiedNote } from './recordColumns';
import { RecordFormModal } from './RecordFormModal';
import './learning.css';

type Dialog = { kind: 'create' } | { kind: 'edit'; record: LearningRecordView } | null;

/** A member may change, delete and add evidence to their own record until it is verified. */
const editable = (r: LearningRecordView) => r.mine && r.status !== 'verified';

/**
 * /my-learning?year: my learning records of a year — my progress (hours by kind, the mandatory
 * trainings I owe), the records with their status and evidence; add, change, delete, attach files.
 */
export default function MyLearningPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const [values, set] = useQueryParams(['year'] as const);
  const thisYear = currentYear();
  const year = intParam(values.year, thisYear);
  const mine = useMyLearning(year);
  const member = useMyMembership(year);
  const remove = useDeleteRecord();
  const [dialog, setDialog] = useState<Dialog>(null);
  const columns = useRecordColumns({ who: false, editable });
  const notMember = member.isSuccess && member.data === null;

  const actions = (r: LearningRecordView) =>
    editable(r) ? (
      <Space size={4} wrap className="record-actions">
        <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', record: r })} data-testid="record-edit">
          {t('learning.mine.edit')}
        </Button>
        <Popconfirm
          title={t('learning.mine.deleteTitle', { title: r.title })}
          okText={t('learning.mine.delete')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            remove.mutateAsync(r.id).then(
              () => void message.success(t('learning.mine.deleted')),
              (error: unknown) => void message.error(errorText(lang, error)),
            )
          }
        >
          <Button size="small" danger icon={<DeleteOutlined />} data-testid="record-delete">
            {t('learning.mine.delete')}
          </Button>
        </Popconfirm>
      </Space>
    ) : (
      <VerifiedNote />
    );

  return (
    <div className="page learning-page">
      <PageHeading
        title={t('learning.mine.title')}
        subtitle={member.data ? `${member.data.fullName} · ${member.data.org.name}` : undefined}
        action={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ kind: 'create' })}
            disabled={notMember}
            data-testid="record-add"
          >
            {t('learning.mine.add')}
          </Button>
        }
      />
      <div className="filters">
        <Select
          className="filter-year"
          value={year}
          onChange={(next) => set({ year: next === thisYear ? undefined : next })}
          options={yearOptions(thisYear)}
          prefix={t('learning.year')}
          aria-label={t('learning.year')}
          data-testid="my-learning-year"
        />
      </div>
      {notMember && (
        <Alert
          type="warning"
          showIcon
          className="learning-alert"
          title={t('learning.mine.noMember.title')}
          description={t('learning.mine.noMember.text')}
          data-testid="my-learning-no-member"
        />
      )}
      {mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.isPending ? (
        <Loading />
      ) : (
        <>
          <MyProgress data={mine.data} year={year} />
          <Typography.Title level={3} className="learning-section-title">
            {t('learning.mine.records', { year })}
          </Typography.Title>
          <ResponsiveList
            testId="my-records"
            items={mine.data.items}
            rowKey={(r) => r.id}
            columns={columns}
            loading={mine.isFetching}
            pagination={{ pageSize: 20 }}
            emptyText={t('learning.mine.empty', { year })}
            actions={actions}
            actionsTitle={t('common.actions')}
          />
        </>
      )}
      {dialog && (
        <RecordFormModal
          record={dialog.kind === 'edit' ? dialog.record : undefined}
          unitId={member.data?.org.id}
          year={year}
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            if (created.year !== year) set({ year: created.year === thisYear ? undefined : created.year });
          }}
        />
      )}
    </div>
  );
}
