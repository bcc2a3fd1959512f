/**
 * A member's self-study plan as an official document (forms.md §3, recommended form; layout of
 * Nghị định 30/2020 through platform/documents): header with the unit and the body above it, no Số,
 * "KẾ HOẠCH / Tự học, tự bồi dưỡng năm …", parts I–VI, the lines as a landscape phụ lục, the
 * year-end results as a second one when reported, signed by the member and approved by the head.
 * Pure: the service gathers the data.
 */
import { CITIZEN_GROUPS, languageName, QUALIFICATIONS, SEXES, type CitizenGroup, type Qualification, type Sex } from '../../../shared/people.js';
import { LEARNING_METHODS, LINE_TYPES, SELF_ASSESSMENTS, type PlanContent, type PlanReport } from '../../../shared/studyPlan.js';
import type { Appendix, BodyBlock, OfficialDocumentSpec } from '../../platform/documents/spec.js';

export interface PlanDocumentInput {
  year: number;
  content: PlanContent;
  report: PlanReport | null;
  /** The day the document is dated: approval, or submission, or today (yyyy-mm-dd). */
  date: string;
  person: {
    fullName: string;
    birthDate: string | null;
    sex: string | null;
    qualification: string | null;
    qualificationMajor: string | null;
    languages: { language: string; certificate?: string | null; level?: number | null }[];
    itSkill: string | null;
    citizenGroup: string | null;
  };
  position: string | null;
  /** The member's unit, then the units above it (nearest first). */
  units: string[];
  /** Who approved it, when it is approved. */
  approverName: string | null;
  /** The head's comment on the year-end report, when confirmed. */
  confirmComment: string | null;
}

/** The địa danh of a document: the commune or ward of the unit, else its province or city. */
export function placeOf(unitNames: string[]): string | undefined {
  const local = /^(?:UBND\s+|Ủy ban nhân dân\s+)?(?:xã|phường|thị trấn|đặc khu)\s+(.+)$/i;
  const province = /(?:^|\s)(?:tỉnh|thành phố)\s+(.+)$/i;
  for (const pattern of [local, province]) {
    for (const name of unitNames) {
      const m = pattern.exec(name.trim());
      if (m) return m[1].trim();
    }
  }
  return undefined;
}

const month = (m: string) => `${Number(m.slice(5, 7))}/${m.slice(0, 4)}`;

function personalFacts(i: PlanDocumentInput): BodyBlock[] {
  const p = i.person;
  const languages = p.languages.map((l) => [languageName(l.language), l.certificate ?? (l.level ? `bậc ${l.level}` : null)].filter(Boolean).join(' ')).join('; ');
  const qualification = p.qualification ? [QUALIFICATIONS[p.qualification as Qualification]?.vi ?? p.qualification, p.qualificationMajor].filter(Boolean).join(' ') : null;
  const blank = '……………';
  const join = (facts: [string, string | null][]) => facts.map(([label, value], n) => `${n === 0 ? label : label.toLowerCase()}: ${value ?? blank}`).join('; ') + '.';
  const lines: [string, string | null][][] = [
    [
      ['Họ và tên', p.fullName],
      ['Năm sinh', p.birthDate ? p.birthDate.slice(0, 4) : null],
      ['Giới tính', p.sex ? (SEXES[p.sex as Sex]?.vi ?? p.sex) : null],
    ],
    [
      ['Chức vụ, vị trí việc làm', i.position],
      ['Đơn vị', i.units[0] ?? null],
    ],
    [
      ['Trình độ chuyên môn', qualification],
      ['Ngoại ngữ', languages || null],
      ['Tin học, kỹ năng số', p.itSkill],
    ],
    [['Nhóm công dân học tập', p.citizenGroup ? (CITIZEN_GROUPS[p.citizenGroup as CitizenGroup]?.vi ?? null) : null]],
  ];
  return lines.map((facts) => ({ type: 'dash', text: join(facts) }));
}

