/**
 * The self-assessment report of a title case (báo cáo tự đánh giá, forms.md §5: NĐ 30 Mẫu 1.4) with
 * its summary table (bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu) as a landscape phụ lục,
 * laid out by platform/documents: I. general information, II. results per criterion and indicator
 * (values, evidence, the reviewer's adjustments, values derived from records and how many records),
 * III. the self-classification, IV. the request. Works for points and levels sets. Pure: the
 * service gathers the data.
 */
import type { AssessmentInputs, CriteriaSetDocument, EvidenceRef, Indicator, LearningTitle, SubjectAttribute, SubjectKind, Threshold } from '../../../shared/criteria.js';
import type { EvaluationResult, IndicatorOutcome } from '../criteria/engines/types.js';
import type { Appendix, BodyBlock, Inline, OfficialDocumentSpec, Signature } from '../../platform/documents/spec.js';
import { placeOf } from '../studyPlan/plan-document.js';

export const TITLE_NAMES_VI: Record<LearningTitle, string> = {
  LEARNING_CITIZEN: 'Công dân học tập',
  LEARNING_FAMILY: 'Gia đình học tập',
  LEARNING_CLAN: 'Dòng họ học tập',
  LEARNING_COMMUNITY: 'Cộng đồng học tập',
  LEARNING_UNIT: 'Đơn vị học tập',
};

/** A value derived from records, as stored with the assessment (derived-facts.ts DerivedValue). */
export interface StoredDerived {
  value: number | boolean | null;
  numerator?: number;
  denominator?: number;
  sourcesTotal?: number;
}

export interface AssessmentFacts {
  inputs: AssessmentInputs;
  result: EvaluationResult | null;
  attributes: SubjectAttribute[];
  derived: Record<string, StoredDerived | undefined>;
  comment: string | null;
  assessedByName: string | null;
}

export interface AssessmentDocumentInput {
  year: number;
  title: LearningTitle;
  subjectKind: SubjectKind;
  subjectName: string;
  /** Organisation subjects: the kind code (commune, hamlet…), for the signer's title. */
  orgKind: string | null;
  /** For organisation subjects the subject itself first; otherwise the case's unit, hamlet or commune; then the units above (nearest first). */
  units: string[];
  /** Section I: label and value, in order (null: left blank to fill in by hand). */
  facts: [string, string | null][];
  /** The person, household head or clan head who signs (not for organisations). */
  signerName: string | null;
  /** The day the report is dated (yyyy-mm-dd). */
  date: string;
  criteria: { document: CriteriaSetDocument; versionNo: number };
  self: AssessmentFacts | null;
  review: AssessmentFacts | null;
  /** Names of evidence files and learning records, by `file:<id>` and `learningRecord:<id>`. */
  evidenceLabels: Record<string, string>;
}

const BLANK = '……………';
/** The địa danh when no unit's name gives it: left for the signer. */
export const PLACE_BLANK = '……';
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
export const formatNumber = (n: number) => numberFormat.format(n);
/** " %" after a number, kept on its line. */
const PERCENT = '\u00a0%';

/** "Đơn vị học tập" in quotes, as documents cite a title. */
export const quotedTitle = (title: LearningTitle) => `"${TITLE_NAMES_VI[title]}"`;

/** An indicator's value in words: points, "85 %", "Có", a scale step's name. */
export function valueText(indicator: Indicator, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (indicator.valueType === 'ordinal') return indicator.scale?.find((s) => s.code === value)?.name.vi ?? String(value);
  if (typeof value !== 'number') return String(value);
  if (indicator.valueType === 'percent') return `${formatNumber(value)}${PERCENT}`;
  if (indicator.valueType === 'points') return `${formatNumber(value)} điểm`;
  return formatNumber(value);
}

/** The threshold of one level in words, with the variant for the subject's attributes. */
function thresholdText(indicator: Indicator, t: Threshold, attributes: SubjectAttribute[]): string {
  if (t.kind === 'yes') return 'có';
  if (t.kind === 'ordinal') return `từ ${indicator.scale?.find((s) => s.code === t.value)?.name.vi ?? t.value}`;
  const value = t.variants?.find((v) => attributes.includes(v.when))?.value ?? t.value;
  return `≥\u00a0${formatNumber(value)}${indicator.valueType === 'percent' ? PERCENT : ''}`;
}

const levelName = (doc: CriteriaSetDocument, code: string | null | undefined) => (code ? (doc.levels?.find((l) => l.code === code)?.name.vi ?? code) : '');

