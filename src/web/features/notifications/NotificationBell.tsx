import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Grid, Popover, Spin } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../../shared/vn-text';
import { pickText, useLang, useT } from '../../app/i18n';
import { ErrorState } from '../../components/ErrorState';
import { useMarkRead, useNotifications, type NotificationItem } from './notificationsApi';
import './notifications.css';

/** The list of messages: newest first, unread ones marked; a click reads it and follows its link. */
function NotificationList({ onOpen }: { onOpen: (n: NotificationItem) => void }) {
  const t = useT();
  const { lang } = useLang();
  const list = useNotifications();
  const markRead = useMarkRead();
  const items = list.data?.items ?? [];
  const unread = list.data?.unread ?? 0;
  return (
    <div className="notif-panel" data-testid="notifications-panel">
      <div className="notif-panel-head">
        <strong>{t('notifications.title')}</strong>
        <Button
          type="link"
          size="small"
          icon={<CheckOutlined />}
          disabled={unread === 0}
          onClick={() => markRead.mutate('all')}
          data-testid="notifications-read-all"
        >
          {t('notifications.markAll')}
        </Button>
      </div>
      {list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Spin className="notif-spin" />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="notif-list">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={n.read ? 'notif-item' : 'notif-item notif-unread'}
                onClick={() => onOpen(n)}
                data-testid="notification-item"
                data-read={n.read}
              >
                {!n.read && <span className="notif-dot" aria-label={t('notifications.unread')} />}
                <span className="notif-text">{pickText(lang, n.message)}</span>
                <span className="notif-time">{formatDateTime(n.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The bell in the header: the unread count (checked every minute and on focus), the messages in a
 * popover (a drawer on phones).
 */
export function NotificationBell() {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useNotifications();
  const markRead = useMarkRead();
  const [open, setOpen] = useState(false);
  const unread = list.data?.unread ?? 0;

  const onOpen = (n: NotificationItem) => {
    if (!n.read) markRead.mutate([n.id]);
    setOpen(false);
    if (n.link) {
      // What the message is about has changed: show it as it now stands.
      void queryClient.invalidateQueries({ queryKey: ['studyPlans'] });
      navigate(n.link);
    }
  };

  const button = (
    <Button
      type="text"
      className="notif-bell"
      aria-label={t('notifications.open', { count: unread })}
      onClick={phone ? () => setOpen(true) : undefined}
      data-testid="notifications-bell"
      data-unread={unread}
    >
      <Badge count={unread} size="small" overflowCount={99} data-testid="notifications-count">
        <BellOutlined className="notif-bell-icon" />
      </Badge>
    </Button>
  );

  if (phone) {
    return (
      <>
        {button}
        <Drawer placement="right" open={open} onClose={() => setOpen(false)} size={320} title={t('notifications.title')} className="notif-drawer">
          <NotificationList onOpen={onOpen} />
        </Drawer>
      </>
    );
  }
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      content={<NotificationList onOpen={onOpen} />}
      arrow={false}
      classNames={{ root: 'notif-popover' }}
    >
      {button}
    </Popover>
  );
}
