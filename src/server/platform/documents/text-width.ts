/**
 * How wide a line of Times New Roman is, to size the lines the decree draws under the issuing
 * body, the Tiêu ngữ and the trích yếu, and to break long names evenly. Advance widths of the
 * printable ASCII characters in 1/1000 em, read from Liberation Serif (metric-compatible with
 * Times New Roman). A Vietnamese letter is as wide as its base letter; the horn of ơ, ư adds a little.
 */
const REGULAR_WIDTHS = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0-9 : ; < = > ?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ A-O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P-Z [ \ ] ^ _
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` a-o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, // p-z { | } ~
];
const BOLD_WIDTHS = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278,
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500,
  930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778,
  611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500,
  333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500,
  556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
const HORN = '\u031b';
const HORN_WIDTH = 60;
const OTHER_WIDTH = 500;

function charWidth(char: string, widths: number[]): number {
  if (char === HORN) return HORN_WIDTH;
  const code = char.codePointAt(0)!;
  if (code >= 32 && code < 127) return widths[code - 32];
  if (/\p{M}/u.test(char)) return 0;
  return OTHER_WIDTH;
}

/** Width in twips (1/20 pt) of one line of `text` in Times New Roman at `sizePt`. */
export function textWidth(text: string, sizePt: number, bold: boolean): number {
  const widths = bold ? BOLD_WIDTHS : REGULAR_WIDTHS;
  const letters = text.normalize('NFD').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/\u00a0/g, ' ');
  let em = 0;
  for (const char of letters) em += charWidth(char, widths);
  return Math.round((em / 1000) * sizePt * 20);
}

/**
 * A name that does not fit `available` twips, broken into two lines of balanced width at a space
 * (instead of leaving its last word alone); names with their own "\n" are kept as given.
 */
export function balancedLines(text: string, sizePt: number, bold: boolean, available: number): string {
  if (text.includes('\n') || textWidth(text, sizePt, bold) <= available) return text;
  const words = text.split(' ');
  let best = text;
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const width = Math.max(...lines.map((line) => textWidth(line, sizePt, bold)));
    if (width < bestWidth) [best, bestWidth] = [lines.join('\n'), width];
  }
  return best;
}
