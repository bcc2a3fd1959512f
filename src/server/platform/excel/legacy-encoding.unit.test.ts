import { describe, expect, it } from 'vitest';
import {
  convertLegacy,
  detectLegacyEncoding,
  detectTextEncoding,
  encodeLegacy,
  encodingOfFont,
  isTcvn3CapitalsFont,
} from './legacy-encoding.js';

/** Every Vietnamese letter, lower case, NFC (a ă â e ê i o ô ơ u ư y × 6 tones, and đ). */
function vietnameseLetters(): string[] {
  const bases = ['a', 'a\u0306', 'a\u0302', 'e', 'e\u0302', 'i', 'o', 'o\u0302', 'o\u031B', 'u', 'u\u031B', 'y'];
  const tones = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
  return [...bases.flatMap((b) => tones.map((t) => (b + t).normalize('NFC'))), 'đ'];
}

const PHRASES = [
  'Nguyễn Văn Đức',
  'Trần Thị Hồng Nhung',
  'Phòng Tổ chức – Hành chính',
  'Sở Tài chính tỉnh Kon Tum',
  'Lê Thị Ngọc Ánh',
  'HỌ VÀ TÊN',
  'NGÀY SINH',
  'ĐƠN VỊ',
  'SỐ ĐIỆN THOẠI',
  'ỦY BAN NHÂN DÂN TỈNH KON TUM',
  'Trương Thị Thuỷ',
  'Người lập biểu',
  'Số CCCD (*)',
  'Trình độ chuyên môn',
];

describe('TCVN3 table', () => {
  it('has the codes of the ABC standard (checked against glibc TCVN5712-1, xvnkb, XuatThuy, duydev)', () => {
    const codes: Record<string, string> = {
      á: '¸', à: 'µ', ả: '¶', ã: '·', ạ: '¹', ă: '¨', â: '©', đ: '®', ê: 'ª', ô: '«', ơ: '¬', ư: '\u00AD',
      ấ: 'Ê', ầ: 'Ç', ắ: '¾', ằ: '»', é: 'Ð', è: 'Ì', ế: 'Õ', ệ: 'Ö', í: 'Ý', ì: '×', ị: 'Þ',
      ó: 'ã', ò: 'ß', ọ: 'ä', ố: 'è', ồ: 'å', ộ: 'é', ớ: 'í', ờ: 'ê', ợ: 'î', ú: 'ó', ù: 'ï', ụ: 'ô',
      ứ: 'ø', ừ: 'õ', ự: 'ù', ữ: '÷', ý: 'ý', ỳ: 'ú', ỵ: 'þ',
      Ă: '¡', Â: '¢', Ê: '£', Ô: '¤', Ơ: '¥', Ư: '¦', Đ: '§',
    };
    for (const [uni, code] of Object.entries(codes)) {
      expect(encodeLegacy(uni, 'tcvn3'), uni).toBe(code);
      expect(convertLegacy(code, 'tcvn3', { allCaps: uni !== uni.toLowerCase() }), code).toBe(uni);
    }
  });

  it('gives every lower-case letter its own code and decodes it back', () => {
    const letters = vietnameseLetters();
    const codes = letters.map((l) => encodeLegacy(l, 'tcvn3'));
    expect(new Set(codes).size).toBe(letters.length);
    for (const [i, l] of letters.entries()) {
      expect([...codes[i]!]).toHaveLength(1);
      expect(convertLegacy(`x${codes[i]}x`, 'tcvn3')).toBe(`x${l}x`);
    }
  });

  it('decodes text taken from real sources', () => {
    // duydev/vietnamese-conversion test data; Ductrung03/DuBaoMatRung place names.
    expect(convertLegacy('Xin chµo c¸c b¹n', 'tcvn3')).toBe('Xin chào các bạn');
    expect(convertLegacy('T«i ®i häc', 'tcvn3')).toBe('Tôi đi học');
    expect(convertLegacy('B¶o Th¾ng', 'tcvn3')).toBe('Bảo Thắng');
    expect(convertLegacy('M\u00ADêng Kh\u00AD¬ng', 'tcvn3')).toBe('Mường Khương');
    expect(convertLegacy('B¸t X¸t', 'tcvn3')).toBe('Bát Xát');
  });

  it('decodes the VN1 capitals that lie in 0xA0-0xFF', () => {
    expect(convertLegacy('Ä', 'tcvn3')).toBe('Ấ');
    expect(convertLegacy('ÿ', 'tcvn3')).toBe('Ố');
  });
});

