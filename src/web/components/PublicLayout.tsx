import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useT } from '../app/i18n';
import { LanguageSwitch } from './LanguageSwitch';

/** Page shell for setup and login: product name, language switch, one centred card. */
export function PublicLayout({ title, wide = false, children }: { title: string; wide?: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <div className="public-page">
      <header className="public-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className={wide ? 'public-main public-main-wide' : 'public-main'}>
        <Typography.Paragraph type="secondary" className="public-tagline">
          {t('app.tagline')}
        </Typography.Paragraph>
        <Card className="public-card">
          <Typography.Title level={1} className="public-title">
            {title}
          </Typography.Title>
          {children}
        </Card>
      </main>
    </div>
  );
}
