import { Card, Checkbox, Input, InputNumber, Select, Tag } from 'antd';
import type { CriteriaSetDocument, Indicator } from '../../../shared/criteria';
import { pickText, useLang, useT } from '../../app/i18n';

type Update = (change: (doc: CriteriaSetDocument) => void) => void;

/** The numbers and wording of one indicator: maximum (points) or the threshold per level (levels). */
function IndicatorFields({ doc, ci, ii, update }: { doc: CriteriaSetDocument; ci: number; ii: number; update: Update }) {
  const t = useT();
  const { lang } = useLang();
  const ind: Indicator = doc.criteria[ci].indicators[ii];
  const set = (change: (i: Indicator) => void) => update((d) => change(d.criteria[ci].indicators[ii]));
  return (
    <li className="criteria-indicator" data-testid={`form-indicator-${ind.code}`}>
      <div className="criteria-indicator-head">
        <span className="criteria-code">{ind.code}</span>
        <Input.TextArea
          value={ind.text.vi}
          autoSize={{ minRows: 1, maxRows: 4 }}
          onChange={(e) => set((i) => void (i.text = { ...i.text, vi: e.target.value }))}
          aria-label={`${ind.code} (vi)`}
        />
      </div>
      <div className="criteria-form-row">
        {doc.engine === 'points' && (
          <label className="criteria-form-field">
            <span>{t('criteria.facts.max')}</span>
            <InputNumber
              min={0}
              value={ind.max}
              onChange={(v) => set((i) => void (i.max = v ?? undefined))}
              data-testid={`form-max-${ind.code}`}
            />
          </label>
        )}
        {doc.engine === 'levels' &&
          (doc.levels ?? []).map((level) => {
            const th = ind.thresholds?.[level.code];
            if (!th) return null;
            return (
              <label key={level.code} className="criteria-form-field">
                <span>{pickText(lang, level.name)}</span>
                {th.kind === 'min' ? (
                  <InputNumber
                    value={th.value}
                    addonAfter={ind.valueType === 'percent' ? '%' : undefined}
                    onChange={(v) => set((i) => void (i.thresholds![level.code] = { ...th, value: v ?? 0 }))}
                    data-testid={`form-threshold-${ind.code}-${level.code}`}
                  />
                ) : th.kind === 'ordinal' ? (
                  <Select
                    className="filter-select"
                    value={th.value}
                    options={(ind.scale ?? []).map((s) => ({ value: s.code, label: pickText(lang, s.name) }))}
                    onChange={(v) => set((i) => void (i.thresholds![level.code] = { kind: 'ordinal', value: v }))}
                  />
                ) : (
                  <Tag>{t('criteria.threshold.yes')}</Tag>
                )}
              </label>
            );
          })}
        <Checkbox checked={ind.evidenceRequired} onChange={(e) => set((i) => void (i.evidenceRequired = e.target.checked))}>
          {t('criteria.indicator.evidence')}
        </Checkbox>
        <Checkbox checked={!!ind.incomplete} onChange={(e) => set((i) => void (i.incomplete = e.target.checked || undefined))}>
          {t('criteria.indicator.incomplete')}
        </Checkbox>
      </div>
    </li>
  );
}

/**
 * The draft as a form: wording, maxima, thresholds and flags of every criterion and indicator, and
 * the set's maximum and bands. Structure (adding criteria, formulas, applicability) is edited as JSON.
 */
export function StructuredForm({ doc, onChange }: { doc: CriteriaSetDocument; onChange: (doc: CriteriaSetDocument) => void }) {
  const t = useT();
  const { lang } = useLang();
  const update: Update = (change) => {
    const next = structuredClone(doc);
    change(next);
    onChange(next);
  };
  return (
    <div className="criteria-form" data-testid="criteria-form">
      <label className="criteria-form-field criteria-form-wide">
        <span>{t('criteria.col.name')}</span>
        <Input value={doc.name.vi} onChange={(e) => update((d) => void (d.name = { ...d.name, vi: e.target.value }))} />
      </label>
      {doc.points && (
        <div className="criteria-form-row">
          <label className="criteria-form-field">
            <span>{t('criteria.facts.max')}</span>
            <InputNumber min={0} value={doc.points.max} onChange={(v) => update((d) => void (d.points!.max = v ?? 0))} data-testid="form-points-max" />
          </label>
          {doc.points.bands.map((b, bi) => (
            <label key={b.code} className="criteria-form-field">
              <span>{pickText(lang, b.name)} ≥</span>
              <InputNumber min={0} value={b.min} onChange={(v) => update((d) => void (d.points!.bands[bi].min = v ?? 0))} />
            </label>
          ))}
        </div>
      )}
      {doc.criteria.map((c, ci) => (
        <Card
          key={c.code}
          size="small"
          className="criteria-criterion"
          title={
            <span className="criteria-indicator-head">
              <span className="criteria-code">{c.code}</span>
              <Input value={c.name.vi} onChange={(e) => update((d) => void (d.criteria[ci].name = { ...d.criteria[ci].name, vi: e.target.value }))} aria-label={`${c.code} (vi)`} />
            </span>
          }
          extra={
            doc.engine === 'points' ? (
              <InputNumber min={0} value={c.max} onChange={(v) => update((d) => void (d.criteria[ci].max = v ?? undefined))} aria-label={t('criteria.facts.max')} data-testid={`form-criterion-max-${c.code}`} />
            ) : null
          }
        >
          <ul className="criteria-indicators">
            {c.indicators.map((ind, ii) => (
              <IndicatorFields key={ind.code} doc={doc} ci={ci} ii={ii} update={update} />
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
