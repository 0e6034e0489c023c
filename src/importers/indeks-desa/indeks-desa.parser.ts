import type { IndeksDesaFormat, IndeksDesaMalformedRow, IndeksDesaRecord } from '../../indeks-desa/indeks-desa-record';
import { layoutFromHeader as idmLayoutFromHeader } from '../idm/spreadsheet.mappers';
import { withInputFile, type InputFile } from '../sheet/input-file';
import { readSheet, type RowSink } from '../sheet/sheet-reader';
import { LongMapper, longLayoutFromHeader } from './long.mapper';
import { WideMapper, wideLayoutFromHeader, type IndeksDesaLayoutOptions } from './wide.mapper';

/**
 * An Indeks Desa sheet, CSV or XLSX, in either layout dinas share: the one sheet reader
 * (importers/sheet) with the wide and the long mapper, the layout recognised from the header row,
 * never from the file name.
 */

export interface IndeksDesaParseResult {
  records: IndeksDesaRecord[];
  malformed: IndeksDesaMalformedRow[];
}

export interface IndeksDesaParseOptions extends IndeksDesaLayoutOptions {
  onProgress?: (rowsSoFar: number) => void;
}

/** The file holds no Indeks Desa sheet (or cannot be read as one); the importer reports the file as a whole. */
export class IndeksDesaFormatError extends Error {
  override name = 'IndeksDesaFormatError';
}

/** Parses an opened Indeks Desa sheet; see parseIndeksDesaFile. */
export async function readIndeksDesaSheet(input: InputFile, options: IndeksDesaParseOptions = {}): Promise<IndeksDesaParseResult & { formats: IndeksDesaFormat[] }> {
  const out: IndeksDesaParseResult = { records: [], malformed: [] };
  const longMappers: LongMapper[] = [];
  const formats: IndeksDesaFormat[] = [];
  if (!input.isZip && input.head.includes(0)) throw new IndeksDesaFormatError(`${input.path}: not an Indeks Desa sheet (a binary file that is not XLSX)`);
  const read = await readSheet(input, {
    onProgress: options.onProgress,
    header: (header, dialect): RowSink | { error: string } => {
      const wide = wideLayoutFromHeader(header, options);
      if ('layout' in wide) {
        formats.push('indeks-desa-wide');
        return new WideMapper(wide.layout, header, dialect, out);
      }
      const long = longLayoutFromHeader(header, options);
      if ('layout' in long) {
        formats.push('indeks-desa-long');
        const mapper = new LongMapper(long.layout, header, dialect, out);
        longMappers.push(mapper);
        return mapper;
      }
      // The other family's sheet is a common slip; say so rather than list what is missing.
      const idm = idmLayoutFromHeader(header);
      if ('layout' in idm) return { error: `an IDM spreadsheet (${idm.layout.format}, ${idm.layout.year}), not the Indeks Desa: import it with npm run import:idm` };
      return { error: `${wide.error}; ${long.error}` };
    },
  }).catch((error: Error) => {
    throw new IndeksDesaFormatError(error.message);
  });
  if (read.sheets === 0) {
    throw new IndeksDesaFormatError(
      `${input.path}: no header row matches an Indeks Desa layout (wide: KODE DESA, LAYANAN DASAR, SOSIAL, EKONOMI, LINGKUNGAN, AKSESIBILITAS, ` +
        `TATA KELOLA PEMERINTAH, SKOR INDEKS DESA, INDEKS DESA (ID <year>) or STATUS; long: region_code, item, value)` +
        (read.reasons.length > 0 ? `: ${read.reasons.join(' | ')}` : ''),
    );
  }
  for (const mapper of longMappers) mapper.finish();
  // Long-layout desa come out when their sheet ends and unreadable CSV records when the parser gives
  // up on them: order everything by where it sits, as a person reads the file.
  const bySource = (a: { source: { file: string; line: number } }, b: { source: { file: string; line: number } }): number =>
    (a.source.file < b.source.file ? -1 : a.source.file > b.source.file ? 1 : 0) || a.source.line - b.source.line;
  out.records.sort(bySource);
  out.malformed.sort(bySource);
  return { ...out, formats };
}

/**
 * Parses an Indeks Desa sheet (CSV or XLSX, either layout) into records. Bad rows are returned in
 * `malformed` with their line and column; throws IndeksDesaFormatError when the file cannot be read
 * or no header row matches a layout.
 */
export async function parseIndeksDesaFile(file: string, options: IndeksDesaParseOptions = {}): Promise<IndeksDesaParseResult & { formats: IndeksDesaFormat[] }> {
  try {
    return await withInputFile(file, (input) => readIndeksDesaSheet(input, options));
  } catch (error) {
    if (error instanceof IndeksDesaFormatError) throw error;
    throw new IndeksDesaFormatError((error as Error).message);
  }
}
