import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { hasAnyPermission, useMe } from '../auth';
import { useT } from '../i18n';
import { NAV_ITEMS } from './navItems';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const items = NAV_ITEMS.filter((item) => !item.permission || hasAnyPermission(me.data, item.permission)).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: <span data-testid={item.testId}>{t(item.label)}</span>,
  }));
  // The entry whose path (or alias) matches the most of the location: /titles/decisions is not /titles.
  const matchLength = (item: (typeof NAV_ITEMS)[number]) =>
    Math.max(0, ...[item.path, ...(item.aliases ?? [])].filter((path) => location.pathname.startsWith(path)).map((path) => path.length));
  const selected = [...NAV_ITEMS].sort((a, b) => matchLength(b) - matchLength(a)).find((item) => matchLength(item) > 0)?.path;
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      aria-label={t('nav.label')}
      data-testid="side-menu"
    />
  );
}