describe('VNI table', () => {
  it('follows the VNI-Times layout (xvnkb vni.h, duydev charsets)', () => {
    const pairs: Array<[string, string]> = [
      ['á', 'aù'], ['à', 'aø'], ['ả', 'aû'], ['ã', 'aõ'], ['ạ', 'aï'], ['ă', 'aê'], ['â', 'aâ'], ['ấ', 'aá'], ['ầ', 'aà'],
      ['ẩ', 'aå'], ['ẫ', 'aã'], ['ậ', 'aä'], ['ắ', 'aé'], ['ằ', 'aè'], ['ẳ', 'aú'], ['ẵ', 'aü'], ['ặ', 'aë'], ['ê', 'eâ'],
      ['ế', 'eá'], ['ô', 'oâ'], ['ố', 'oá'], ['ơ', 'ô'], ['ớ', 'ôù'], ['ư', 'ö'], ['ứ', 'öù'], ['ự', 'öï'], ['í', 'í'],
      ['ì', 'ì'], ['ỉ', 'æ'], ['ĩ', 'ó'], ['ị', 'ò'], ['ý', 'yù'], ['ỵ', 'î'], ['đ', 'ñ'], ['Đ', 'Ñ'], ['Á', 'AÙ'],
      ['Ơ', 'Ô'], ['Ư', 'Ö'], ['Ỵ', 'Î'], ['Ị', 'Ò'], ['Ấ', 'AÁ'],
    ];
    for (const [uni, vni] of pairs) {
      expect(encodeLegacy(uni, 'vni'), uni).toBe(vni);
      expect(convertLegacy(vni, 'vni'), vni).toBe(uni);
    }
  });

  it('round-trips every letter, both cases', () => {
    for (const l of vietnameseLetters()) {
      for (const letter of [l, l.toUpperCase()]) {
        expect(convertLegacy(`T${encodeLegacy(letter, 'vni')}n`, 'vni')).toBe(`T${letter}n`);
      }
    }
  });

  it('decodes text taken from real sources', () => {
    expect(convertLegacy('Xin chaøo caùc baïn', 'vni')).toBe('Xin chào các bạn');
    expect(convertLegacy('Toâi ñi hoïc', 'vni')).toBe('Tôi đi học');
    expect(convertLegacy('Ngöôøi', 'vni')).toBe('Người');
  });
});

describe('convertLegacy / encodeLegacy', () => {
  it.each(PHRASES)('round-trips "%s" through TCVN3 and VNI', (phrase) => {
    expect(convertLegacy(encodeLegacy(phrase, 'tcvn3'), 'tcvn3')).toBe(phrase);
    expect(convertLegacy(encodeLegacy(phrase, 'vni'), 'vni')).toBe(phrase);
  });

  it('writes TCVN3 capitals with a tone as their lower-case code, as ABC "H" fonts need', () => {
    expect(encodeLegacy('HỌ VÀ TÊN', 'tcvn3')).toBe('Hä Vµ T£N');
    expect(encodeLegacy('Nguyễn Văn Đức', 'tcvn3')).toBe('NguyÔn V¨n §øc');
    expect(encodeLegacy('Nguyễn Văn Đức', 'vni')).toBe('Nguyeãn Vaên Ñöùc');
  });

  it('restores capitals in TCVN3 only where the text shows them', () => {
    expect(convertLegacy('Hä Vµ T£N', 'tcvn3')).toBe('HỌ VÀ TÊN');
    expect(convertLegacy('Sè CCCD', 'tcvn3')).toBe('Số CCCD');
    expect(convertLegacy('Cao ®¼ng', 'tcvn3')).toBe('Cao đẳng');
    expect(convertLegacy('Hµ Lª', 'tcvn3')).toBe('Hà Lê');
    expect(convertLegacy('Sèng ë Hµ Néi', 'tcvn3')).toBe('Sống ở Hà Nội');
    expect(convertLegacy('Hä vµ tªn: NGUYÔN V¡N A', 'tcvn3')).toBe('Họ và tên: NGUYỄN VĂN A');
    // A cell in an ABC capitals font (.VnTimeH) is all capitals whatever its codes.
    expect(convertLegacy('Vµ', 'tcvn3', { allCaps: true })).toBe('VÀ');
  });

  it('gives NFC output and leaves unicode text alone (but NFC)', () => {
    const nfd = 'Nguyễn'.normalize('NFD');
    expect(convertLegacy(nfd, 'unicode')).toBe('Nguyễn');
    expect(convertLegacy('NguyÔn', 'tcvn3')).toBe(convertLegacy('NguyÔn', 'tcvn3').normalize('NFC'));
  });
});

