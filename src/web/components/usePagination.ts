import type { PaginationProps } from 'antd';
import { formatNumber, useLang, useT } from '../app/i18n';
import type { CappedPage, Page } from '../app/types';

export const PAGE_SIZES = [10, 20, 50, 100];

/**
 * antd pagination for a server-paged list; a capped total reads "more than N".
 */
export function usePagination(
  data: Page<unknown> | CappedPage<unknown> | undefined,
  paging: { page: number; pageSize: number },
  onChange: (page: number, pageSize: number) => void,
): PaginationProps {
  const t = useT();
  const { lang } = useLang();
  const capped = !!data && 'totalCapped' in data && data.totalCapped;
  return {
    current: data?.page ?? paging.page,
    pageSize: data?.pageSize ?? paging.pageSize,
    total: data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (total) =>
      capped
        ? t('list.totalCapped', { count: formatNumber(lang, total) })
        : t('common.total', { count: formatNumber(lang, total) }),
    onChange,
  };
}
