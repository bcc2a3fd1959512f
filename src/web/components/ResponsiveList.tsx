import { useState, type Key, type ReactNode } from 'react';
import { Card, Checkbox, Empty, Grid, Pagination, Spin, Table } from 'antd';
import type { PaginationProps, TableColumnsType, TableProps } from 'antd';

/** A column of a list: a table column on wider screens, a line of a card on phones. */
export interface ListColumn<T> {
  key: string;
  title: string;
  render: (item: T) => ReactNode;
  /**
   * Where the value goes on a phone card: its heading, the line under the heading, a labelled
   * fact (the default), or nowhere.
   */
  card?: 'title' | 'subtitle' | 'fact' | 'none';
  /** The server can sort by this column. */
  sortable?: boolean;
  width?: number;
  className?: string;
}

/** The server-side sort of a list: a column key, ascending or descending. */
export interface ListSort {
  key: string;
  desc: boolean;
}

export interface ListSelection<T> {
  selectedKeys: string[];
  onChange: (keys: string[]) => void;
  /** Rows that cannot be picked (default: all can). */
  canSelect?: (item: T) => boolean;
  label: string;
}

interface Props<T> {
  items: T[];
  rowKey: (item: T) => string;
  columns: ListColumn<T>[];
  loading: boolean;
  /** Server paging (with `total`), paging in the browser (`{ pageSize }` only), or none. */
  pagination: PaginationProps | false;
  emptyText: string;
  testId: string;
  /** Actions of a row (buttons), in the last column / at the bottom of the card. */
  actions?: (item: T) => ReactNode;
  actionsTitle?: string;
  selection?: ListSelection<T>;
  sort?: ListSort;
  onSortChange?: (sort: ListSort | undefined) => void;
  /** Table width beyond which the table scrolls sideways (default: columns wrap to fit). */
  scrollX?: number;
}

/** Pages through items held in the browser (pagination: { pageSize } without a total). */
function useLocalPages<T>(props: Props<T>): Props<T> {
  const [page, setPage] = useState(1);
  const { pagination, items } = props;
  if (!pagination || pagination.total !== undefined || !pagination.pageSize) return props;
  const size = pagination.pageSize;
  const current = Math.min(page, Math.max(1, Math.ceil(items.length / size)));
  return {
    ...props,
    items: items.slice((current - 1) * size, current * size),
    pagination: items.length > size ? { ...pagination, current, total: items.length, onChange: setPage } : false,
  };
}

function CardFacts<T>({ item, columns }: { item: T; columns: ListColumn<T>[] }) {
  const facts = columns.filter((c) => (c.card ?? 'fact') === 'fact');
  if (facts.length === 0) return null;
  return (
    <dl className="list-card-facts">
      {facts.map((column) => (
        <div key={column.key} className="list-card-fact">
          <dt>{column.title}</dt>
          <dd>{column.render(item)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The list on phones: one card per item, pagination below. */
function ListCards<T>(props: Props<T>) {
  const { items, rowKey, columns, loading, pagination, emptyText, testId, actions, selection } = props;
  const title = columns.find((c) => c.card === 'title');
  const subtitle = columns.find((c) => c.card === 'subtitle');
  const toggle = (key: string, on: boolean) => {
    if (!selection) return;
    const rest = selection.selectedKeys.filter((k) => k !== key);
    selection.onChange(on ? [...rest, key] : rest);
  };
  return (
    <Spin spinning={loading}>
      <div className="list-cards" data-testid={testId}>
        {items.length === 0 && !loading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />}
        {items.map((item) => {
          const key = rowKey(item);
          return (
            <Card key={key} size="small" className="list-card" data-testid={`${testId}-card`} data-row-key={key}>
              <div className="list-card-head">
                {selection && (
                  <Checkbox
                    className="list-card-check"
                    checked={selection.selectedKeys.includes(key)}
                    disabled={selection.canSelect ? !selection.canSelect(item) : false}
                    onChange={(event) => toggle(key, event.target.checked)}
                    aria-label={selection.label}
                    data-testid="list-card-select"
                  />
                )}
                <div className="list-card-titles">
                  {title && <div className="list-card-title">{title.render(item)}</div>}
                  {subtitle && <div className="list-card-subtitle">{subtitle.render(item)}</div>}
                </div>
              </div>
              <CardFacts item={item} columns={columns} />
              {actions && <div className="list-card-actions">{actions(item)}</div>}
            </Card>
          );
        })}
      </div>
      {pagination && items.length > 0 && <Pagination className="list-cards-pagination" size="small" {...pagination} />}
    </Spin>
  );
}

/** The list on wider screens: a table, sortable by the server on some columns. */
function ListTable<T extends object>(props: Props<T>) {
  const { items, rowKey, columns, loading, pagination, emptyText, testId, actions, actionsTitle, selection, sort } = props;
  const tableColumns: TableColumnsType<T> = columns.map((column) => ({
    key: column.key,
    title: column.title,
    width: column.width,
    className: column.className,
    render: (_: unknown, item: T) => column.render(item),
    sorter: column.sortable ? true : undefined,
    sortOrder: column.sortable && sort?.key === column.key ? (sort.desc ? 'descend' : 'ascend') : null,
    sortDirections: column.sortable ? ['ascend', 'descend', 'ascend'] : undefined,
  }));
  if (actions) {
    tableColumns.push({ key: 'actions', title: actionsTitle, className: 'nowrap', render: (_, item) => actions(item) });
  }
  const onChange: TableProps<T>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    if (!props.onSortChange) return;
    if (!one?.order || !one.columnKey) props.onSortChange(undefined);
    else props.onSortChange({ key: String(one.columnKey), desc: one.order === 'descend' });
  };
  return (
    <Table<T>
      rowKey={(item) => rowKey(item)}
      className="list-table"
      data-testid={testId}
      columns={tableColumns}
      dataSource={items}
      loading={loading}
      size="middle"
      scroll={props.scrollX ? { x: props.scrollX } : undefined}
      pagination={pagination}
      onChange={onChange}
      locale={{ emptyText }}
      rowSelection={
        selection
          ? {
              selectedRowKeys: selection.selectedKeys,
              preserveSelectedRowKeys: true,
              onChange: (keys: Key[]) => selection.onChange(keys.map(String)),
              getCheckboxProps: (item: T) => ({
                disabled: selection.canSelect ? !selection.canSelect(item) : false,
                'aria-label': selection.label,
              }),
            }
          : undefined
      }
    />
  );
}

/**
 * A paged list shown as a table on wider screens and as cards on phones, from one set of
 * column definitions.
 */
export function ResponsiveList<T extends object>(props: Props<T>) {
  const screens = Grid.useBreakpoint();
  const paged = useLocalPages(props);
  return screens.md ? <ListTable {...paged} /> : <ListCards {...paged} />;
}