function linesAppendix(content: PlanContent): Appendix {
  return {
    title: 'Nội dung, hình thức, thời gian tự học, tự bồi dưỡng',
    orientation: 'landscape',
    blocks: [
      {
        type: 'table',
        fontSize: 12,
        columns: [
          { header: 'TT', width: 4, align: 'center' },
          { header: 'Nội dung học tập, bồi dưỡng', width: 24 },
          { header: 'Yêu cầu cần đạt, sản phẩm', width: 15 },
          { header: 'Hình thức', width: 12 },
          { header: 'Từ tháng', width: 7, group: 'Thời gian', align: 'center' },
          { header: 'Đến tháng', width: 7, group: 'Thời gian', align: 'center' },
          { header: 'Số giờ', width: 6, align: 'center' },
          { header: 'Thuộc loại', width: 10 },
          { header: 'Minh chứng dự kiến', width: 10 },
          { header: 'Ghi chú', width: 8 },
        ],
        rows: content.lines.map((l, n) => [
          String(n + 1),
          l.need ? [{ text: l.content }, { text: `\n(${l.need})`, italic: true }] : l.content,
          l.expectedResult ?? '',
          [LEARNING_METHODS[l.method].vi, l.provider].filter(Boolean).join(': '),
          month(l.fromMonth),
          month(l.toMonth),
          l.hours === null ? '' : String(l.hours),
          LINE_TYPES[l.lineType].vi,
          l.expectedEvidence ?? '',
          l.note ?? '',
        ]),
      },
    ],
  };
}

function resultsAppendix(content: PlanContent, report: PlanReport, confirmComment: string | null): Appendix {
  const byLine = new Map(report.lines.map((r) => [r.lineId, r]));
  return {
    title: 'Kết quả thực hiện kế hoạch',
    orientation: 'landscape',
    blocks: [
      {
        type: 'table',
        fontSize: 12,
        columns: [
          { header: 'TT', width: 4, align: 'center' },
          { header: 'Nội dung học tập, bồi dưỡng', width: 26 },
          { header: 'Kết quả thực hiện', width: 24 },
          { header: '% hoàn thành', width: 9, align: 'center' },
          { header: 'Minh chứng đã nộp', width: 18 },
          { header: 'Tự đánh giá', width: 12 },
        ],
        rows: content.lines.map((l, n) => {
          const r = byLine.get(l.id);
          return [String(n + 1), l.content, r?.result ?? '', r ? `${r.percent} %` : '', r?.evidence ?? '', r ? SELF_ASSESSMENTS[r.assessment].vi : ''];
        }),
      },
      { type: 'paragraph', text: [{ text: 'Tự đánh giá chung: ', bold: true }, { text: SELF_ASSESSMENTS[report.assessment].vi + (report.comment ? `. ${report.comment}` : '.') }] },
      ...(confirmComment ? [{ type: 'paragraph' as const, text: [{ text: 'Nhận xét của lãnh đạo đơn vị: ', bold: true }, { text: confirmComment }] }] : []),
    ],
  };
}

export function planDocumentSpec(i: PlanDocumentInput): OfficialDocumentSpec {
  const c = i.content;
  const body: BodyBlock[] = [
    { type: 'heading', title: 'Thông tin cá nhân' },
    ...personalFacts(i),
    ...(c.selfAssessment ? [{ type: 'heading' as const, title: 'Tự đánh giá đầu năm' }, { type: 'paragraph' as const, text: c.selfAssessment }] : []),
    ...(c.goals ? [{ type: 'heading' as const, title: 'Mục tiêu' }, { type: 'paragraph' as const, text: c.goals }] : []),
    { type: 'heading', title: 'Nội dung, hình thức, thời gian' },
    { type: 'paragraph', text: `Gồm ${c.lines.length} nội dung, ${c.lines.reduce((a, l) => a + (l.hours ?? 0), 0)} giờ dự kiến; chi tiết tại Phụ lục${i.report ? ' I' : ''} kèm theo.` },
    ...(c.conditions ? [{ type: 'heading' as const, title: 'Điều kiện thực hiện, đề xuất' }, { type: 'paragraph' as const, text: c.conditions }] : []),
    { type: 'heading', title: 'Cam kết' },
    { type: 'paragraph', text: c.commitment },
  ];
  return {
    governingBody: i.units[1],
    issuingBody: i.units[0] ?? '',
    place: placeOf(i.units),
    date: i.date,
    documentType: 'Kế hoạch',
    summary: `Tự học, tự bồi dưỡng năm ${i.year}`,
    body,
    signatures: [
      { title: 'Duyệt của thủ trưởng đơn vị', note: '(Ký, ghi rõ họ tên)', name: i.approverName ?? undefined },
      { title: 'Người lập kế hoạch', note: '(Ký, ghi rõ họ tên)', name: i.person.fullName },
    ],
    appendices: [linesAppendix(c), ...(i.report ? [resultsAppendix(c, i.report, i.confirmComment)] : [])],
  };
}
