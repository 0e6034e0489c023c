import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RawRowVisitor } from './csv-rows';

/**
 * The rows of every worksheet of an XLSX workbook as text cells, streamed: a 75,000-row sheet is
 * never held as a whole. Cells become what a CSV export of the sheet would hold.
 */

/** ExcelJS cell values flattened to text; formulas give their cached result. */
export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const v = value as { richText?: unknown; result?: unknown; text?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((run: { text?: unknown }) => (typeof run.text === 'string' ? run.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v || 'result' in v) return xlsxCellText(v.result);
    if ('text' in v) return xlsxCellText(v.text); // hyperlink
    if (typeof v.error === 'string') return v.error; // #N/A, #VALUE!: then refused as "not a number"
  }
  return String(value);
}

/** Row.values is 1-based and sparse (index 0 unused, blanks are holes); make it a dense 0-based array. */
function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values;
  if (!Array.isArray(values)) return [];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(xlsxCellText(values[i]));
  return cells;
}

function sheetName(sheet: ExcelJS.stream.xlsx.WorksheetReader): string {
  // The streaming reader sets `name` from workbook.xml, but its type declarations omit it.
  const name = (sheet as unknown as { name?: unknown }).name;
  return typeof name === 'string' ? name : 'sheet';
}

/** Hands every row of every worksheet to the visitor, sheet by sheet, with its row number as line. */
export async function visitXlsx(input: Readable, visitor: RawRowVisitor): Promise<void> {
  // Styles and hyperlinks are not needed; shared strings are (most text cells use them).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    let index = 0;
    for await (const sheet of reader) {
      visitor.sheet(sheetName(sheet), index++);
      let skipping = false;
      for await (const row of sheet) {
        // A sheet that is not data (notes, pivot tables) is drained without looking: the stream must go on.
        if (skipping) continue;
        const verdict = visitor.row(rowCells(row), row.number);
        if (verdict === 'stop') return;
        if (verdict === 'skip-sheet') skipping = true;
      }
    }
  } finally {
    input.destroy();
  }
}