/** What an indicator must reach: its maximum (points), or its threshold per level. */
export function requirementText(doc: CriteriaSetDocument, indicator: Indicator, attributes: SubjectAttribute[]): string {
  if (doc.engine === 'points') return indicator.max !== undefined ? formatNumber(indicator.max) : '';
  return (doc.levels ?? [])
    .filter((l) => indicator.thresholds?.[l.code])
    .map((l) => `${l.name.vi}: ${thresholdText(indicator, indicator.thresholds![l.code], attributes)}`)
    .join('\n');
}

/** The evidence of an input, one label each. */
export function evidenceTexts(evidence: EvidenceRef[] | undefined, labels: Record<string, string>): string[] {
  return (evidence ?? []).map((e) => {
    switch (e.kind) {
      case 'file':
        return e.name ?? labels[`file:${e.fileId}`] ?? 'Tệp đính kèm';
      case 'learningRecord':
        return labels[`learningRecord:${e.recordId}`] ?? 'Hồ sơ học tập';
      case 'link':
        return e.url;
      case 'note':
        return e.text;
    }
  });
}

const outcomeOf = (a: AssessmentFacts | null, code: string): IndicatorOutcome | undefined => a?.result?.indicators.find((o) => o.code === code);

/** "85 % (tính từ 14 bản ghi: 12/14)" for a value computed from records. */
function derivedText(indicator: Indicator, d: StoredDerived | undefined): string | null {
  if (!indicator.derived || !d) return null;
  const value = d.value === null ? 'chưa có số liệu' : valueText(indicator, d.value);
  const ratio = d.numerator !== undefined && d.denominator !== undefined ? `${formatNumber(d.numerator)}/${formatNumber(d.denominator)}; ` : '';
  return `${value} (${ratio}tính từ ${formatNumber(d.sourcesTotal ?? 0)} bản ghi)`;
}

/** The levels an outcome meets: "đạt Mức độ 1, Mức độ 2" / "chưa đạt". */
function levelsMet(doc: CriteriaSetDocument, o: IndicatorOutcome | undefined): string {
  if (!o || doc.engine !== 'levels' || !o.metAt) return '';
  const met = (doc.levels ?? []).filter((l) => o.metAt![l.code]).map((l) => l.name.vi);
  return met.length ? `đạt ${met.join(', ')}` : 'chưa đạt';
}

/** The self value of an indicator as the summary table shows it. */
function selfCell(doc: CriteriaSetDocument, indicator: Indicator, a: AssessmentFacts | null): string {
  const o = outcomeOf(a, indicator.code);
  if (o && !o.applicable) return 'Không áp dụng';
  const value = valueText(indicator, o ? o.value : a?.inputs[indicator.code]?.value);
  const met = levelsMet(doc, o);
  return [value, met && value ? `(${met})` : met].filter(Boolean).join(' ');
}

/** One indicator in section II: value, derived value, evidence, the reviewer's adjustment. */
function indicatorLine(i: AssessmentDocumentInput, indicator: Indicator): BodyBlock {
  const doc = i.criteria.document;
  const input = i.self?.inputs[indicator.code];
  const o = outcomeOf(i.self, indicator.code);
  const parts: string[] = [];
  if (o && !o.applicable) parts.push('không áp dụng đối với đơn vị');
  else {
    const value = valueText(indicator, o ? o.value : input?.value);
    const max = doc.engine === 'points' && indicator.max !== undefined && value ? `/${formatNumber(indicator.max)}` : '';
    parts.push(`tự đánh giá ${value ? value.replace(/ điểm$/, '') + max + (doc.engine === 'points' ? ' điểm' : '') : BLANK}`);
    const met = levelsMet(doc, o);
    if (met) parts.push(met);
  }
  const derived = derivedText(indicator, i.self?.derived[indicator.code]);
  if (derived) parts.push(`giá trị tính từ dữ liệu: ${derived}`);
  if (o?.overridden && input?.overrideReason) parts.push(`nhập khác giá trị tính từ dữ liệu, lý do: ${input.overrideReason}`);
  const evidence = evidenceTexts(input?.evidence, i.evidenceLabels);
  parts.push(evidence.length ? `minh chứng: ${evidence.join('; ')}` : 'chưa có minh chứng');
  if (input?.comment) parts.push(`ghi chú: ${input.comment}`);
  const reviewed = i.review?.inputs[indicator.code];
  if (reviewed && (reviewed.value !== input?.value || (reviewed.comment && reviewed.comment !== input?.comment))) {
    const value = valueText(indicator, reviewed.value) || BLANK;
    parts.push(`thẩm định: ${value}${reviewed.comment ? ` (${reviewed.comment})` : ''}`);
  }
  const text: Inline = [{ text: `Chỉ tiêu ${indicator.code}. `, bold: true }, { text: `${indicator.text.vi.replace(/[.:;\s]+$/, '')}: ${parts.join('; ')}.` }];
  return { type: 'dash', text };
}

