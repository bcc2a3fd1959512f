import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import { translate, type Lang, type MessageKey, type MessageParams } from '../../shared/i18n';
import type { Bilingual } from './types';

const STORAGE_KEY = 'hoctap.lang';

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

const LangContext = createContext<LangState>({ lang: 'vi', setLang: () => undefined });

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang);
  document.documentElement.lang = lang;
}

/** Holds the interface language (Vietnamese by default), kept in localStorage. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const initial = storedLang();
    applyLang(initial);
    return initial;
  });

  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    applyLang(next);
    setLangState(next);
  }, []);

  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangState {
  return useContext(LangContext);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** `t('key', { name })` in the current language. */
export function useT(): Translate {
  const { lang } = useLang();
  return useCallback((key: MessageKey, params?: MessageParams) => translate(lang, key, params), [lang]);
}

/** Picks the current language from a server `{ vi, en }` text. */
export function pickText(lang: Lang, text: Bilingual): string {
  return lang === 'en' ? text.en : text.vi;
}

/** Picks `nameVi` / `nameEn` of an item that the API names in both languages. */
export function pickName(lang: Lang, item: { nameVi: string; nameEn: string }): string {
  return lang === 'en' ? item.nameEn : item.nameVi;
}

/** Numbers the Vietnamese way (1.234,5) in Vietnamese, the English way in English. */
export function formatNumber(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN').format(value);
}
