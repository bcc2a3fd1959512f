import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useT } from '../../app/i18n';
import type { OrgKind } from '../../app/types';
import { EditKindButton, ParentKindTags, RootTag } from './KindParts';

interface Props {
  kinds: OrgKind[];
  loading: boolean;
  onEdit: (kind: OrgKind) => void;
}

/** The kinds of organisation on wider screens. */
export function KindTable({ kinds, loading, onEdit }: Props) {
  const t = useT();
  const columns: TableColumnsType<OrgKind> = [
    {
      key: 'code',
      title: t('orgKinds.col.code'),
      width: 170,
      render: (_, kind) => <code className="kind-code">{kind.code}</code>,
    },
    { key: 'nameVi', title: t('orgKinds.col.nameVi'), dataIndex: 'nameVi' },
    { key: 'nameEn', title: t('orgKinds.col.nameEn'), dataIndex: 'nameEn' },
    { key: 'canBeRoot', title: t('orgKinds.col.canBeRoot'), width: 120, render: (_, kind) => <RootTag kind={kind} /> },
    {
      key: 'parentKinds',
      title: t('orgKinds.col.parentKinds'),
      width: 300,
      render: (_, kind) => <ParentKindTags kind={kind} kinds={kinds} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      className: 'nowrap',
      render: (_, kind) => <EditKindButton kind={kind} onEdit={onEdit} />,
    },
  ];

  return (
    <Table<OrgKind>
      rowKey="code"
      className="kinds-table"
      data-testid="kinds-table"
      columns={columns}
      dataSource={kinds}
      loading={loading}
      scroll={{ x: 960 }}
      size="middle"
      pagination={false}
      locale={{ emptyText: t('orgKinds.empty') }}
    />
  );
}
