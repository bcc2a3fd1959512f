import { Segmented } from 'antd';
import type { Lang } from '../../shared/i18n';
import { useLang, useT } from '../app/i18n';

/** Tiếng Việt / English; short labels (VI / EN) in tight places such as a phone header. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const { lang, setLang } = useLang();
  return (
    <Segmented<Lang>
      size="small"
      value={lang}
      onChange={setLang}
      aria-label={t('lang.label')}
      data-testid="lang-switch"
      options={[
        {
          value: 'vi',
          title: t('lang.vi'),
          label: <span data-testid="lang-vi">{compact ? t('lang.viShort') : t('lang.vi')}</span>,
        },
        {
          value: 'en',
          title: t('lang.en'),
          label: <span data-testid="lang-en">{compact ? t('lang.enShort') : t('lang.en')}</span>,
        },
      ]}
    />
  );
}
