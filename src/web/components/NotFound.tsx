import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../app/i18n';

export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.text')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