describe('fonts', () => {
  it('recognises ABC and VNI font names', () => {
    expect(encodingOfFont('.VnTime')).toBe('tcvn3');
    expect(encodingOfFont('.VnArialH')).toBe('tcvn3');
    expect(encodingOfFont('VNI-Times')).toBe('vni');
    expect(encodingOfFont('Times New Roman')).toBeNull();
    expect(encodingOfFont(undefined)).toBeNull();
    expect(isTcvn3CapitalsFont('.VnTimeH')).toBe(true);
    expect(isTcvn3CapitalsFont('.VnTime')).toBe(false);
  });
});

describe('detectLegacyEncoding', () => {
  const unicodeSheet = [
    'Nguyễn Văn Đức', 'Trần Thị Hồng Nhung', 'Hoàng Văn Toán', 'Phạm Quý Thuỷ', 'Lê Xuân Hoà', 'Tô Hoài', 'Hà Lê',
    'Chuyên viên', 'Đại học', 'Tiếng Anh B1', 'Nam', 'Nữ', 'Phòng Tổ chức – Hành chính', 'Quê quán: Hòa Vang',
  ];

  it('says unicode for Unicode Vietnamese, NFC or NFD', () => {
    expect(detectLegacyEncoding(unicodeSheet)).toBe('unicode');
    expect(detectLegacyEncoding(unicodeSheet.map((s) => s.normalize('NFD')))).toBe('unicode');
  });

  it('says unicode for Latin-1-only Vietnamese cells (Hà, Tô Hoài, Hoàng)', () => {
    expect(detectLegacyEncoding(['Tô Hoài', 'Hà Lê', 'Hoàng', 'Toán', 'Quý', 'Xuân', 'Lê Hòa'])).toBe('unicode');
  });

  it('says unicode for ASCII, English and French text, and for nothing', () => {
    expect(detectLegacyEncoding(['STT', 'Ho va ten', 'Nguyen Van A', '12/12'])).toBe('unicode');
    expect(detectLegacyEncoding(['Raphaël est allé à la fête', 'août', 'Noël', 'naïf', 'café crème', 'déjà vu', 'Hello'])).toBe('unicode');
    expect(detectLegacyEncoding([])).toBe('unicode');
  });

  it('recognises TCVN3 and VNI sheets', () => {
    expect(detectLegacyEncoding(unicodeSheet.map((s) => encodeLegacy(s, 'tcvn3')))).toBe('tcvn3');
    expect(detectLegacyEncoding(unicodeSheet.map((s) => encodeLegacy(s, 'vni')))).toBe('vni');
    expect(detectLegacyEncoding(['Xin chµo c¸c b¹n', 'T«i ®i häc'])).toBe('tcvn3');
    expect(detectLegacyEncoding(['Xin chaøo caùc baïn', 'Toâi ñi hoïc'])).toBe('vni');
  });

  it('keeps a legacy verdict when a few cells look otherwise', () => {
    const tcvn3 = [...PHRASES.map((s) => encodeLegacy(s, 'tcvn3')), 'Raphaël', 'café'];
    expect(detectLegacyEncoding(tcvn3)).toBe('tcvn3');
  });

  it('classifies single texts', () => {
    expect(detectTextEncoding('NguyÔn V¨n §øc')).toBe('tcvn3');
    expect(detectTextEncoding('Nguyeãn Vaên Ñöùc')).toBe('vni');
    expect(detectTextEncoding('Nguyễn Văn Đức')).toBe('unicode');
    expect(detectTextEncoding('Hoàng')).toBe('unicode');
  });
});
