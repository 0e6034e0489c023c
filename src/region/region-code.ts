import { BadUserInputError } from '../errors';
import { KabupatenKind, VillageKind } from './region.enums';

/**
 * Kemendagri region codes. The dotted form (`64.02.08.2005`) is the natural key; Kemendes data use
 * the same digits without dots (`6402082005`). Every code argument accepts both forms.
 */
export type RegionLevel = 'province' | 'kabupaten' | 'district' | 'village';

const SEGMENTS: Record<RegionLevel, number[]> = {
  province: [2],
  kabupaten: [2, 2],
  district: [2, 2, 2],
  village: [2, 2, 2, 4],
};

const EXAMPLE: Record<RegionLevel, string> = {
  province: '64',
  kabupaten: '64.02 or 6402',
  district: '64.02.08 or 640208',
  village: '64.02.08.2005 or 6402082005',
};

/** The dotted code for `input` at `level`, or `undefined` when it is not such a code. */
export function tryParseCode(input: string, level: RegionLevel): string | undefined {
  const widths = SEGMENTS[level];
  const text = input.trim();
  const parts = text.includes('.') ? text.split('.') : splitUndotted(text, widths);
  if (!parts || parts.length !== widths.length) return undefined;
  for (let i = 0; i < widths.length; i++) {
    if (parts[i]!.length !== widths[i] || !/^\d+$/.test(parts[i]!)) return undefined;
  }
  return parts.join('.');
}

function splitUndotted(text: string, widths: number[]): string[] | undefined {
  if (!/^\d+$/.test(text) || text.length !== widths.reduce((a, b) => a + b, 0)) return undefined;
  const parts: string[] = [];
  let at = 0;
  for (const w of widths) {
    parts.push(text.slice(at, at + w));
    at += w;
  }
  return parts;
}

/** Like `tryParseCode`, but a malformed code is a BAD_USER_INPUT error naming the argument. */
export function parseCode(input: string, level: RegionLevel, argument = 'code'): string {
  const code = tryParseCode(input, level);
  if (code === undefined) {
    throw new BadUserInputError(`${argument} "${input}" is not a ${level} code: expected ${EXAMPLE[level]}`, { argument, level });
  }
  return code;
}

/**
 * Most codes one list filter takes. A frontend's saved selection or enrolled list is tens to a few
 * hundred desa; 500 is also the largest page (MAX_PAGE_SIZE), so one page can hold them all.
 */
export const MAX_CODES = 500;

const LEVELS: RegionLevel[] = ['province', 'kabupaten', 'district', 'village'];

/**
 * A list of codes of one level, dotted or compact, as their dotted forms without repeats.
 * BAD_USER_INPUT when there are more than MAX_CODES, or naming every code that is not of `level`
 * (saying which level it is, when it is a code of another one). Whether the register holds them is
 * not checked: unknown codes simply match nothing.
 */
export function parseCodes(inputs: readonly string[], level: RegionLevel, argument = 'codes'): string[] {
  return readList(inputs, level, argument, tryParseCode, (code) => code, EXAMPLE);
}

/**
 * Reads every input with `read`, once each (by `key`); BAD_USER_INPUT past MAX_CODES or naming the
 * inputs `read` refuses, the first ten of them, each with the level it does belong to when it is a
 * code of another one.
 */
function readList<T>(
  inputs: readonly string[],
  level: RegionLevel,
  argument: string,
  read: (input: string, level: RegionLevel) => T | undefined,
  key: (value: T) => string,
  example: Record<RegionLevel, string>,
): T[] {
  if (inputs.length > MAX_CODES) {
    throw new BadUserInputError(`${argument} may hold at most ${MAX_CODES} codes, got ${inputs.length}; split the list over several requests`, {
      argument,
      max: MAX_CODES,
      actual: inputs.length,
    });
  }
  const values = new Map<string, T>();
  const invalid: string[] = [];
  for (const input of inputs) {
    const value = read(input, level);
    if (value === undefined) invalid.push(input);
    else values.set(key(value), value);
  }
  if (invalid.length) {
    const shown = invalid.slice(0, 10).map((input) => {
      const other = LEVELS.find((l) => l !== level && read(input, l) !== undefined);
      return other ? `"${input}" (a ${other} code)` : `"${input}"`;
    });
    const more = invalid.length > shown.length ? ` and ${invalid.length - shown.length} more` : '';
    throw new BadUserInputError(`${argument}: ${shown.join(', ')}${more} ${invalid.length === 1 ? 'is not a' : 'are not'} ${level} code${invalid.length === 1 ? '' : 's'}: expected ${example[level]}`, {
      argument,
      level,
      invalid: invalid.slice(0, 10),
    });
  }
  return [...values.values()];
}

/**
 * BPS codes (Badan Pusat Statistik: SDGs Desa, Podes, Susenas) number the same regions with digits
 * only, 2, 4, 7 and 10 of them by level, and differ from Kemendagri's at every level (BPS `7201` is
 * Kemendagri `72.07`). Province and kabupaten BPS codes have the shape of compact Kemendagri codes,
 * and so do village ones: which region a string names is told by the register, never by its shape.
 */
