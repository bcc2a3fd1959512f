import { useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { LanguageProvider, useLang } from './i18n';
import { createQueryClient } from './queryClient';
import { AppRoutes } from './router';
import { theme } from './theme';

function LocalizedApp() {
  const { lang } = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : viVN} theme={theme}>
      <AntApp>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}

export function Root() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LanguageProvider>
        <LocalizedApp />
      </LanguageProvider>
    </QueryClientProvider>
  );
}