function criterionTitle(doc: CriteriaSetDocument, c: CriteriaSetDocument['criteria'][number], a: AssessmentFacts | null): string {
  const head = `Tiêu chí ${c.code}. ${c.name.vi}`;
  if (doc.engine !== 'points' || a?.result?.engine !== 'points') return head;
  const got = a.result.criteria.find((x) => x.code === c.code);
  return got ? `${head} (tự đánh giá ${formatNumber(got.total)}/${formatNumber(got.max)} điểm)` : head;
}

/** "84/100 điểm, xếp loại Khá" or "Mức độ 2" or "chưa đạt mức độ nào". */
export function resultText(doc: CriteriaSetDocument, result: EvaluationResult | null): string {
  if (!result) return 'chưa có kết quả';
  if (result.engine === 'points') return `${formatNumber(result.total)}/${formatNumber(result.max)} điểm${result.band ? `, xếp loại ${result.band.name.vi}` : ''}`;
  return result.level ? `đạt ${levelName(doc, result.level)}` : 'chưa đạt mức độ nào';
}

function classification(i: AssessmentDocumentInput): BodyBlock[] {
  const doc = i.criteria.document;
  const self = i.self?.result ?? null;
  const blocks: BodyBlock[] = [
    { type: 'paragraph', text: [{ text: 'Kết quả tự đánh giá: ', bold: true }, { text: `${resultText(doc, self)}.` }] },
  ];
  if (self) {
    const passed = self.passed
      ? `Đủ điều kiện đề nghị công nhận danh hiệu ${quotedTitle(i.title)} năm ${i.year}.`
      : `Chưa đủ điều kiện đề nghị công nhận danh hiệu ${quotedTitle(i.title)} năm ${i.year}.`;
    blocks.push({ type: 'paragraph', text: passed });
    const missing = self.engine === 'points' ? self.shortfalls : self.missingForNext;
    if (missing.length) {
      blocks.push({ type: 'paragraph', text: self.engine === 'points' ? 'Những điểm chưa đạt:' : 'Để đạt mức độ cao hơn còn thiếu:' });
      blocks.push(...missing.map((m): BodyBlock => ({ type: 'dash', text: m.message.vi })));
    }
  }
  if (i.review?.result) {
    const by = i.review.assessedByName ? ` (${i.review.assessedByName})` : '';
    blocks.push({ type: 'paragraph', text: [{ text: `Kết quả thẩm định của cấp trên${by}: `, bold: true }, { text: `${resultText(doc, i.review.result)}.` }] });
    if (i.review.comment) blocks.push({ type: 'paragraph', text: `Ý kiến thẩm định: ${i.review.comment}` });
  }
  if (i.self?.comment) blocks.push({ type: 'paragraph', text: [{ text: 'Ý kiến tự đánh giá: ', bold: true }, { text: i.self.comment }] });
  return blocks;
}

/** The bản tổng hợp: one row per indicator, the criterion named on its first row, the total (points). */
export function summaryAppendix(i: AssessmentDocumentInput): Appendix {
  const doc = i.criteria.document;
  const attributes = i.self?.attributes ?? [];
  const rows: Inline[][] = [];
  let n = 0;
  for (const c of doc.criteria) {
    c.indicators.forEach((indicator, k) => {
      n += 1;
      rows.push([
        String(n),
        k === 0 ? `${c.code}. ${c.name.vi}` : '',
        `${indicator.code}. ${indicator.text.vi}`,
        requirementText(doc, indicator, attributes),
        selfCell(doc, indicator, i.self),
        evidenceTexts(i.self?.inputs[indicator.code]?.evidence, i.evidenceLabels).join('\n'),
      ]);
    });
  }
  const result = i.self?.result ?? null;
  if (doc.engine === 'points') {
    rows.push(['', [{ text: 'Tổng cộng', bold: true }], '', [{ text: formatNumber(doc.points?.max ?? 0), bold: true }], [{ text: result?.engine === 'points' ? formatNumber(result.total) : '', bold: true }], '']);
  }
  return {
    title: 'Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu',
    orientation: 'landscape',
    blocks: [
      {
        type: 'table',
        fontSize: 12,
        columns: [
          { header: 'TT', width: 4, align: 'center' },
          { header: 'Tiêu chí', width: 16 },
          { header: 'Chỉ tiêu', width: 30 },
          { header: doc.engine === 'points' ? 'Điểm tối đa' : 'Ngưỡng theo mức độ', width: 15, align: doc.engine === 'points' ? 'center' : 'left' },
          { header: 'Tự đánh giá', width: 12, align: 'center' },
          { header: 'Minh chứng', width: 23 },
        ],
        rows,
      },
      { type: 'paragraph', text: [{ text: 'Kết luận: ', bold: true }, { text: `${resultText(doc, result)}.` }] },
    ],
  };
}

