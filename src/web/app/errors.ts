import { useCallback } from 'react';
import { App } from 'antd';
import type { FormInstance } from 'antd';
import type { Lang } from '../../shared/i18n';
import { translate } from '../../shared/i18n';
import { isApiError } from './api';
import { pickText, useLang } from './i18n';

/** The text of any error in the user's language. */
export function errorText(lang: Lang, error: unknown): string {
  if (isApiError(error)) return pickText(lang, error.message);
  return translate(lang, 'error.unexpected');
}

/**
 * Puts an API error under the form field it names (antd `setFields`) when the form has that
 * field among `fields`. Returns false (nothing shown) otherwise.
 */
export function showFieldError(
  lang: Lang,
  error: unknown,
  form: FormInstance,
  fields: readonly string[],
): boolean {
  if (!isApiError(error) || !error.field || !fields.includes(error.field)) return false;
  form.setFields([{ name: error.field.split('.'), errors: [errorText(lang, error)] }]);
  return true;
}

/**
 * Shows an error: under the form field it names (antd `setFields`) when the form has that
 * field, otherwise as a message at the top of the page.
 */
export function useShowError() {
  const { message } = App.useApp();
  const { lang } = useLang();
  return useCallback(
    (error: unknown, form?: FormInstance, fields?: readonly string[]) => {
      if (form && fields && showFieldError(lang, error, form, fields)) return;
      void message.error(errorText(lang, error));
    },
    [lang, message],
  );
}
