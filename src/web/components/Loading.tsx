import { Spin } from 'antd';
import { useT } from '../app/i18n';

export function Loading({ fullPage = false }: { fullPage?: boolean }) {
  const t = useT();
  return (
    <div className={fullPage ? 'loading loading-full' : 'loading'} role="status" data-testid="loading">
      <Spin description={t('common.loading')} />
    </div>
  );
}
