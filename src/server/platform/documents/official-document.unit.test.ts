import { beforeAll, describe, expect, it } from 'vitest';
import { attribute, paragraphProperties, runProperties, tableRow, zipEntryText } from './docx-reading.fixture.js';
import { MOTTO, NATIONAL_NAME } from './header.js';
import { appendixReference, renderDocx } from './official-document.js';
import { MARKED_SENTENCE, samplePersonalPlan, samplePlan, sampleSubmission } from './sample-plan.fixture.js';

const sz = (points: number) => `<w:sz w:val="${points * 2}"/>`;

async function renderParts(spec = samplePlan()) {
  const docx = await renderDocx(spec);
  const entries = ['word/document.xml', 'word/styles.xml', 'word/header1.xml', 'word/header2.xml', 'word/_rels/document.xml.rels'] as const;
  return Object.fromEntries(entries.map((name) => [name.replace(/^word\//, ''), zipEntryText(docx, name)])) as Record<string, string>;
}

describe('a KẾ HOẠCH of the Sở Tài chính in the layout of Nghị định 30/2020', () => {
  let xml: Record<string, string>;
  let doc: string;
  beforeAll(async () => {
    xml = await renderParts();
    doc = xml['document.xml'];
  });

  it('is A4 portrait with margins in the decree ranges', () => {
    expect(attribute(doc, 'w:pgSz', 'w:w')).toBe(11906);
    expect(attribute(doc, 'w:pgSz', 'w:h')).toBe(16838);
    const margin = (side: string) => attribute(doc, 'w:pgMar', `w:${side}`);
    const mm = (twips: number) => (twips / 1440) * 25.4;
    expect(mm(margin('top'))).toBeGreaterThanOrEqual(19.99);
    expect(mm(margin('top'))).toBeLessThanOrEqual(25);
    expect(mm(margin('bottom'))).toBeGreaterThanOrEqual(19.99);
    expect(mm(margin('bottom'))).toBeLessThanOrEqual(25);
    expect(mm(margin('left'))).toBeGreaterThanOrEqual(29.99);
    expect(mm(margin('left'))).toBeLessThanOrEqual(35);
    expect(mm(margin('right'))).toBeGreaterThanOrEqual(14.99);
    expect(mm(margin('right'))).toBeLessThanOrEqual(20);
  });

  it('sets every script of Times New Roman, black, Vietnamese, and no other font or colour', () => {
    expect(xml['styles.xml']).toContain(
      '<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"/><w:color w:val="000000"/>',
    );
    expect(xml['styles.xml']).toContain('<w:lang w:val="vi-VN"/>');
    expect(doc).not.toContain('<w:rFonts');
    expect(doc).not.toMatch(/<w:color w:val="(?!000000)/);
    expect(doc).not.toMatch(/w:color="(?!000000|auto)/);
  });

  it('prints the Quốc hiệu and Tiêu ngữ bold, the bodies in capitals, Số in 13 and the place-date in italic 13 on the same row', () => {
    expect(runProperties(doc, NATIONAL_NAME)).toBe(`<w:rPr><w:b/><w:bCs/>${sz(12)}<w:szCs w:val="24"/></w:rPr>`);
    expect(runProperties(doc, MOTTO)).toContain('<w:b/>');
    expect(runProperties(doc, MOTTO)).toContain(sz(13));
    expect(runProperties(doc, 'UBND TỈNH KON TUM')).not.toContain('<w:b/>');
    expect(runProperties(doc, 'SỞ TÀI CHÍNH')).toContain('<w:b/>');
    expect(runProperties(doc, 'Số: 05/KH-STC')).toContain(sz(13));
    expect(runProperties(doc, 'Số: 05/KH-STC')).not.toContain('<w:b/>');
    const placeDate = 'Kon Tum, ngày 05 tháng 12 năm 2025';
    expect(runProperties(doc, placeDate)).toContain('<w:i/>');
    expect(runProperties(doc, placeDate)).toContain(sz(13));
    expect(tableRow(doc, 'Số: 05/KH-STC')).toContain(placeDate);
  });

  it('lays the header out as a borderless table with a line under the issuing body and under the Tiêu ngữ', () => {
    const header = doc.slice(0, doc.indexOf('</w:tbl>'));
    expect(header).toContain('<w:insideV w:val="none"');
    expect(header).toContain('<w:top w:val="none"');
    const lines = header.match(/<w:pBdr><w:top w:val="single"[^>]*\/><\/w:pBdr>/g) ?? [];
    expect(lines).toHaveLength(2);
  });

  it('titles the document in bold 14 with the trích yếu and a short line under it', () => {
    expect(runProperties(doc, 'KẾ HOẠCH')).toBe(`<w:rPr><w:b/><w:bCs/>${sz(14)}<w:szCs w:val="28"/></w:rPr>`);
    expect(runProperties(doc, 'Xây dựng Đơn vị học tập năm 2026')).toContain('<w:b/>');
    const afterTitle = doc.slice(doc.indexOf('Xây dựng Đơn vị học tập năm 2026'));
    expect(afterTitle.indexOf('<w:pBdr><w:top w:val="single"')).toBeLessThan(afterTitle.indexOf('Căn cứ'));
  });

  it('writes căn cứ in italic, ";" after each and "." after the last', () => {
    const bases = samplePlan().bases!;
    expect(runProperties(doc, `${bases[0]};`)).toContain('<w:i/>');
    expect(runProperties(doc, `${bases[1]}.`)).toContain('<w:i/>');
  });

  it('numbers the body and justifies it with a 1.27 cm first line, ≥ 6 pt spacing and ≤ 1.5 lines', () => {
    for (const text of ['I. MỤC ĐÍCH, YÊU CẦU', 'II. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN', 'III. TỔ CHỨC THỰC HIỆN', '1. Mục đích', '2. Yêu cầu']) {
      expect(runProperties(doc, text)).toContain('<w:b/>');
    }
    expect(doc).toContain('a) Bám sát tiêu chí');
    expect(doc).toContain('b) Việc tự đánh giá');
    expect(doc).toContain('1. Văn phòng Sở là đầu mối');
    const body = paragraphProperties(doc, MARKED_SENTENCE);
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(attribute(`<x ${body}>`.replace(/.*<w:ind /, '<w:ind '), 'w:ind', 'w:firstLine')).toBe(720);
    const spacing = /<w:spacing [^>]*>/.exec(body)![0];
    expect(attribute(spacing, 'w:spacing', 'w:after')).toBeGreaterThanOrEqual(120);
    expect(attribute(spacing, 'w:spacing', 'w:line')).toBeLessThanOrEqual(360);
    expect(runProperties(doc, MARKED_SENTENCE)).toContain(sz(14));
  });

  it('ends the body with "./."', () => {
    expect(doc).toContain('xem xét, giải quyết./.');
  });

  it('draws the table with borders, fixed column widths and a header row repeated on each page', () => {
    const table = doc.slice(doc.indexOf('<w:tbl>', doc.indexOf('II. NỘI DUNG')), doc.indexOf('</w:tbl>', doc.indexOf('II. NỘI DUNG')));
    expect(table).toContain('<w:insideH w:val="single"');
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const columns = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(columns).toHaveLength(6);
    expect(columns.reduce((a, b) => a + b, 0)).toBe(11906 - 1701 - 850);
    expect(tableRow(table, 'Nội dung học tập, bồi dưỡng')).toContain('<w:tblHeader/>');
    expect(tableRow(table, 'Kỹ năng số và chuyển đổi số')).not.toContain('<w:tblHeader/>');
  });

  it('signs "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC / name" beside "Nơi nhận:"', () => {
    for (const text of ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Nguyễn Thị Hồng Nhung']) {
      expect(runProperties(doc, text)).toBe(`<w:rPr><w:b/><w:bCs/>${sz(14)}<w:szCs w:val="28"/></w:rPr>`);
    }
    expect(runProperties(doc, 'Nơi nhận:')).toBe(`<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/>${sz(12)}<w:szCs w:val="24"/></w:rPr>`);
    expect(runProperties(doc, '- UBND tỉnh (b/c);')).toContain(sz(11));
    expect(runProperties(doc, '- Lưu: VT, VP.')).toContain(sz(11));
    expect(tableRow(doc, 'Nơi nhận:')).toContain('KT. GIÁM ĐỐC');
  });

  it('numbers pages in the top margin, centred, in 14, except page 1', () => {
    const section = /<w:sectPr>.*<\/w:sectPr>/.exec(doc)![0];
    expect(section).toContain('<w:titlePg/>');
    const headerFile = (type: string) => {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(section)![1];
      return new RegExp(`Id="${id}"[^>]*Target="(\\w+\\.xml)"`).exec(xml['_rels/document.xml.rels'])?.[1]
        ?? new RegExp(`Target="(\\w+\\.xml)"[^>]*Id="${id}"`).exec(xml['_rels/document.xml.rels'])![1];
    };
    const pageHeader = xml[headerFile('default')];
    expect(pageHeader).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    expect(pageHeader).toContain('<w:jc w:val="center"/>');
    expect(pageHeader).toContain(sz(14));
    expect(xml[headerFile('first')]).not.toContain('PAGE');
  });
});

describe('other shapes of document', () => {
  it('signs a personal plan by the member and the head side by side, with its table in a landscape phụ lục', async () => {
    const { 'document.xml': doc } = await renderParts(samplePersonalPlan());
    expect(doc).not.toContain('Số:');
    expect(tableRow(doc, 'NGƯỜI LẬP KẾ HOẠCH')).toContain('DUYỆT CỦA THỦ');
    expect(tableRow(doc, 'Trần Văn Đức')).toContain('Lê Thị Thu Hà');
    const sections = doc.match(/<w:sectPr>.*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(2);
    expect(sections[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(sections[1]).toContain('<w:pgNumType w:start="1"/>');
    expect(doc).toContain('Phụ lục');
    expect(doc).toContain('NỘI DUNG, HÌNH THỨC, THỜI GIAN HỌC TẬP');
    // The grouped columns: "Thời gian" merged over two columns, the others over two header rows.
    expect(tableRow(doc, 'Thời gian')).toContain('<w:gridSpan w:val="2"/>');
    expect(tableRow(doc, 'Từ tháng')).toContain('<w:vMerge w:val="continue"/>');
    expect(tableRow(doc, 'Từ tháng')).toContain('<w:tblHeader/>');
  });

  it('leaves the number and the day blank in a draft tờ trình and lists several recipients after "Kính gửi:"', async () => {
    const { 'document.xml': doc } = await renderParts(sampleSubmission());
    expect(doc).toContain('Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/TTr-STC');
    expect(doc).toContain('Kon Tum, ngày \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 tháng 12 năm 2026');
    expect(doc).toContain('Kính gửi:</w:t></w:r><w:r><w:tab/></w:r>');
    expect(doc).toContain('- Chủ tịch Ủy ban nhân dân tỉnh Kon Tum;');
    expect(doc).toContain('- Sở Giáo dục và Đào tạo.');
    expect(doc).toContain('- Như trên;');
  });

  it('refers a phụ lục to its document', () => {
    expect(appendixReference(samplePlan())).toBe('(Kèm theo Kế hoạch số 05/KH-STC ngày 05 tháng 12 năm 2025 của Sở Tài chính)');
  });
});
