/**
 * A realistic KẾ HOẠCH of the Sở Tài chính tỉnh Kon Tum, for the tests of this module: Vietnamese
 * text with every mark, căn cứ, numbered parts, a table longer than a page break needs, and a
 * signature by a deputy director.
 */
import type { OfficialDocumentSpec } from './spec.js';

/** Sentences that use every Vietnamese vowel with every tone, and đ/Đ. */
export const MARKED_SENTENCE =
  'Người dân ở thôn Đắk Tô, xã Ngọc Hồi tự nguyện đăng ký học tiếng Anh, kỹ năng số và nghiệp vụ khuyến học; ' +
  'Ủy ban nhân dân cùng Hội Khuyến học hướng dẫn, hỗ trợ kịp thời để mọi người được học suốt đời.';

const TRAINING_ROWS: [string, string, string, string, string][] = [
  ['Bồi dưỡng kiến thức quản lý nhà nước', 'Công chức, viên chức', 'Lớp tập trung', 'Quý I/2026', 'Văn phòng Sở'],
  ['Kỹ năng số và chuyển đổi số', 'Toàn thể cán bộ', 'Trực tuyến', 'Tháng 3 – 6/2026', 'Phòng Tin học – Thống kê'],
  ['Tiếng Anh giao tiếp cơ bản', 'Cán bộ trẻ dưới 35 tuổi', 'Tự học, câu lạc bộ', 'Cả năm', 'Đoàn Thanh niên'],
  ['Nghiệp vụ quản lý ngân sách, đầu tư công', 'Phòng chuyên môn', 'Hội thảo, sinh hoạt chuyên môn', 'Tháng 9/2026', 'Phòng Quản lý ngân sách'],
  ['Phòng, chống tham nhũng, lãng phí', 'Toàn thể cán bộ', 'Sinh hoạt chuyên đề', 'Quý II/2026', 'Thanh tra Sở'],
];

export function samplePlan(): OfficialDocumentSpec {
  return {
    governingBody: 'UBND tỉnh Kon Tum',
    issuingBody: 'Sở Tài chính',
    number: 5,
    symbol: 'KH-STC',
    place: 'Kon Tum',
    date: '2025-12-05',
    documentType: 'Kế hoạch',
    summary: 'Xây dựng Đơn vị học tập năm 2026',
    bases: [
      'Căn cứ Quyết định số 1315/QĐ-TTg ngày 01 tháng 11 năm 2023 của Thủ tướng Chính phủ ban hành Kế hoạch thực hiện phong trào thi đua "Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - 2030"',
      'Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 08 tháng 12 năm 2023 của Bộ trưởng Bộ Giáo dục và Đào tạo quy định tiêu chí đánh giá, công nhận "Đơn vị học tập" cấp huyện, tỉnh',
    ],
    body: [
      { type: 'heading', title: 'Mục đích, yêu cầu' },
      { type: 'clause', title: 'Mục đích' },
      { type: 'paragraph', text: MARKED_SENTENCE },
      {
        type: 'paragraph',
        text: [
          { text: 'Phấn đấu ' },
          { text: '100% công chức, viên chức', bold: true },
          { text: ' có kế hoạch tự học, tự bồi dưỡng được lãnh đạo đơn vị phê duyệt; ' },
          { text: 'không để ai bị bỏ lại phía sau', italic: true },
          { text: '.' },
        ],
      },
      { type: 'clause', title: 'Yêu cầu' },
      { type: 'point', text: 'Bám sát tiêu chí của Thông tư số 24/2023/TT-BGDĐT, gắn với nhiệm vụ chuyên môn của từng phòng.' },
      { type: 'point', text: 'Việc tự đánh giá phải khách quan, có minh chứng; số liệu tính từ ngày 01/01 đến ngày 31/12/2026.' },
      { type: 'heading', title: 'Nội dung và thời gian thực hiện' },
      {
        type: 'table',
        columns: [
          { header: 'TT', width: 7, align: 'center' },
          { header: 'Nội dung học tập, bồi dưỡng', width: 29 },
          { header: 'Đối tượng', width: 18 },
          { header: 'Hình thức', width: 18 },
          { header: 'Thời gian', width: 14, align: 'center' },
          { header: 'Đơn vị chủ trì', width: 18 },
        ],
        rows: TRAINING_ROWS.map((row, i) => [String(i + 1), ...row]),
      },
      { type: 'heading', title: 'Tổ chức thực hiện' },
      { type: 'clause', text: 'Văn phòng Sở là đầu mối tham mưu, theo dõi, tổng hợp kết quả, báo cáo Giám đốc Sở trước ngày 15/12/2026.' },
      { type: 'clause', text: 'Các phòng, đơn vị thuộc Sở triển khai đến từng công chức, viên chức và người lao động.' },
      { type: 'dash', text: 'Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh về Văn phòng Sở để tổng hợp, báo cáo Giám đốc Sở xem xét, giải quyết' },
    ],
    signatures: [{ authority: 'KT. Giám đốc', title: 'Phó Giám đốc', name: 'Nguyễn Thị Hồng Nhung' }],
    copiesTo: {
      recipients: ['UBND tỉnh (b/c)', 'Sở Giáo dục và Đào tạo', 'Hội Khuyến học tỉnh', 'Giám đốc, các PGĐ Sở', 'Các phòng, đơn vị thuộc Sở'],
      archive: 'VP',
    },
  };
}

