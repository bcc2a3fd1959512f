import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../app/api';
import { useMe } from '../../app/auth';
import type { Bilingual } from '../../app/types';

/** A message in the app (src/server/platform/notifications/notifications.ts), in both languages. */
export interface NotificationItem {
  id: string;
  /** What it is about, e.g. 'study_plan.return'. */
  kind: string;
  message: Bilingual;
  /** Where clicking it leads (a path of the app), if anywhere. */
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  items: NotificationItem[];
  unread: number;
  page: number;
  pageSize: number;
}

export const notificationKeys = { all: ['notifications'] as const, list: ['notifications', 'list'] as const };

/** How many of the newest messages the bell lists. */
const PAGE_SIZE = 20;

/**
 * My newest messages and the unread count: checked every minute and when the window gets focus
 * (not while the account must first change its password: the server answers nothing else then).
 */
export function useNotifications() {
  const me = useMe();
  return useQuery({
    enabled: !!me.data && !me.data.mustChangePassword,
    queryKey: notificationKeys.list,
    queryFn: ({ signal }) => api.get<NotificationPage>(`/notifications${query({ pageSize: PAGE_SIZE })}`, signal),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 10_000,
  });
}

/** Marks messages read (some, or all). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[] | 'all') => api.post<{ marked: number }>('/notifications/read', { ids }),
    onMutate: (ids) => {
      // Read at once on screen; the server's answer follows.
      queryClient.setQueryData<NotificationPage>(notificationKeys.list, (page) => {
        if (!page) return page;
        const items = page.items.map((n) => (ids === 'all' || ids.includes(n.id) ? { ...n, read: true } : n));
        const newlyRead = page.items.filter((n) => !n.read && (ids === 'all' || ids.includes(n.id))).length;
        return { ...page, items, unread: ids === 'all' ? 0 : Math.max(0, page.unread - newlyRead) };
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
