import { en } from './en';
import { vi, type Messages } from './vi';

export type { Messages } from './vi';
export type Lang = 'vi' | 'en';
export type MessageKey = keyof Messages;
export type MessageParams = Record<string, string | number>;

export const LANGS: readonly Lang[] = ['vi', 'en'];
export const catalogues: Record<Lang, Messages> = { vi, en };

/** Fills `{name}` placeholders of a catalogue string. */
export function translate(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const text = catalogues[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}
