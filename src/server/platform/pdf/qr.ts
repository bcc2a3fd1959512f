/**
 * A QR code drawn as vector squares (sharp at any zoom and on any printer), from the module matrix
 * of the `qrcode` package. Error correction M (15 %): survives a fold or a stain on a printed sheet.
 */
import QRCode from 'qrcode';

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  dark(row: number, col: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/**
 * Draws the code with its top-left corner at (x, y), `side` points wide including the quiet zone
 * of 4 modules the standard asks for (painted white, so a frame or text never touches the code).
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, side: number): void {
  const matrix = qrMatrix(text);
  const quiet = 4;
  const unit = side / (matrix.size + 2 * quiet);
  doc.save();
  doc.rect(x, y, side, side).fill('#ffffff');
  doc.fillColor('#000000');
  for (let row = 0; row < matrix.size; row++) {
    // One rectangle per horizontal run of dark modules keeps the page small.
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark(row, col)) col++;
      doc.rect(x + (quiet + start) * unit, y + (quiet + row) * unit, (col - start) * unit, unit);
    }
  }
  doc.fill();
  doc.restore();
}
