import { Button, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { pickName, useLang, useT } from '../../app/i18n';
import type { OrgKind } from '../../app/types';

/** "Có" / "Không": whether units of the kind may stand at the top of a tree. */
export function RootTag({ kind }: { kind: OrgKind }) {
  const t = useT();
  return kind.canBeRoot ? (
    <Tag color="green" data-testid="kind-root">
      {t('common.yes')}
    </Tag>
  ) : (
    <Tag data-testid="kind-root">{t('common.no')}</Tag>
  );
}

/** The allowed parent kinds of `kind`, by name in the current language. */
export function ParentKindTags({ kind, kinds }: { kind: OrgKind; kinds: OrgKind[] }) {
  const t = useT();
  const { lang } = useLang();
  if (kind.parentKinds.length === 0) return <span className="muted">{t('orgKinds.noParents')}</span>;
  return (
    <div className="kind-parent-tags">
      {kind.parentKinds.map((code) => {
        const parent = kinds.find((k) => k.code === code);
        return (
          <Tag key={code} color="blue" data-testid="kind-parent">
            {parent ? pickName(lang, parent) : code}
          </Tag>
        );
      })}
    </div>
  );
}

export function EditKindButton({ kind, onEdit }: { kind: OrgKind; onEdit: (kind: OrgKind) => void }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Button
      size="small"
      icon={<EditOutlined />}
      onClick={() => onEdit(kind)}
      data-testid="kind-edit"
      data-row-key={kind.code}
      aria-label={`${t('orgKinds.edit')}: ${pickName(lang, kind)}`}
    >
      {t('orgKinds.edit')}
    </Button>
  );
}