/** Who signs: the head of the unit (the chairman for a commune), or the person with their unit's confirmation. */
function signatures(i: AssessmentDocumentInput): Signature[] {
  const note = '(Ký, ghi rõ họ tên)';
  switch (i.subjectKind) {
    case 'org':
      if (['commune', 'ward', 'special_zone'].includes(i.orgKind ?? '')) return [{ authority: 'TM. Ủy ban nhân dân', title: 'Chủ tịch' }];
      if (i.orgKind === 'hamlet') return [{ title: 'Trưởng thôn, tổ dân phố' }];
      return [{ title: 'Thủ trưởng đơn vị', note: '(Ký, ghi rõ họ tên, đóng dấu)' }];
    case 'person':
      return [{ title: 'Xác nhận của thủ trưởng đơn vị', note }, { title: 'Người tự đánh giá', note, name: i.signerName ?? undefined }];
    case 'household':
      return [{ title: 'Xác nhận của trưởng thôn, tổ dân phố', note }, { title: 'Chủ hộ', note, name: i.signerName ?? undefined }];
    case 'clan':
      return [{ title: 'Xác nhận của Ủy ban nhân dân xã', note }, { title: 'Trưởng dòng họ', note, name: i.signerName ?? undefined }];
  }
}

export function assessmentReportSpec(i: AssessmentDocumentInput): OfficialDocumentSpec {
  const doc = i.criteria.document;
  const isOrg = i.subjectKind === 'org';
  const self = i.self?.result ?? null;
  const body: BodyBlock[] = [
    { type: 'heading', title: isOrg ? 'Thông tin chung về đơn vị' : 'Thông tin chung' },
    ...i.facts.map(([label, value]): BodyBlock => ({ type: 'dash', text: `${label}: ${value ?? BLANK}.` })),
    { type: 'dash', text: `Bộ tiêu chí áp dụng: ${doc.name.vi} (phiên bản ${i.criteria.versionNo}).` },
    { type: 'dash', text: `Văn bản quy định: ${doc.source.document}.` },
    { type: 'dash', text: `Thời gian đánh giá: từ ngày 01/01/${i.year} đến ngày 31/12/${i.year}.` },
    { type: 'heading', title: 'Kết quả tự đánh giá theo từng tiêu chí, chỉ tiêu' },
    ...doc.criteria.flatMap((c): BodyBlock[] => [{ type: 'clause', title: criterionTitle(doc, c, i.self) }, ...c.indicators.map((ind) => indicatorLine(i, ind))]),
    { type: 'paragraph', text: `Chi tiết tại Bản tổng hợp kết quả tự đánh giá các tiêu chí, chỉ tiêu kèm theo.` },
    { type: 'heading', title: 'Tự xếp loại' },
    ...classification(i),
    { type: 'heading', title: 'Đề nghị' },
    {
      type: 'paragraph',
      text: self?.passed
        ? `Đề nghị cấp có thẩm quyền xem xét, công nhận ${i.subjectName} đạt danh hiệu ${quotedTitle(i.title)} năm ${i.year} (${resultText(doc, self)}).`
        : `${i.subjectName} tiếp tục phấn đấu để đạt danh hiệu ${quotedTitle(i.title)}.`,
    },
  ];
  return {
    governingBody: i.units[1],
    issuingBody: i.units[0] ?? i.subjectName,
    // An organisation's report is numbered by its văn thư; a personal one has no Số.
    ...(isOrg ? { symbol: 'BC-…' } : {}),
    place: placeOf(i.units) ?? PLACE_BLANK,
    date: i.date,
    documentType: 'Báo cáo tự đánh giá',
    summary: `Danh hiệu ${quotedTitle(i.title)} năm ${i.year}`,
    body,
    signatures: signatures(i),
    ...(isOrg ? { copiesTo: { recipients: [i.units[1] ? `${i.units[1]} (để thẩm định)` : 'Cấp có thẩm quyền (để thẩm định)'], archive: 'Hồ sơ' } } : {}),
    appendices: [summaryAppendix(i)],
  };
}
