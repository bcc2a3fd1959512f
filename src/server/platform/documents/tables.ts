/**
 * Tables: the borderless two-column layout tables of the header and the signatures, and the
 * bordered data tables of the body, whose header rows repeat on every page.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type ITableBordersOptions,
} from 'docx';
import { runs, SIZES } from './layout.js';
import type { Inline, TableColumn } from './spec.js';

/** Left and right padding of every cell (Word's default, 0.19 cm). */
export const CELL_PADDING = 108;

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID_BORDERS = { top: THIN, bottom: THIN, left: THIN, right: THIN, insideHorizontal: THIN, insideVertical: THIN };

const ALIGNMENTS = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function fixedTable(widths: number[], rows: TableRow[], borders: ITableBordersOptions): Table {
  return new Table({
    width: { size: sum(widths), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 0, bottom: 0 },
    borders,
    rows,
  });
}

/**
 * A layout table: fixed columns, no borders, rows kept on one page; `rows` holds each row's cells,
 * each cell its paragraphs, set at the top of the cell.
 */
export function borderlessTable(widths: number[], rows: Paragraph[][][]): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.TOP,
      children: children.length ? children : [new Paragraph({})],
    });
  const tableRows = rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((children, i) => cell(children, widths[i])) }));
  return fixedTable(widths, tableRows, TableBorders.NONE);
}

/** Relative widths shared out over `total` twips (the last column takes the rounding). */
export function shareWidths(weights: number[], total: number): number[] {
  const widths = weights.map((w) => Math.floor((w / sum(weights)) * total));
  widths[widths.length - 1] += total - sum(widths);
  return widths;
}

interface CellOptions {
  width: number;
  size: number;
  bold?: boolean;
  align?: TableColumn['align'];
  columnSpan?: number;
  rowSpan?: number;
}

function gridCell(text: Inline, { width, size, bold, align = 'left', columnSpan, rowSpan }: CellOptions): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40 },
    columnSpan,
    rowSpan,
    children: [new Paragraph({ alignment: ALIGNMENTS[align], children: runs(text, { size, bold }) })],
  });
}

/**
 * The header row; with column groups, two rows: each group's name merged over its columns, and
 * the columns outside a group merged down over both rows.
 */
function headerRows(columns: TableColumn[], widths: number[], size: number): TableRow[] {
  const head = (text: string, width: number, span: Partial<CellOptions> = {}) => gridCell(text, { width, size, bold: true, align: 'center', ...span });
  const top: TableCell[] = [];
  const bottom: TableCell[] = [];
  for (let i = 0; i < columns.length; ) {
    const group = columns[i].group;
    let end = i + 1;
    while (group && end < columns.length && columns[end].group === group) end += 1;
    if (!group) {
      top.push(head(columns[i].header, widths[i], { rowSpan: columns.some((c) => c.group) ? 2 : undefined }));
    } else {
      top.push(head(group, sum(widths.slice(i, end)), { columnSpan: end - i }));
      for (let k = i; k < end; k++) bottom.push(head(columns[k].header, widths[k]));
    }
    i = end;
  }
  return [top, bottom].filter((cells) => cells.length).map((children) => new TableRow({ tableHeader: true, cantSplit: true, children }));
}

/** A bordered data table across `total` twips; its header rows repeat on every page, no row is split. */
export function dataTable(columns: TableColumn[], rows: Inline[][], total: number, size: number = SIZES.table): Table {
  const widths = shareWidths(columns.map((c) => c.width), total);
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: columns.map((column, i) => gridCell(row[i] ?? '', { width: widths[i], size, align: column.align })),
      }),
  );
  return fixedTable(widths, [...headerRows(columns, widths, size), ...body], GRID_BORDERS);
}
