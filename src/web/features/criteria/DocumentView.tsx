import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import type { CriteriaSetDocument, Indicator, Threshold } from '../../../shared/criteria';
import type { Lang } from '../../../shared/i18n';
import { formatDate } from '../../../shared/vn-text';
import { formatNumber, pickText, useLang, useT, type Translate } from '../../app/i18n';
import { attributeName, engineName, groupName, levelName, titleName, valueTypeName } from './criteriaLabels';

function thresholdText(t: Translate, lang: Lang, th: Threshold, percent: boolean): string {
  const unit = percent ? ' %' : '';
  if (th.kind === 'yes') return t('criteria.threshold.yes');
  if (th.kind === 'ordinal') return t('criteria.threshold.ordinal', { n: th.value });
  const base = t('criteria.threshold.min', { n: `${th.value}${unit}` });
  const variants = (th.variants ?? []).map((v) => t('criteria.threshold.variant', { when: attributeName(lang, v.when), n: `${v.value}${unit}` }));
  return [base, ...variants].join('; ');
}

function IndicatorItem({ doc, ind }: { doc: CriteriaSetDocument; ind: Indicator }) {
  const t = useT();
  const { lang } = useLang();
  const levels = doc.levels ?? [];
  const thresholds = ind.thresholds ?? {};
  return (
    <li className="criteria-indicator" data-testid={`indicator-${ind.code}`}>
      <div className="criteria-indicator-head">
        <span className="criteria-code">{ind.code}</span>
        <span className="criteria-indicator-text">{pickText(lang, ind.text)}</span>
      </div>
      <div className="criteria-indicator-tags">
        {ind.max !== undefined && (
          <Tag color="blue" data-testid={`indicator-${ind.code}-max`}>
            {t('criteria.indicator.max', { n: formatNumber(lang, ind.max) })}
            {ind.step ? ` · ${t('criteria.indicator.step', { n: formatNumber(lang, ind.step) })}` : ''}
          </Tag>
        )}
        {doc.engine === 'levels' && <Tag>{valueTypeName(lang, ind.valueType)}</Tag>}
        {ind.evidenceRequired && <Tag color="gold">{t('criteria.indicator.evidence')}</Tag>}
        {ind.derived && (
          <Tag color="purple" title={JSON.stringify(ind.derived.params)}>
            {t('criteria.indicator.derived')}: {ind.derived.formula}
          </Tag>
        )}
        {ind.incomplete && <Tag color="red">{t('criteria.indicator.incomplete')}</Tag>}
      </div>
      {Object.keys(thresholds).length > 0 && (
        <dl className="criteria-thresholds">
          {(levels.length ? levels.map((l) => l.code) : Object.keys(thresholds))
            .filter((code) => thresholds[code])
            .map((code) => (
              <div key={code}>
                <dt>{pickText(lang, levels.find((l) => l.code === code)?.name ?? { vi: code, en: code })}</dt>
                <dd>{thresholdText(t, lang, thresholds[code], ind.valueType === 'percent')}</dd>
              </div>
            ))}
        </dl>
      )}
      {ind.appliesTo && (ind.appliesTo.anyOf?.length || ind.appliesTo.noneOf?.length) ? (
        <div className="criteria-applies">
          {t('criteria.indicator.appliesTo')}:{' '}
          {[
            ind.appliesTo.anyOf?.length ? t('criteria.indicator.anyOf', { list: ind.appliesTo.anyOf.map((a) => attributeName(lang, a)).join(', ') }) : '',
            ind.appliesTo.noneOf?.length ? t('criteria.indicator.noneOf', { list: ind.appliesTo.noneOf.map((a) => attributeName(lang, a)).join(', ') }) : '',
          ]
            .filter(Boolean)
            .join('; ')}
        </div>
      ) : null}
      {ind.guidance && <Typography.Paragraph type="secondary" className="criteria-guidance">{pickText(lang, ind.guidance)}</Typography.Paragraph>}
    </li>
  );
}

/** A criteria-set document as a person reads it: facts, then criteria and their indicators. */
export function DocumentView({ doc, ownerName }: { doc: CriteriaSetDocument; ownerName: string }) {
  const t = useT();
  const { lang } = useLang();
  const points = doc.points;
  const incomplete = doc.source.status === 'partial' || doc.criteria.some((c) => c.indicators.some((i) => i.incomplete));
  return (
    <div className="criteria-document" data-testid="criteria-document">
      {incomplete && <Alert type="warning" showIcon className="criteria-alert" message={t('criteria.incomplete')} description={doc.source.note ?? t('criteria.incomplete.text')} />}
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered className="criteria-facts">
        <Descriptions.Item label={t('criteria.col.title')}>{titleName(lang, doc.title)}</Descriptions.Item>
        <Descriptions.Item label={t('criteria.facts.code')}>{doc.code}</Descriptions.Item>
        <Descriptions.Item label={t('criteria.facts.source')}>
          {doc.source.document}
          {doc.source.issuedOn ? ` (${formatDate(doc.source.issuedOn)})` : ''}
          {doc.source.articles ? `, ${doc.source.articles}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('criteria.facts.owner')}>{ownerName}</Descriptions.Item>
        <Descriptions.Item label={t('criteria.facts.scope')}>
          {pickText(lang, doc.scope.description)}
          {doc.scope.level ? ` · ${levelName(lang, doc.scope.level)}` : ''}
          {doc.scope.citizenGroups?.length ? ` · ${doc.scope.citizenGroups.map((g) => groupName(lang, g)).join(', ')}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('criteria.facts.engine')}>{engineName(lang, doc.engine)}</Descriptions.Item>
        {doc.validityMonths && <Descriptions.Item label={t('criteria.facts.validity')}>{t('criteria.facts.validityMonths', { n: doc.validityMonths })}</Descriptions.Item>}
        {points && <Descriptions.Item label={t('criteria.facts.max')}>{points.max}</Descriptions.Item>}
        {points && (
          <Descriptions.Item label={t('criteria.facts.bands')}>
            {points.bands.map((b) => `${pickText(lang, b.name)} ≥ ${b.min}`).join('; ')}
          </Descriptions.Item>
        )}
        {points && (points.passRules.minTotal !== undefined || points.passRules.minEachIndicator !== undefined) && (
          <Descriptions.Item label={t('criteria.facts.passRules')}>
            {[
              points.passRules.minTotal !== undefined ? t('criteria.facts.minTotal', { n: points.passRules.minTotal }) : '',
              points.passRules.minEachIndicator !== undefined ? t('criteria.facts.minEach', { n: points.passRules.minEachIndicator }) : '',
            ]
              .filter(Boolean)
              .join('; ')}
          </Descriptions.Item>
        )}
        {doc.levels?.length ? <Descriptions.Item label={t('criteria.facts.levels')}>{doc.levels.map((l) => pickText(lang, l.name)).join(', ')}</Descriptions.Item> : null}
      </Descriptions>
      {doc.criteria.map((c) => (
        <Card
          key={c.code}
          size="small"
          className="criteria-criterion"
          data-testid={`criterion-${c.code}`}
          title={
            <span className="criteria-criterion-title">
              <span className="criteria-code">{c.code}</span> {pickText(lang, c.name)}
            </span>
          }
          extra={c.max !== undefined ? <Tag color="blue">{t('criteria.criterion.max', { n: c.max })}</Tag> : null}
        >
          <ul className="criteria-indicators">
            {c.indicators.map((ind) => (
              <IndicatorItem key={ind.code} doc={doc} ind={ind} />
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
