import { useState } from 'react';
import { Button, Drawer, Grid, Layout } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { useT } from '../i18n';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

/** Header (product name, notifications, language, user menu), left menu (a drawer on phones), page. */
export function AppLayout() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header">
        {isPhone && (
          <Button
            type="text"
            className="app-header-menu"
            icon={<MenuOutlined />}
            onClick={() => setDrawerOpen(true)}
            aria-label={t('nav.openMenu')}
            data-testid="nav-open"
          />
        )}
        <Link to="/" className="brand" data-testid="brand">
          {t('app.name')}
        </Link>
        <span className="app-header-spacer" />
        <NotificationBell />
        <LanguageSwitch compact={isPhone} />
        <UserMenu compact={isPhone} />
      </Layout.Header>
      <Layout>
        {!isPhone && (
          <Layout.Sider width={236} theme="light" className="app-sider">
            <SideMenu />
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={t('app.name')}
          data-testid="nav-drawer"
        >
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
