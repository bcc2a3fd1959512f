import { Typography } from 'antd';
import { useT } from '../../app/i18n';

type JsonObject = Record<string, unknown>;

function asObject(value: unknown): JsonObject | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
}

function show(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function Side({
  title,
  value,
  keys,
  changed,
  testId,
}: {
  title: string;
  value: unknown;
  keys: string[];
  changed: Set<string>;
  testId: string;
}) {
  const t = useT();
  const object = asObject(value);
  return (
    <div className="json-side" data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      {value === null || value === undefined ? (
        <div className="json-empty">{t('audit.diff.empty')}</div>
      ) : object ? (
        <dl className="json-rows">
          {keys.map((key) => {
            const present = Object.prototype.hasOwnProperty.call(object, key);
            const className = [
              'json-row',
              changed.has(key) ? 'json-row-changed' : '',
              present ? '' : 'json-row-absent',
            ].join(' ');
            return (
              <div key={key} className={className} data-changed={changed.has(key) || undefined}>
                <dt>{key}</dt>
                <dd>
                  <pre>{present ? show(object[key]) : '—'}</pre>
                </dd>
              </div>
            );
          })}
        </dl>
      ) : (
        <pre className="json-raw">{show(value)}</pre>
      )}
    </div>
  );
}

/** Before and after of an audited change, side by side, changed keys highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const b = asObject(before) ?? {};
  const a = asObject(after) ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const changed = new Set(keys.filter((key) => !same(b[key], a[key])));
  return (
    <div className="json-diff" data-testid="audit-diff">
      <Side title={t('audit.diff.before')} value={before} keys={keys} changed={changed} testId="audit-diff-before" />
      <Side title={t('audit.diff.after')} value={after} keys={keys} changed={changed} testId="audit-diff-after" />
    </div>
  );
}