/** A member's self-study plan (forms.md §3): no Số, signed by the member and approved by the head. */
export function samplePersonalPlan(): OfficialDocumentSpec {
  return {
    governingBody: 'Sở Tài chính tỉnh Kon Tum',
    issuingBody: 'Phòng Quản lý ngân sách',
    place: 'Kon Tum',
    date: '2026-01',
    documentType: 'Kế hoạch',
    summary: 'Tự học, tự bồi dưỡng năm 2026',
    body: [
      { type: 'heading', title: 'Thông tin cá nhân' },
      { type: 'dash', text: 'Họ và tên: Trần Văn Đức; năm sinh: 1990; giới tính: Nam.' },
      { type: 'dash', text: 'Chức vụ: Chuyên viên; trình độ chuyên môn: Thạc sĩ Kinh tế.' },
      { type: 'heading', title: 'Cam kết' },
      { type: 'paragraph', text: 'Tôi cam kết học tập suốt đời và thực hiện đầy đủ kế hoạch này; nội dung chi tiết tại Phụ lục kèm theo' },
    ],
    signatures: [
      { title: 'Duyệt của thủ trưởng đơn vị', note: '(Ký, ghi rõ họ tên)', name: 'Lê Thị Thu Hà' },
      { title: 'Người lập kế hoạch', note: '(Ký, ghi rõ họ tên)', name: 'Trần Văn Đức' },
    ],
    appendices: [
      {
        title: 'Nội dung, hình thức, thời gian học tập',
        orientation: 'landscape',
        blocks: [
          {
            type: 'table',
            fontSize: 12,
            columns: [
              { header: 'TT', width: 5, align: 'center' },
              { header: 'Nội dung học tập, bồi dưỡng', width: 28 },
              { header: 'Hình thức', width: 14 },
              { header: 'Từ tháng', width: 8, group: 'Thời gian', align: 'center' },
              { header: 'Đến tháng', width: 8, group: 'Thời gian', align: 'center' },
              { header: 'Số giờ', width: 8, align: 'center' },
              { header: 'Minh chứng dự kiến', width: 18 },
              { header: 'Ghi chú', width: 11 },
            ],
            rows: [
              ['1', 'Bồi dưỡng kiến thức quản lý tài chính công', 'Lớp tập trung', '3', '5', '40', 'Chứng chỉ', ''],
              ['2', 'Kỹ năng số: bảng tính, chữ ký số', 'Trực tuyến', '6', '8', '24', 'Giấy chứng nhận hoàn thành', 'Nền tảng học trực tuyến'],
            ],
          },
        ],
      },
    ],
  };
}

/** A tờ trình sent upward: "Kính gửi:" several recipients, no Số number yet (a draft). */
export function sampleSubmission(): OfficialDocumentSpec {
  return {
    governingBody: 'UBND tỉnh Kon Tum',
    issuingBody: 'Sở Tài chính',
    symbol: 'TTr-STC',
    place: 'Kon Tum',
    date: '2026-12',
    documentType: 'Tờ trình',
    summary: ['Đề nghị công nhận "Đơn vị học tập"', 'năm 2026'],
    recipients: ['Chủ tịch Ủy ban nhân dân tỉnh Kon Tum', 'Sở Giáo dục và Đào tạo'],
    body: [{ type: 'paragraph', text: 'Sở Tài chính kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, quyết định.' }],
    signatures: [{ title: 'Giám đốc', name: 'Phạm Văn Hùng' }],
    copiesTo: { recipients: ['Như trên'], archive: 'VP' },
  };
}