export const BPS_DIGITS: Record<RegionLevel, number> = { province: 2, kabupaten: 4, district: 7, village: 10 };

/** `input` trimmed when it has the shape of a BPS code of `level`, else `undefined`. */
export function tryParseBpsCode(input: string, level: RegionLevel): string | undefined {
  const text = input.trim();
  return text.length === BPS_DIGITS[level] && /^\d+$/.test(text) ? text : undefined;
}

/** The level a BPS code's length says, or `undefined` for a string that is no BPS code. */
export function bpsLevelOf(code: string): RegionLevel | undefined {
  return /^\d+$/.test(code) ? LEVELS.find((level) => BPS_DIGITS[level] === code.length) : undefined;
}

/**
 * A code argument read both ways it can be meant: as a Kemendagri code (dotted) and as a BPS code,
 * either `null` when the string cannot be one. "7201030008" is both: Kemendagri `72.01.03.0008`
 * and the BPS code "7201030008". The register decides (see `codeNamedSql` in region.repository.ts):
 * the Kemendagri reading when the register holds that code (or a code a desa was published under),
 * else the region whose BPS code it is.
 */
export interface CodeReading {
  kemendagri: string | null;
  bps: string | null;
}

const ANY_EXAMPLE: Record<RegionLevel, string> = {
  province: '64 (Kemendagri or BPS)',
  kabupaten: '64.02 or 6402 (Kemendagri), or a 4-digit BPS code',
  district: '64.02.08 or 640208 (Kemendagri), or a 7-digit BPS code such as 6402080',
  village: '64.02.08.2005 or 6402082005 (Kemendagri), or a 10-digit BPS code',
};

/** Both readings of `input` at `level`, or `undefined` when it is neither a Kemendagri nor a BPS code. */
export function tryReadCode(input: string, level: RegionLevel): CodeReading | undefined {
  const kemendagri = tryParseCode(input, level) ?? null;
  const bps = tryParseBpsCode(input, level) ?? null;
  return kemendagri === null && bps === null ? undefined : { kemendagri, bps };
}

/** Like `tryReadCode`, but a string that is no code of `level` either way is BAD_USER_INPUT naming the argument. */
export function readCode(input: string, level: RegionLevel, argument = 'code'): CodeReading {
  const reading = tryReadCode(input, level);
  if (!reading) {
    throw new BadUserInputError(`${argument} "${input}" is not a ${level} code: expected ${ANY_EXAMPLE[level]}`, { argument, level });
  }
  return reading;
}

/** A list of code arguments read as `readCode` reads one, without repeats; refused as `parseCodes` refuses. */
export function readCodes(inputs: readonly string[], level: RegionLevel, argument = 'codes'): CodeReading[] {
  return readList(inputs, level, argument, tryReadCode, (r) => `${r.kemendagri ?? ''}|${r.bps ?? ''}`, ANY_EXAMPLE);
}

/** The Kemendes form of a code: its digits without dots. */
export function compactCode(code: string): string {
  return code.replaceAll('.', '');
}

/** The first `segments` dotted parts of a code: `parentCode('64.02.08.2005', 2) === '64.02'`. */
export function codePrefix(code: string, segments: number): string {
  return code.split('.').slice(0, segments).join('.');
}

/** True when the dotted `code` lies in (or is) one of the dotted `regions` ("64", "72.10"). */
export function withinRegions(code: string, regions: readonly string[]): boolean {
  return regions.some((region) => code === region || code.startsWith(`${region}.`));
}

export function villageKindOf(code: string): VillageKind | undefined {
  switch (code.charAt(code.length - 4)) {
    case '1':
      return VillageKind.KELURAHAN;
    case '2':
      return VillageKind.DESA;
    case '3':
      return VillageKind.DESA_ADAT;
    default:
      return undefined;
  }
}

export function kabupatenKindOf(name: string): KabupatenKind {
  return /^kota\b/i.test(name.trim()) ? KabupatenKind.KOTA : KabupatenKind.KABUPATEN;
}

/**
 * Folding used for name search: lower case, diacritics removed, punctuation and runs of spaces
 * turned into single spaces, quotes dropped, so "Soka'an", "SOKAAN" and "sokáan" meet. Stored beside each name by the importer and
 * applied to every search string.
 */
/** Longest name search accepted: village names stay under 60 characters, and a longer pattern only costs SQL time. */
export const MAX_SEARCH_LENGTH = 100;

/** A name search argument, folded with searchKey; BAD_USER_INPUT when longer than MAX_SEARCH_LENGTH. */
export function searchArgument(text: string, argument: string): string {
  if (text.length > MAX_SEARCH_LENGTH) {
    throw new BadUserInputError(`${argument} may be at most ${MAX_SEARCH_LENGTH} characters, got ${text.length}; search by part of the name`, {
      argument,
      max: MAX_SEARCH_LENGTH,
    });
  }
  return searchKey(text);
}

export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['"`\u2018\u2019\u201c\u201d]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
