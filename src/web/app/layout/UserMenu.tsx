import { Button, Dropdown } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useLogout, useMe } from '../auth';
import { useT } from '../i18n';

export function UserMenu({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <span className="user-menu-who">
          {me.data?.displayName}
          <br />
          <small>{me.data?.login}</small>
        </span>
      ),
    },
    { type: 'divider' },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: <span data-testid="menu-change-password">{t('nav.changePassword')}</span>,
    },
    {
      key: 'logout',
      icon: <LogoutOutlined />,
      label: <span data-testid="menu-logout">{t('nav.logout')}</span>,
    },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') navigate('/account/password');
    if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" className="user-menu-button" data-testid="user-menu" aria-label={t('nav.userMenu')}>
        <UserOutlined />
        {!compact && <span className="user-menu-name">{me.data?.displayName}</span>}
        <DownOutlined />
      </Button>
    </Dropdown>
  );
}
