/**
 * The demo's learning year 2026: opened by each agency with the deadlines of seed 000 (plans by
 * 31/3, results by 15/12); the account holders' own plans in every state a screen shows; and the
 * trainings the secretariats recorded for their staff (mandatory training, digital transformation,
 * IT, languages, leadership), so the dashboards have figures. Through the services, audited.
 */
import type { Services } from '../app.js';
import { systemContext, type RequestContext } from '../platform/http/context.js';
import { ORG_PATH_SEPARATOR } from './demo-data.js';

const YEAR = 2026;
const ROOTS = ['Sở Tài chính tỉnh Kon Tum', 'Sở Tài chính tỉnh Tây Ninh', 'Sở Tư pháp tỉnh Tuyên Quang', 'Sở Tài nguyên và Môi trường tỉnh Lạng Sơn', ['Huyện Giang Thành', 'Trung tâm Y tế Giang Thành'].join(ORG_PATH_SEPARATOR)];

const line = (content: string, extra: Record<string, unknown> = {}) => ({
  content,
  need: 'Yêu cầu của vị trí việc làm',
  method: 'online',
  provider: 'Nền tảng học tập số của tỉnh',
  fromMonth: `${YEAR}-03`,
  toMonth: `${YEAR}-06`,
  expectedResult: 'Giấy chứng nhận hoàn thành',
  hours: 40,
  lineType: 'mandatory',
  expectedEvidence: 'Giấy chứng nhận',
  note: null,
  ...extra,
});

const PLAN_LINES = [
  line('Bồi dưỡng kiến thức quản lý nhà nước theo vị trí việc làm'),
  line('Tiếng Anh giao tiếp, đạt bậc 2 khung năng lực ngoại ngữ 6 bậc', { method: 'course', provider: 'Trung tâm Ngoại ngữ – Tin học tỉnh', fromMonth: `${YEAR}-04`, toMonth: `${YEAR}-09`, hours: 120, lineType: 'elective', expectedResult: 'Chứng chỉ bậc 2' }),
  line('Kỹ năng số: chữ ký số, hồ sơ điện tử, bảng tính', { lineType: 'unit_required', fromMonth: `${YEAR}-05`, toMonth: `${YEAR}-07`, hours: 24 }),
];

/** Account holders' plans: who, and how far the plan went (the head of the unit acts after them). */
const PLANS: { login: string; until: 'draft' | 'submitted' | 'returned' | 'approved' | 'reported'; reviewer?: string }[] = [
  { login: 'kt.cv.ns', until: 'approved', reviewer: 'kt.tphong.ns' },
  { login: 'kt.cv.dn', until: 'submitted' },
  { login: 'kt.tphong.dn', until: 'approved', reviewer: 'kt.vanphong' },
  { login: 'kt.vanphong', until: 'draft' },
  { login: 'gt.cv.kb', until: 'returned', reviewer: 'gt.khoa.kb' },
];

/** Trainings the secretariat recorded for a share of its staff: every n-th person takes part. */
const TRAININGS = [
  { every: 1, skip: 4, kind: 'mandatory_training', title: 'Bồi dưỡng bắt buộc hằng năm: cập nhật kiến thức quản lý nhà nước', provider: 'Trường Chính trị tỉnh', startsOn: `${YEAR}-05-11`, endsOn: `${YEAR}-05-15`, hours: 40 },
  { every: 2, skip: 0, kind: 'digital_transformation', title: 'Bồi dưỡng kỹ năng chuyển đổi số trong cơ quan nhà nước', provider: 'Sở Thông tin và Truyền thông', startsOn: `${YEAR}-06-08`, endsOn: `${YEAR}-06-09`, hours: 16 },
  { every: 3, skip: 0, kind: 'it_skill', title: 'Chuẩn kỹ năng sử dụng công nghệ thông tin cơ bản', provider: 'Trung tâm Ngoại ngữ – Tin học tỉnh', startsOn: `${YEAR}-07-06`, endsOn: `${YEAR}-08-28`, hours: 60, itStandard: 'basic' },
  { every: 4, skip: 0, kind: 'foreign_language', title: 'Chứng chỉ tiếng Anh bậc 2', provider: 'Trung tâm Ngoại ngữ – Tin học tỉnh', startsOn: `${YEAR}-04-06`, endsOn: `${YEAR}-09-25`, hours: 120, language: 'Tiếng Anh', languageLevel: '2' },
] as const;

export async function seedDemoLearning(services: Services, ctx: RequestContext, idByPath: Map<string, string>, userIds: Map<string, string>) {
  for (const root of ROOTS) {
    const orgId = idByPath.get(root)!;
    await services.studyPlans.saveYear(ctx, { orgId, year: YEAR, planDeadline: `${YEAR}-03-31`, reportDeadline: `${YEAR}-12-15` });
    const staff = (await services.people.list(ctx, { kind: 'staff', orgId, page: 1, pageSize: 1000 })).items;
    for (const t of TRAININGS) {
      const personIds = staff.filter((_, i) => (t.skip ? i % t.skip !== 0 : i % t.every === 0)).map((p) => p.id);
      const { every: _every, skip: _skip, ...record } = t;
      if (personIds.length) await services.learningRecords.bulk(ctx, { ...emptyRecord, ...record, orgId, personIds });
    }
    const leaders = staff.filter((p) => p.isLeader).map((p) => p.id);
    if (leaders.length) {
      await services.learningRecords.bulk(ctx, { ...emptyRecord, kind: 'leadership_training', title: 'Bồi dưỡng kiến thức quản lý cấp phòng', provider: 'Trường Chính trị tỉnh', startsOn: `${YEAR}-08-03`, endsOn: `${YEAR}-08-21`, hours: 120, orgId, personIds: leaders });
    }
  }

  const as = async (login: string) => systemContext(await services.users.loadActor(services.db, userIds.get(login)!), 'demo-seed');
  for (const p of PLANS) {
    const member = await as(p.login);
    const plan = await services.studyPlans.start(member, { year: YEAR, from: 'blank' });
    await services.studyPlans.save(member, plan.id, { ...plan.content, goals: 'Hoàn thành bồi dưỡng bắt buộc; đạt tiếng Anh bậc 2; đạt danh hiệu Công dân học tập.', lines: PLAN_LINES as never });
    if (p.until === 'draft') continue;
    await services.studyPlans.act(member, plan.id, 'submit');
    if (p.until === 'submitted') continue;
    const reviewer = await as(p.reviewer!);
    if (p.until === 'returned') {
      await services.studyPlans.act(reviewer, plan.id, 'return', 'Đề nghị bổ sung nội dung cập nhật kiến thức chuyên môn y khoa liên tục.');
      continue;
    }
    await services.studyPlans.act(reviewer, plan.id, 'approve');
  }

  // A certificate a member added that the head has still to verify.
  await services.learningRecords.create(await as('kt.cv.ns'), { ...emptyRecord, kind: 'foreign_language', title: 'Chứng chỉ tiếng Anh B1 (bậc 3)', provider: 'Trường Đại học Ngoại ngữ – Đại học Huế', startsOn: null, endsOn: `${YEAR}-10-20`, language: 'Tiếng Anh', languageLevel: '3', certificateNo: 'B1-2026-0457' });
}

const emptyRecord = {
  provider: null,
  startsOn: null,
  hours: null,
  result: null,
  itStandard: null,
  language: null,
  languageLevel: null,
  certificateNo: null,
  mandatoryTrainingId: null,
  planLineId: null,
};
