import { Alert, Button } from 'antd';
import { errorText } from '../app/errors';
import { useLang, useT } from '../app/i18n';

/** A failed load, with a retry button. */
export function ErrorState({
  error,
  onRetry,
  fullPage = false,
}: {
  error: unknown;
  onRetry?: () => void;
  fullPage?: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  return (
    <div className={fullPage ? 'error-state error-state-full' : 'error-state'}>
      <Alert
        type="error"
        showIcon
        title={t('error.loadFailed')}
        description={errorText(lang, error)}
        action={
          onRetry ? (
            <Button size="small" onClick={onRetry} data-testid="retry">
              {t('common.retry')}
            </Button>
          ) : undefined
        }
        data-testid="error-state"
      />
    </div>
  );
}
