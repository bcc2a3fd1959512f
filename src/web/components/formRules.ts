import type { FormRule } from 'antd';
import type { Translate } from '../app/i18n';

/** Form rule: this field must repeat the password typed in `field`. */
export function sameAsRule(t: Translate, field: string | string[]): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_rule, value) =>
      !value || value === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
  });
}

export function requiredRule(t: Translate): FormRule {
  return { required: true, whitespace: true, message: t('form.required') };
}

/** Required, for a choice (an organisation, a user…) rather than typed text. */
export function requiredChoiceRule(t: Translate): FormRule {
  return { required: true, message: t('form.required') };
}
