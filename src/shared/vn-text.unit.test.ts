import { describe, expect, it } from 'vitest';
import {
  compareVi,
  comparePersonNames,
  formatDate,
  formatDateTime,
  nfc,
  parseDate,
  personSortKey,
  searchKey,
  sortKey,
} from './vn-text.js';

// ICU's Vietnamese collation, the reference for sortKey. 'accent' sensitivity ignores case
// (as sortKey does) but keeps letter modifiers and tones.
const collator = new Intl.Collator('vi', { sensitivity: 'accent' });
const sign = (n: number) => Math.sign(n);
const byKey = (list: string[]) => [...list].sort(compareVi);
const byCollator = (list: string[]) => [...list].sort(collator.compare);

/** Small seeded PRNG (mulberry32) so the generated cases are the same on every run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ONSETS = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x', 'f', 'j', 'w', 'z'];
const NUCLEI = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y', 'ia', 'iê', 'ua', 'uô', 'ưa', 'ươ', 'oa', 'oă', 'oe', 'uê', 'uy', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'iu', 'oi', 'ôi', 'ơi', 'ui', 'ưi', 'ưu', 'iêu', 'ươi', 'uôi', 'oai'];
const CODAS = ['', '', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'];
const TONE_MARKS = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

/** A random Vietnamese-like syllable: tone on a random vowel, random capitalisation. */
function syllable(r: () => number): string {
  const pick = <T,>(a: T[]): T => a[Math.floor(r() * a.length)] as T;
  const nucleus = [...pick(NUCLEI)];
  const at = Math.floor(r() * nucleus.length);
  nucleus[at] = (nucleus[at] + pick(TONE_MARKS)).normalize('NFC');
  let s = pick(ONSETS) + nucleus.join('') + pick(CODAS);
  if (r() < 0.3) s = s[0]!.toUpperCase() + s.slice(1);
  if (r() < 0.05) s = s.toUpperCase();
  return s;
}

describe('nfc', () => {
  it('composes decomposed text', () => {
    const composed = 'Nguyễn Thị Ngọc Ánh';
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect(nfc(decomposed)).toBe(composed);
  });

  it('trims and collapses inner whitespace', () => {
    expect(nfc('  Trường   THCS\t\nLê Lợi\u00a0 ')).toBe('Trường THCS Lê Lợi');
    expect(nfc('')).toBe('');
  });
});

