import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Collapse, Input, InputNumber, Radio, Select, Tag, Typography } from 'antd';
import { CalculatorOutlined, SaveOutlined, WarningOutlined } from '@ant-design/icons';
import type { AssessmentInputs, CriteriaSetDocument, Criterion, EvidenceRef, Indicator, IndicatorInput, SubjectAttribute, Threshold } from '../../../shared/criteria';
import { SUBJECT_ATTRIBUTES } from '../../../shared/criteria';
import { formatDateTime } from '../../../shared/vn-text';
import type { Lang } from '../../../shared/i18n';
import { isApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { formatNumber, pickText, useLang, useT, type Translate } from '../../app/i18n';
import type { DerivedValueView, TitleAssessmentView } from '../../app/types';
import type { EvaluationResult, IndicatorOutcome, LevelsResult, PointsResult, Shortfall } from '../../../server/modules/criteria/engines/types';
import { suggestedValue } from '../../../server/modules/criteria/engines/derived';
import { EvidenceEditor, type RecordSource } from './EvidenceEditor';
import { useSaveAssessment } from './titlesApi';

type Value = IndicatorInput['value'];

interface Props {
  registrationId: string;
  stage: 'self' | 'review';
  doc: CriteriaSetDocument;
  criteriaVersionId: string;
  /** What this stage saved last (its inputs and the server's result). */
  saved: TitleAssessmentView | null;
  /** Review stage: the self-assessment, shown beside each value and used to prefill. */
  selfAssessment: TitleAssessmentView | null;
  derived: Record<string, DerivedValueView>;
  attributes: SubjectAttribute[];
  editable: boolean;
  records?: RecordSource;
  onSaved?: (saved: TitleAssessmentView) => void;
}

const isPoints = (r: EvaluationResult | null): r is PointsResult => !!r && r.engine === 'points';
const isLevels = (r: EvaluationResult | null): r is LevelsResult => !!r && r.engine === 'levels';

/** The value of an indicator in words: 8,5 · Có · 92 % · the scale step's name. */
export function valueText(lang: Lang, t: Translate, indicator: Indicator, value: Value | undefined): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? t('titles.assess.yes') : t('titles.assess.no');
  if (indicator.valueType === 'ordinal') {
    const step = indicator.scale?.find((s) => s.code === value);
    return step ? pickText(lang, step.name) : String(value);
  }
  if (typeof value === 'number') return indicator.valueType === 'percent' ? `${formatNumber(lang, value)} %` : formatNumber(lang, value);
  return String(value);
}

function thresholdText(lang: Lang, t: Translate, indicator: Indicator, th: Threshold): string {
  if (th.kind === 'yes') return t('titles.assess.yes');
  if (th.kind === 'ordinal') return `≥ ${valueText(lang, t, indicator, th.value)}`;
  const unit = indicator.valueType === 'percent' ? ' %' : '';
  const variants = (th.variants ?? []).map((v) => `${pickText(lang, SUBJECT_ATTRIBUTES[v.when])}: ≥ ${formatNumber(lang, v.value)}${unit}`);
  return [`≥ ${formatNumber(lang, th.value)}${unit}`, ...variants].join('; ');
}

/**
 * The value the engine proposes from a derived one (engines/derived.ts `suggestedValue`): the share
 * or yes/no itself for percent and boolean indicators, points by the set's points rule (null when
 * the rule proposes none, e.g. "guidance": the evaluator enters the points beside the share).
 */
const proposedValue = (indicator: Indicator, derived: DerivedValueView | undefined) => (derived ? suggestedValue(indicator, derived.value) : null);

/** The inputs a stage starts from: what it saved, else (review) the self-assessment's, else the values proposed from records. */
function initialInputs(doc: CriteriaSetDocument, saved: TitleAssessmentView | null, self: TitleAssessmentView | null, derived: Record<string, DerivedValueView>): AssessmentInputs {
  const from: AssessmentInputs = saved?.inputs ?? self?.inputs ?? {};
  const out: AssessmentInputs = {};
  for (const criterion of doc.criteria) {
    for (const ind of criterion.indicators) {
      const prior = from[ind.code];
      out[ind.code] = {
        value: prior?.value ?? proposedValue(ind, derived[ind.code]),
        evidence: prior?.evidence ?? [],
        ...(prior?.overrideReason ? { overrideReason: prior.overrideReason } : {}),
        ...(prior?.comment ? { comment: prior.comment } : {}),
      };
    }
  }
  return out;
}

