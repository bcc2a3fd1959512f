import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { hasPermission, useMe } from '../auth';
import { useT } from '../i18n';
import { NAV_ITEMS } from './navItems';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const items = NAV_ITEMS.filter((item) => !item.permission || hasPermission(me.data, item.permission)).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: <span data-testid={item.testId}>{t(item.label)}</span>,
  }));
  const selected = NAV_ITEMS.find((item) =>
    [item.path, ...(item.aliases ?? [])].some((path) => location.pathname.startsWith(path)),
  )?.path;
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
