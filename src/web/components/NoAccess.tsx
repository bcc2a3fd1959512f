import { Result } from 'antd';
import { useT } from '../app/i18n';

export function NoAccess() {
  const t = useT();
  return <Result status="403" title={t('noAccess.title')} subTitle={t('noAccess.text')} data-testid="no-access" />;
}
