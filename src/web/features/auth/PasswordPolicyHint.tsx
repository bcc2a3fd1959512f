import { Alert } from 'antd';
import { usePasswordPolicy } from '../../app/auth';
import { pickText, useLang, useT } from '../../app/i18n';

/** The password rules as the server states them. */
export function PasswordPolicyHint() {
  const t = useT();
  const { lang } = useLang();
  const policy = usePasswordPolicy();
  if (!policy.data) return null;
  return (
    <Alert
      type="info"
      className="password-policy"
      data-testid="password-policy"
      title={t('password.policyTitle', { min: policy.data.minLength })}
      description={
        policy.data.rules.length > 0 ? (
          <ul className="password-policy-rules">
            {policy.data.rules.map((rule) => (
              <li key={rule.en}>{pickText(lang, rule)}</li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
