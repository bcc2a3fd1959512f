import { Select, Spin, Typography } from 'antd';
import { useT } from '../../app/i18n';
import { useOpenChildren } from './reorgApi';

interface Props {
  /** The unit split: its open children are assigned. */
  parentId: string | undefined;
  /** The successors to choose from: key and label. */
  options: { value: string; label: string }[];
  help: string;
  id?: string;
  value?: Record<string, string | undefined>;
  onChange?: (value: Record<string, string | undefined>) => void;
}

/** For each open child unit of the unit split, the successor it goes to (a form control). */
export function AssignmentsInput({ parentId, options, help, id, value = {}, onChange }: Props) {
  const t = useT();
  const children = useOpenChildren(parentId);
  if (!parentId) return null;
  if (children.isPending) return <Spin size="small" />;
  const items = children.data ?? [];
  if (items.length === 0) return <Typography.Text type="secondary">{t('reorg.split.noChildren')}</Typography.Text>;

  return (
    <div className="reorg-assignments" id={id} data-testid="reorg-assignments">
      <Typography.Text type="secondary" className="reorg-help">
        {help}
      </Typography.Text>
      <div className="reorg-assign-row reorg-assign-all">
        <span className="muted">{t('reorg.split.assignAll')}</span>
        <Select
          size="small"
          value={null}
          options={options}
          placeholder={t('reorg.split.pick')}
          onChange={(key: string) => onChange?.(Object.fromEntries(items.map((c) => [c.id, key])))}
          aria-label={t('reorg.split.assignAll')}
          className="reorg-assign-select"
          data-testid="reorg-assign-all"
        />
      </div>
      {items.map((child) => (
        <div key={child.id} className="reorg-assign-row" data-testid="reorg-assign-row" data-child={child.name}>
          <span className="reorg-assign-name">{child.name}</span>
          <Select
            value={value[child.id]}
            options={options}
            placeholder={t('reorg.split.pick')}
            onChange={(key: string) => onChange?.({ ...value, [child.id]: key })}
            aria-label={child.name}
            className="reorg-assign-select"
            data-testid="reorg-assign"
          />
        </div>
      ))}
    </div>
  );
}