/** Inputs as the API takes them: empty reasons and comments left out. */
function cleanInputs(inputs: AssessmentInputs): AssessmentInputs {
  const out: AssessmentInputs = {};
  for (const [code, input] of Object.entries(inputs)) {
    out[code] = {
      value: input.value === '' ? null : input.value,
      evidence: input.evidence ?? [],
      ...(input.overrideReason?.trim() ? { overrideReason: input.overrideReason.trim() } : {}),
      ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
    };
  }
  return out;
}

const differs = (a: Value | undefined, b: Value | undefined) => a !== null && a !== undefined && b !== null && b !== undefined && a !== b;

function ShortfallList({ items, testId }: { items: Shortfall[]; testId: string }) {
  const { lang } = useLang();
  const t = useT();
  if (items.length === 0) return <span className="muted">{t('titles.assess.nothingMissing')}</span>;
  return (
    <ul className="title-shortfalls" data-testid={testId}>
      {items.map((s, i) => (
        <li key={`${s.indicator}-${i}`}>
          <strong>{s.indicator}</strong> {pickText(lang, s.message)}
        </li>
      ))}
    </ul>
  );
}

/** The server's result: total and band (points) or the level reached and what is missing (levels). */
export function ResultPanel({ doc, result, dirty }: { doc: CriteriaSetDocument; result: EvaluationResult | null; dirty: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const levelName = (code: string | null) => (code ? pickText(lang, doc.levels?.find((l) => l.code === code)?.name ?? { vi: code, en: code }) : t('titles.result.noLevel'));
  if (!result) return <Alert type="info" showIcon title={t('titles.assess.notSaved')} data-testid="title-result-none" />;
  return (
    <div className={`title-result${dirty ? ' title-result-stale' : ''}`} data-testid="title-result" data-passed={result.passed ? 'true' : 'false'}>
      {dirty && <Alert type="warning" showIcon title={t('titles.assess.dirty')} className="title-result-dirty" data-testid="title-result-dirty" />}
      {isPoints(result) && (
        <>
          <div className="title-result-head">
            <span className="title-result-total" data-testid="title-result-total">
              {t('titles.assess.total')}: <strong>{formatNumber(lang, result.total)}</strong>/{formatNumber(lang, result.max)}
            </span>
            <span>
              {t('titles.assess.band')}:{' '}
              <Tag color={result.passed ? 'green' : 'default'} data-testid="title-result-band" data-band={result.band?.code ?? ''}>
                {result.band ? pickText(lang, result.band.name) : t('titles.result.notPassed')}
              </Tag>
            </span>
          </div>
          {!result.passed && result.shortfalls.length > 0 && (
            <div>
              <div className="muted">{t('titles.assess.shortfalls')}</div>
              <ShortfallList items={result.shortfalls} testId="title-result-shortfalls" />
            </div>
          )}
        </>
      )}
      {isLevels(result) && (
        <>
          <div className="title-result-head">
            <span>
              {t('titles.assess.level')}:{' '}
              <Tag color={result.level ? 'green' : 'default'} data-testid="title-result-level" data-level={result.level ?? ''}>
                {levelName(result.level)}
              </Tag>
            </span>
          </div>
          <ul className="title-levels" data-testid="title-result-levels">
            {result.perLevel.map((l) => (
              <li key={l.level} data-level={l.level} data-met={l.met ? 'true' : 'false'}>
                <Tag color={l.met ? 'green' : 'orange'}>
                  {levelName(l.level)}: {l.met ? t('titles.assess.met') : t('titles.assess.notMet')}
                </Tag>
              </li>
            ))}
          </ul>
          {(() => {
            const next = result.perLevel.find((l) => !l.met);
            if (!next) return null;
            return (
              <div data-testid="title-result-missing">
                <div className="muted">{t('titles.assess.missingFor', { level: levelName(next.level) })}</div>
                <ShortfallList items={result.missingForNext.length > 0 ? result.missingForNext : next.missing} testId="title-result-missing-list" />
              </div>
            );
          })()}
        </>
      )}
    </div>
  );
}

/** What records say, as computed: a share (with its counts) or yes/no, never points. */
function rawText(lang: Lang, t: Translate, derived: DerivedValueView): string {
  const v = derived.value;
  if (v === null) return t('titles.derived.none');
  const text = typeof v === 'boolean' ? (v ? t('titles.assess.yes') : t('titles.assess.no')) : derived.numerator !== undefined ? `${formatNumber(lang, v)} %` : formatNumber(lang, v);
  const ratio =
    derived.numerator !== undefined && derived.denominator !== undefined
      ? ` (${t('titles.derived.ratio', { numerator: formatNumber(lang, derived.numerator), denominator: formatNumber(lang, derived.denominator) })})`
      : '';
  return `${t('titles.derived.value', { value: text })}${ratio}`;
}

function DerivedInfo({ derived, indicator }: { derived: DerivedValueView; indicator: Indicator }) {
  const t = useT();
  const { lang } = useLang();
  const proposed = indicator.valueType === 'points' ? proposedValue(indicator, derived) : null;
  return (
    <div className="title-derived" data-testid="title-derived" data-indicator={indicator.code}>
      <span data-testid="title-derived-value">
        {rawText(lang, t, derived)}
        {typeof proposed === 'number' && <strong> · {t('titles.derived.proposed', { points: formatNumber(lang, proposed) })}</strong>}
      </span>{' '}
      <span className="muted" data-testid="title-derived-count">
        {t('titles.derived.from', { count: formatNumber(lang, derived.sourcesTotal) })}
      </span>
      {derived.sources.length > 0 && (
        <Collapse
          ghost
          size="small"
          className="title-derived-sources"
          items={[
            {
              key: 'sources',
              label: <span data-testid="title-derived-toggle">{t('titles.derived.sources')}</span>,
              children: (
                <ul className="title-derived-list" data-testid="title-derived-sources">
                  {derived.sources.map((s) => (
                    <li key={`${s.kind}:${s.id}`} data-kind={s.kind}>
                      {s.label}
                    </li>
                  ))}
                  {derived.sourcesTotal > derived.sources.length && (
                    <li className="muted">{t('titles.derived.more', { count: formatNumber(lang, derived.sourcesTotal - derived.sources.length) })}</li>
                  )}
                </ul>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

function ValueInput({ indicator, value, onChange, disabled }: { indicator: Indicator; value: Value; onChange: (v: Value) => void; disabled: boolean }) {
  const t = useT();
  const { lang } = useLang();
  const decimal = lang === 'vi' ? ',' : '.';
  const common = { disabled, 'data-testid': 'title-indicator-input', 'aria-label': `${indicator.code} ${pickText(lang, indicator.text)}` };
  switch (indicator.valueType) {
    case 'points':
      return (
        <InputNumber
          {...common}
          min={0}
          max={indicator.max}
          step={indicator.step ?? 1}
          decimalSeparator={decimal}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange(v ?? null)}
          suffix={indicator.max !== undefined ? `/ ${formatNumber(lang, indicator.max)}` : undefined}
          className="title-input-number"
        />
      );
    case 'percent':
      return (
        <InputNumber
          {...common}
          min={0}
          max={100}
          step={0.1}
          decimalSeparator={decimal}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange(v ?? null)}
          suffix="%"
          className="title-input-number"
        />
      );
    case 'number':
      return (
        <InputNumber
          {...common}
          min={0}
          decimalSeparator={decimal}
          value={typeof value === 'number' ? value : null}
          onChange={(v) => onChange(v ?? null)}
          className="title-input-number"
        />
      );
    case 'boolean':
      return (
        <Radio.Group
          {...common}
          optionType="button"
          value={typeof value === 'boolean' ? value : undefined}
          onChange={(e) => onChange(e.target.value as boolean)}
          options={[
            { value: true, label: t('titles.assess.yes') },
            { value: false, label: t('titles.assess.no') },
          ]}
        />
      );
    case 'ordinal':
      return (
        <Select
          {...common}
          allowClear
          className="title-input-select"
          value={typeof value === 'string' ? value : undefined}
          onChange={(v: string | undefined) => onChange(v ?? null)}
          options={(indicator.scale ?? []).map((s) => ({ value: s.code, label: pickText(lang, s.name) }))}
        />
      );
  }
}

interface IndicatorRowProps {
  doc: CriteriaSetDocument;
  indicator: Indicator;
  input: IndicatorInput;
  onChange: (next: IndicatorInput) => void;
  outcome: IndicatorOutcome | undefined;
  derived: DerivedValueView | undefined;
  selfInput: IndicatorInput | undefined;
  stage: 'self' | 'review';
  editable: boolean;
  records?: RecordSource;
  error: string | null;
}

function IndicatorRow(props: IndicatorRowProps) {
  const { doc, indicator, input, onChange, outcome, derived, selfInput, stage, editable, records, error } = props;
  const t = useT();
  const { lang } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [error]);
  const proposed = proposedValue(indicator, derived);
  const overridden = differs(input.value, proposed);
  const notApplicable = outcome?.applicable === false;
  const thresholds = indicator.thresholds ? Object.entries(indicator.thresholds) : [];
  const levelName = (code: string) => pickText(lang, doc.levels?.find((l) => l.code === code)?.name ?? { vi: code, en: code });

  return (
    <div
      ref={ref}
      className={`title-indicator${notApplicable ? ' title-indicator-na' : ''}${error ? ' title-indicator-error' : ''}`}
      data-testid="title-indicator"
      data-code={indicator.code}
    >
      <div className="title-indicator-head">
        <span className="title-indicator-code">{indicator.code}</span>
        <span className="title-indicator-text">{pickText(lang, indicator.text)}</span>
      </div>
      <div className="title-indicator-tags">
        {indicator.incomplete && (
          <Tag color="warning" icon={<WarningOutlined />} data-testid="title-indicator-incomplete">
            {t('titles.assess.incomplete')}
          </Tag>
        )}
        {indicator.evidenceRequired && <Tag>{t('titles.assess.evidenceRequired')}</Tag>}
        {notApplicable && <Tag data-testid="title-indicator-na">{t('titles.assess.notApplicable')}</Tag>}
        {outcome?.points !== undefined && (
          <Tag color="blue" data-testid="title-indicator-points">
            {formatNumber(lang, outcome.points)}
            {indicator.max !== undefined ? `/${formatNumber(lang, indicator.max)}` : ''}
          </Tag>
        )}
        {outcome?.metAt &&
          Object.entries(outcome.metAt).map(([level, met]) => (
            <Tag key={level} color={met ? 'green' : 'orange'} data-testid="title-indicator-met" data-level={level} data-met={met ? 'true' : 'false'}>
              {levelName(level)}: {met ? t('titles.assess.met') : t('titles.assess.notMet')}
            </Tag>
          ))}
      </div>
      {thresholds.length > 0 && (
        <div className="muted title-indicator-thresholds">
          {t('titles.assess.thresholds')}: {thresholds.map(([level, th]) => `${levelName(level)} ${thresholdText(lang, t, indicator, th)}`).join(' · ')}
        </div>
      )}
      {indicator.guidance && <div className="muted title-indicator-guidance">{pickText(lang, indicator.guidance)}</div>}
      {derived && <DerivedInfo derived={derived} indicator={indicator} />}
      <div className="title-indicator-value">
        <ValueInput indicator={indicator} value={input.value} onChange={(value) => onChange({ ...input, value })} disabled={!editable || notApplicable} />
        {stage === 'review' && selfInput && (
          <span className={`title-self-value${differs(selfInput.value, input.value) ? ' title-self-differs' : ''}`} data-testid="title-self-value">
            {t('titles.assess.selfValue', { value: valueText(lang, t, indicator, selfInput.value) })}
          </span>
        )}
        {editable && overridden && (
          <Button size="small" type="link" onClick={() => onChange({ ...input, value: proposed, overrideReason: undefined })} data-testid="title-use-computed">
            {t('titles.derived.useComputed')}
          </Button>
        )}
      </div>
      {overridden && (
        <div className="title-override">
          <div className="title-override-label">{t('titles.derived.override')}</div>
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={2000}
            disabled={!editable}
            value={input.overrideReason ?? ''}
            onChange={(e) => onChange({ ...input, overrideReason: e.target.value })}
            placeholder={t('titles.derived.overrideReason')}
            status={editable && !input.overrideReason?.trim() ? 'warning' : undefined}
            data-testid="title-override-reason"
          />
        </div>
      )}
      {stage === 'review' && (editable || input.comment) && (
        <Input
          className="title-indicator-comment"
          disabled={!editable}
          value={input.comment ?? ''}
          onChange={(e) => onChange({ ...input, comment: e.target.value })}
          placeholder={t('titles.assess.indicatorComment')}
          maxLength={2000}
          data-testid="title-indicator-comment"
        />
      )}
      <EvidenceEditor
        value={(input.evidence ?? []) as EvidenceRef[]}
        onChange={(evidence) => onChange({ ...input, evidence })}
        editable={editable}
        records={records}
      />
      {error && <Alert type="error" showIcon title={error} className="title-indicator-alert" data-testid="title-indicator-error" />}
    </div>
  );
}

function CriterionCard(props: {
  doc: CriteriaSetDocument;
  criterion: Criterion;
  result: EvaluationResult | null;
  children: React.ReactNode;
}) {
  const t = useT();
  const { lang } = useLang();
  const { criterion, result } = props;
  const total = isPoints(result) ? result.criteria.find((c) => c.code === criterion.code) : undefined;
  return (
    <Card
      size="small"
      className="title-criterion"
      data-testid="title-criterion"
      data-code={criterion.code}
      title={
        <span className="title-criterion-name">
          {criterion.code}. {pickText(lang, criterion.name)}
        </span>
      }
      extra={
        total ? (
          <Tag color="blue" data-testid="title-criterion-total">
            {t('titles.assess.criterionTotal', { total: formatNumber(lang, total.total), max: formatNumber(lang, total.max) })}
          </Tag>
        ) : criterion.max !== undefined ? (
          <span className="muted">{t('titles.assess.max', { max: formatNumber(lang, criterion.max) })}</span>
        ) : undefined
      }
    >
      {props.children}
    </Card>
  );
}

/**
 * The assessment of one stage against the registration's criteria-set version: each criterion with
 * its indicators (a number 0..max for points, yes/no, a percentage or a scale step for levels),
 * derived values with their sources, evidence, and the result as the server computed it when the
 * stage was last saved. Nothing is scored here.
 */
export function AssessmentForm(props: Props) {
  const { registrationId, stage, doc, criteriaVersionId, saved, selfAssessment, derived, editable, records } = props;
  const t = useT();
  const { lang } = useLang();
  const { message } = App.useApp();
  const save = useSaveAssessment();
  const [inputs, setInputs] = useState<AssessmentInputs>(() => initialInputs(doc, saved, selfAssessment, derived));
  const [comment, setComment] = useState(saved?.comment ?? '');
  const [attributes, setAttributes] = useState<SubjectAttribute[]>(saved?.attributes ?? props.attributes);
  const [dirty, setDirty] = useState(false);
  const [errorField, setErrorField] = useState<{ field: string; text: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // A review not saved yet shows the self-assessment's result: accepting takes it as it is.
  const selfResultShown = stage === 'review' && !saved && !!selfAssessment?.result;
  const result = saved?.result ?? (selfResultShown ? selfAssessment!.result : null);
  const outcomes = useMemo(() => new Map((result?.indicators ?? []).map((o) => [o.code, o])), [result]);
  const selfInputs: AssessmentInputs = selfAssessment?.inputs ?? {};
  const hasVariants = doc.criteria.some((c) => c.indicators.some((i) => i.appliesTo || (i.thresholds && Object.values(i.thresholds).some((th) => th.kind === 'min' && th.variants?.length))));

  // Another registration or a fresh save from the server: start from what it holds.
  useEffect(() => {
    if (dirty) return;
    setInputs(initialInputs(doc, saved, selfAssessment, derived));
    setComment(saved?.comment ?? '');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved?.updatedAt, registrationId]);

  const change = (code: string, next: IndicatorInput) => {
    setInputs((all) => ({ ...all, [code]: next }));
    setDirty(true);
    if (errorField?.field === code) setErrorField(null);
  };

  const submit = () => {
    setFormError(null);
    setErrorField(null);
    save.mutate(
      { id: registrationId, stage, body: { criteriaVersionId, attributes, inputs: cleanInputs(inputs), comment: comment.trim() || null } },
      {
        onSuccess: (res) => {
          setDirty(false);
          void message.success(t('titles.assess.saved'));
          props.onSaved?.(res);
        },
        onError: (error) => {
          const text = errorText(lang, error);
          const field = isApiError(error) ? error.field?.replace(/^inputs\./, '').replace(/\.(value|overrideReason|evidence)$/, '') : undefined;
          if (field && inputs[field] !== undefined) setErrorField({ field, text });
          else setFormError(text);
        },
      },
    );
  };

  return (
    <div className="title-assessment" data-testid={`title-assessment-${stage}`} data-dirty={dirty ? 'true' : 'false'}>
      <div className="title-assessment-sticky">
        <ResultPanel doc={doc} result={result} dirty={dirty} />
        {selfResultShown && !dirty && (
          <div className="muted small-note" data-testid="title-self-result-note">
            {t('titles.assess.selfResult')}
          </div>
        )}
        {saved && (
          <div className="muted small-note" data-testid="title-saved-at">
            {t('titles.assess.savedAt', { at: formatDateTime(saved.updatedAt), name: saved.assessedByName ?? '' })}
          </div>
        )}
      </div>
      {stage === 'review' && editable && <Typography.Paragraph className="muted">{t('titles.assess.reviewAdjust')}</Typography.Paragraph>}
      {hasVariants && (
        <div className="title-attributes">
          <div className="muted">{t('titles.assess.attributes')}</div>
          <Select
            mode="multiple"
            className="full-width"
            disabled={!editable}
            value={attributes}
            onChange={(v: SubjectAttribute[]) => {
              setAttributes(v);
              setDirty(true);
            }}
            options={Object.entries(SUBJECT_ATTRIBUTES).map(([value, label]) => ({ value, label: pickText(lang, label) }))}
            data-testid="title-attributes"
          />
        </div>
      )}
      {doc.criteria.map((criterion) => (
        <CriterionCard key={criterion.code} doc={doc} criterion={criterion} result={result}>
          {criterion.indicators.map((indicator) => (
            <IndicatorRow
              key={indicator.code}
              doc={doc}
              indicator={indicator}
              input={inputs[indicator.code] ?? { value: null, evidence: [] }}
              onChange={(next) => change(indicator.code, next)}
              outcome={outcomes.get(indicator.code)}
              derived={derived[indicator.code]}
              selfInput={selfInputs[indicator.code]}
              stage={stage}
              editable={editable}
              records={records}
              error={errorField?.field === indicator.code ? errorField.text : null}
            />
          ))}
        </CriterionCard>
      ))}
      <div className="title-assessment-comment">
        <div className="muted">{t('titles.assess.comment')}</div>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={2000}
          disabled={!editable}
          value={comment}
          onChange={(e) => {
            setComment(e.target.value);
            setDirty(true);
          }}
          data-testid="title-assessment-comment"
        />
      </div>
      {formError && <Alert type="error" showIcon title={formError} data-testid="title-assessment-error" />}
      {editable && (
        <div className="title-assessment-save">
          <Button type="primary" icon={dirty ? <SaveOutlined /> : <CalculatorOutlined />} loading={save.isPending} onClick={submit} data-testid="title-assessment-save">
            {t('titles.assess.save')}
          </Button>
        </div>
      )}
    </div>
  );
}
