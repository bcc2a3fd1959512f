import { InfoCircleOutlined } from '@ant-design/icons';
import { usePasswordPolicy } from '../../app/auth';
import { pickText, useLang, useT } from '../../app/i18n';

/** The password rules as the server states them, in a small box above the password fields. */
export function PasswordPolicyHint() {
  const t = useT();
  const { lang } = useLang();
  const policy = usePasswordPolicy();
  if (!policy.data) return null;
  return (
    <div className="password-policy" data-testid="password-policy" role="note">
      <div className="password-policy-title">
        <InfoCircleOutlined /> {t('password.policyTitle', { min: policy.data.minLength })}
      </div>
      {policy.data.rules.length > 0 && (
        <ul className="password-policy-rules">
          {policy.data.rules.map((rule) => (
            <li key={rule.en}>{pickText(lang, rule)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