describe('searchKey', () => {
  it('strips marks, maps đ, lower-cases', () => {
    expect(searchKey('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(searchKey('Đặng Thị Ngọc Hân')).toBe('dang thi ngoc han');
    expect(searchKey('  ĐẠI   HỌC  Sư phạm ')).toBe('dai hoc su pham');
    expect(searchKey('ư ơ ô â ă ê đ Ư Ơ Ô Â Ă Ê Đ')).toBe('u o o a a e d u o o a a e d');
  });

  it('gives the same key for decomposed (NFD) and composed (NFC) input', () => {
    const r = rng(7);
    for (let i = 0; i < 300; i++) {
      const s = `${syllable(r)} ${syllable(r)} ${syllable(r)}`;
      expect(searchKey(s.normalize('NFD'))).toBe(searchKey(s.normalize('NFC')));
      expect(searchKey(s)).toMatch(/^[a-z ]+$/);
    }
  });
});

describe('sortKey', () => {
  it('is readable printable ASCII', () => {
    expect(sortKey('Nguyễn Văn Đức')).toBe('nguye{n!va{n!d{u{c 00003000004');
    expect(sortKey('An')).toBe('an');
    expect(sortKey('Ủy ban nhân dân tỉnh Quảng Ninh')).toMatch(/^[\x20-\x7e]+$/);
  });

  it('ignores case, NFD vs NFC and extra whitespace', () => {
    expect(sortKey('  NGUYỄN  văn đức ')).toBe(sortKey('Nguyễn Văn Đức'));
    expect(sortKey('Nguyễn Văn Đức'.normalize('NFD'))).toBe(sortKey('Nguyễn Văn Đức'));
  });

  it('uses the real ICU Vietnamese collation as reference', () => {
    expect(Intl.Collator.supportedLocalesOf(['vi'])).toEqual(['vi']);
  });

  const groups: string[][] = [
    ['ma', 'mà', 'mả', 'mã', 'má', 'mạ'],
    ['an', 'ăn', 'ân', 'anh', 'ăng', 'âm', 'ao', 'ai'],
    ['do', 'đo', 'dz', 'đa', 'dư', 'đu'],
    ['o', 'ô', 'ơ', 'oa', 'ôi', 'ơi', 'ong'],
    ['u', 'ư', 'ua', 'ưa', 'uy', 'ưu'],
    ['e', 'ê', 'f', 'g', 'i', 'j', 'k', 'v', 'w', 'x', 'y', 'z'],
    ['An', 'Anh', 'An Bình', 'An Giang', 'Ánh', 'Ân'],
    ['hoà', 'hòa', 'hoa', 'hóa', 'hoá', 'hỏa', 'hoả'],
    ['ma a', 'ma à', 'mà a', 'maà', 'maá', 'màa', 'mạa'],
    ['Phòng 1', 'Phòng 10', 'Phòng 2', 'Phòng A', 'Phòng', 'Phòng Giáo dục'],
    ['Ủy ban nhân dân tỉnh Quảng Ninh', 'Uỷ ban nhân dân tỉnh Quảng Nam', 'Ủy ban nhân dân huyện Đông Triều', 'Ủy ban', 'Uy tín'],
    ['Trường THCS Lê Lợi', 'Trường THPT Lê Lợi', 'Trường Tiểu học Lê Lợi', 'Trường Đại học Sư phạm', 'Trung tâm học tập cộng đồng', 'Trừng'],
    ['Sở Giáo dục và Đào tạo', 'Sở Tư pháp', 'Sở Y tế', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Xây dựng', 'Số 2', 'Sơ kết'],
    ['cá', 'cà', 'ca', 'cả', 'cã', 'cạ', 'cac', 'cách', 'căn', 'cân', 'câu'],
    ['Nguyễn', 'Nguyên', 'Nguyện', 'Nguyền', 'Ngũ', 'Ngụ', 'Ngư', 'Ngữ', 'Ngô'],
  ];

  it.each(groups.map((g) => [g.join(', '), g]))('orders like Intl.Collator("vi"): %s', (_, group) => {
    expect(byKey(group as string[])).toEqual(byCollator(group as string[]));
  });

  it('orders the six tones ngang, huyền, hỏi, ngã, sắc, nặng', () => {
    expect(byKey(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
  });

  it('agrees with Intl.Collator("vi") on every pair of generated words and names', () => {
    const r = rng(42);
    const items: string[] = [];
    for (let i = 0; i < 400; i++) {
      const words = 1 + Math.floor(r() * 3);
      items.push(Array.from({ length: words }, () => syllable(r)).join(' '));
    }
    // Add tone-only and case-only variants of some items, so ties and tones get exercised.
    for (const s of items.slice(0, 60)) {
      items.push(s.toLowerCase(), s.normalize('NFD').replace(/[\u0300\u0309\u0303\u0301\u0323]/g, '').normalize('NFC'));
    }
    const keys = items.map(sortKey);
    for (const k of keys) expect(k).toMatch(/^[\x20-\x7e]+$/);
    const mismatches: string[] = [];
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const ours = sign(keys[i]! < keys[j]! ? -1 : keys[i]! > keys[j]! ? 1 : 0);
        if (ours !== sign(collator.compare(items[i]!, items[j]!))) mismatches.push(`${items[i]} | ${items[j]}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(byKey(items)).toEqual(byCollator(items));
  });
});

describe('personSortKey', () => {
  it('orders a realistic office list by given name, then family + middle names, then tones', () => {
    const expected = [
      'Trần Văn An',
      'Lê Hoàng Anh',
      'Nguyễn Thị Ánh',
      'Phạm Thị Ân',
      'Vũ Đức Bảo',
      'Lê Văn Bình',
      'Nguyễn Thị Bình',
      'Nguyễn Văn Bình',
      'Hoàng Minh Châu',
      'Bùi Văn Dung',
      'Bùi Văn Dũng',
      'Đặng Văn Đức',
      'Ngô Thị Hạ', // same given name primary as "Hà": the family + middle name decides first
      'Trịnh Thu Hà',
      'Lý Thị Hằng',
      'Đinh Thị Hồng',
      'Dương Văn Hùng',
      'Mai Phương Thảo',
      'Phan Thanh Tùng',
      'Võ Thị Yến',
    ];
    const shuffled = [...expected].reverse();
    const r = rng(3);
    shuffled.sort(() => r() - 0.5);
    expect(shuffled.sort(comparePersonNames)).toEqual(expected);
    expect([...expected].sort((a, b) => (personSortKey(a) < personSortKey(b) ? -1 : 1))).toEqual(expected);
  });

  it('handles the example from the brief', () => {
    expect(['Nguyễn Văn Bình', 'Lê Văn Bình', 'Nguyễn Thị Bình', 'Trần Văn An'].sort(comparePersonNames)).toEqual([
      'Trần Văn An',
      'Lê Văn Bình',
      'Nguyễn Thị Bình',
      'Nguyễn Văn Bình',
    ]);
  });

  it('compares tones of the given name before tones of the rest', () => {
    // Equal primaries: "hung" + "le van"; given-name tone (ngang < huyền) wins over "Lễ" > "Lê".
    expect(comparePersonNames('Lễ Văn Hung', 'Lê Văn Hùng')).toBe(-1);
    expect(comparePersonNames('Lê Văn Hùng', 'Lễ Văn Hùng')).toBe(-1);
  });

  it('puts a single-word name before longer names with the same given name', () => {
    expect(personSortKey('Hà')).toBe('ha 01');
    expect(['Nguyễn Hà', 'Hà', 'Hàn'].sort(comparePersonNames)).toEqual(['Hà', 'Nguyễn Hà', 'Hàn']);
  });

  it('ignores case, decomposition and extra spaces', () => {
    expect(personSortKey('  nguyễn   THỊ bình ')).toBe(personSortKey('Nguyễn Thị Bình'));
    expect(personSortKey('Nguyễn Thị Bình'.normalize('NFD'))).toBe(personSortKey('Nguyễn Thị Bình'));
    expect(personSortKey('Nguyễn Thị Bình')).toMatch(/^[\x20-\x7e]+$/);
    expect(personSortKey('')).toBe('');
  });
});

describe('parseDate', () => {
  it('accepts dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy', () => {
    expect(parseDate('21/11/2026')).toBe('2026-11-21');
    expect(parseDate('1/2/2026')).toBe('2026-02-01');
    expect(parseDate('01-02-2026')).toBe('2026-02-01');
    expect(parseDate(' 01.02.2026 ')).toBe('2026-02-01');
  });

  it('rejects dates that are not on the calendar', () => {
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseDate('31/04/2024')).toBeNull();
    expect(parseDate('29/02/1900')).toBeNull();
    expect(parseDate('29/02/2000')).toBe('2000-02-29');
    expect(parseDate('00/01/2024')).toBeNull();
    expect(parseDate('01/13/2024')).toBeNull();
  });

  it('rejects malformed input', () => {
    for (const s of ['', '2024-02-01', '1/2/24', '01/02-2024', '01/02/2024 10:00', 'abc', '1//2024']) {
      expect(parseDate(s)).toBeNull();
    }
  });

  it('agrees with the calendar for every day/month of 2023 and 2024', () => {
    for (const y of [2023, 2024]) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= 31; d++) {
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          const text = `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
          const iso = parseDate(text);
          expect(iso !== null).toBe(real);
          if (iso) expect(formatDate(iso)).toBe(text); // round trip
        }
      }
    }
  });
});

describe('formatDate / formatDateTime', () => {
  it('formats an ISO date without any time zone shift', () => {
    expect(formatDate('2026-11-21')).toBe('21/11/2026');
    expect(parseDate(formatDate('2024-02-29'))).toBe('2024-02-29');
    expect(formatDateTime('2026-11-21')).toBe('21/11/2026');
  });

  it('shows timestamps in Vietnam time (UTC+7)', () => {
    expect(formatDate('2026-11-21T18:30:00Z')).toBe('22/11/2026');
    expect(formatDateTime('2026-11-21T18:30:00Z')).toBe('22/11/2026 01:30');
    expect(formatDateTime('2026-11-21T16:59:59.999Z')).toBe('21/11/2026 23:59');
    expect(formatDateTime('2026-11-21T17:00:00.000Z')).toBe('22/11/2026 00:00');
    expect(formatDateTime('2026-12-31 23:30:00+00')).toBe('01/01/2027 06:30');
    expect(formatDateTime('2026-11-21T08:15:00+07:00')).toBe('21/11/2026 08:15');
    expect(formatDateTime('2026-11-21T08:15:00-05:30')).toBe('21/11/2026 20:45');
    // No offset: already Vietnam wall time, whatever the machine's time zone.
    expect(formatDateTime('2026-11-21T08:15')).toBe('21/11/2026 08:15');
  });

  it('formats Date objects in Vietnam time', () => {
    const d = new Date('2026-11-21T18:30:00Z');
    expect(formatDate(d)).toBe('22/11/2026');
    expect(formatDateTime(d)).toBe('22/11/2026 01:30');
    expect(formatDate(new Date('2026-06-30T16:59:00Z'))).toBe('30/06/2026'); // no DST in Vietnam
  });

  it("returns '' for null, undefined and invalid input", () => {
    for (const v of [null, undefined, '', 'abc', '2024-02-30', '2026-11-21T25:00Z', new Date(NaN)]) {
      expect(formatDate(v)).toBe('');
      expect(formatDateTime(v)).toBe('');
    }
  });
});
