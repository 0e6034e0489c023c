/**
 * Which register desa a published record is about. Kemendes files print a village code and the
 * names of the desa, its kecamatan and its kabupaten; both can be wrong, and codes get renumbered.
 * Pure functions over register rows (register-rows.ts loads them), shared by every importer, the
 * live sync and the mutations, so a record lands on the same desa whichever way it comes in.
 *
 * The code is trusted first: a code the register has, in a kabupaten whose name agrees, is that
 * desa whatever the desa name says (a 2022 API response naming the neighbouring "… III" keeps its
 * "… II" code, and the difference becomes a NAME_MISMATCH warning). Names decide only where the
 * code cannot: a code the register lacks, or one whose kabupaten was renumbered (the record's
 * kabupaten name sits at another register code), or, in a batch, one whose desa another record of
 * the same year names (the numbering moved: see `matchAll`). Then, in the named kabupaten, the
 * first rule that finds exactly one desa wins:
 *  1. NAMES: kecamatan and desa names agree;
 *  2. NEAR_NAME: same kecamatan and desa number, the desa name one edit away ("Waninggap Sai" for
 *     "Waninggap Say");
 *  3. DISTRICT_SPLIT: the kecamatan was split and the record still names the old one, a prefix of
 *     the new one's name ("Kota Bangun" for "Kota Bangun Darat");
 *  4. KABUPATEN_NAME: the only desa of that name in the kabupaten.
 * Names are compared without case, accents, punctuation, spaces or the prefixes "Desa Adat",
 * "Kampung Adat" and "Kampung" ("AYAPO" is "Desa Adat Ayapo"). Kelurahan are never matched by name.
 */
import { searchKey } from './region-code';
import { VillageKind } from './region.enums';

/** A village of the register with the names of its kecamatan and kabupaten. */
export interface RegisterVillage {
  /** Dotted code, "64.02.19.2005". */
  code: string;
  name: string;
  kind: VillageKind;
  districtCode: string;
  districtName: string;
  kabupatenCode: string;
  kabupatenName: string;
}

export interface RegisterKabupaten {
  code: string;
  name: string;
}

/** A village as a source publishes it. */
export interface PublishedIdentity {
  /** The published code in dotted form (already known to be well formed). */
  code: string;
  /** Published names, where the source has them (files do; mutations do not). */
  names: { kabupaten?: string; district?: string; village?: string };
}

/** The rule that placed a record. Every rule but CODE moves it away from its published code. */
export enum MatchRule {
  /** Its own code, in a kabupaten whose name agrees (or no kabupaten name published). */
  CODE = 'CODE',
  /** A code the register lacks, remembered from an earlier import that matched it by names. */
  ALIAS = 'ALIAS',
  NAMES = 'NAMES',
  NEAR_NAME = 'NEAR_NAME',
  DISTRICT_SPLIT = 'DISTRICT_SPLIT',
  KABUPATEN_NAME = 'KABUPATEN_NAME',
}

/** Something worth a look that did not stop the record. */
export enum MatchWarning {
  /** Kept on its code although a published name (desa, or a kabupaten the register does not know) differs. */
  NAME_MISMATCH = 'NAME_MISMATCH',
}

export type MatchResult =
  | { village: RegisterVillage; rule: MatchRule; warning: { reason: MatchWarning; message: string } | null }
  | { village: null; message: string };

/**
 * Folds names once each: a national file repeats a few thousand kecamatan and kabupaten names 75,000
 * times, and Unicode normalisation is the costly part of matching it.
 */
function memo(fold: (name: string) => string, limit = 50_000): (name: string | undefined) => string {
  const cache = new Map<string, string>();
  return (name) => {
    const text = name ?? '';
    let key = cache.get(text);
    if (key === undefined) {
      key = fold(text);
      if (cache.size >= limit) cache.clear();
      cache.set(text, key);
    }
    return key;
  };
}

/** A desa name folded for comparison: "DESA ADAT AYAPO", "Ayapo" and "ayapo" agree. Desa names barely repeat: no memo. */
export function nameKey(name: string | undefined): string {
  return searchKey(name ?? '')
    .replace(/^(desa adat|kampung adat|kampung) (?=\S)/, '')
    .replaceAll(' ', '');
}

/** A kecamatan name folded for comparison (no prefixes dropped: "Kampung Laut" is a kecamatan). */
export const districtKey = memo((name) => searchKey(name).replaceAll(' ', ''));

/**
 * A kabupaten name folded for comparison: "KAB. SORONG" and "Kabupaten Sorong" agree, "KOTA SORONG"
 * does not; "KEP." is Kepulauan, as the 2024 file abbreviates it.
 */
export const kabupatenKey = memo((name) =>
  searchKey(name)
    .replace(/^(kabupaten|kab) (?=\S)/, '')
    .replace(/^kep (?=\S)/, 'kepulauan ')
    .replaceAll(' ', ''),
);

/** searchKey, folded once per distinct kecamatan name. */
const districtWords = memo(searchKey);

/** True when one insertion, deletion or substitution (or none) turns `a` into `b`. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  // Past the first difference the rest must agree, skipping one character of the longer (or one of each).
  return short.length === long.length ? short.slice(i + 1) === long.slice(i + 1) : short.slice(i) === long.slice(i + 1);
}

/** Codes of the register kabupaten that a record's kabupaten name names, for loading their villages. */
export function kabupatensNamed(kabupatens: readonly RegisterKabupaten[], identities: readonly PublishedIdentity[]): string[] {
  const wanted = new Set(identities.map((i) => kabupatenKey(i.names.kabupaten)).filter(Boolean));
  return kabupatens.filter((k) => wanted.has(kabupatenKey(k.name))).map((k) => k.code);
}

/** A register village with its names folded once. */
interface Keyed {
  row: RegisterVillage;
  nameKey: string;
  districtKey: string;
  /** The kecamatan name folded but with its word breaks, for the split rule's prefix. */
  districtWords: string;
  /** The 4-digit desa number. */
  number: string;
}

/** A published identity with its names folded once. */
interface Published {
  identity: PublishedIdentity;
  /** Register codes of the kabupaten its kabupaten name names. */
  named: readonly string[];
  desa: string;
  district: string;
}

/** The register rows a batch needs, indexed for matching. */
export class Register {
  private readonly byCode = new Map<string, Keyed>();
  private readonly kabupatenCodes = new Map<string, string[]>();
  /** Desa and desa adat of each loaded kabupaten: the pool names are matched in. */
  private readonly desaOf = new Map<string, Keyed[]>();
  /** The same desa by kabupaten code, kecamatan and desa name keys, for the exact-names lookups of a batch. */
  private readonly byNameKeys = new Map<string, Keyed[]>();
  private readonly aliases: Map<string, string>;

  /**
   * @param kabupatens every kabupaten of the register (514 rows), to tell a renumbered kabupaten.
   * @param villages the villages of the published codes and of every kabupaten the records name.
   * @param aliases published code → register code, learnt from earlier name matches.
   */
  constructor(kabupatens: readonly RegisterKabupaten[], villages: readonly RegisterVillage[], aliases: Iterable<[string, string]> = []) {
    for (const k of kabupatens) push(this.kabupatenCodes, kabupatenKey(k.name), k.code);
    for (const row of villages) {
      if (this.byCode.has(row.code)) continue;
      const keyed: Keyed = { row, nameKey: nameKey(row.name), districtKey: districtKey(row.districtName), districtWords: districtWords(row.districtName), number: row.code.slice(-4) };
      this.byCode.set(row.code, keyed);
      if (row.kind === VillageKind.KELURAHAN) continue;
      push(this.desaOf, row.kabupatenCode, keyed);
      push(this.byNameKeys, `${row.kabupatenCode}|${keyed.districtKey}|${keyed.nameKey}`, keyed);
    }
    this.aliases = new Map(aliases);
  }

  /** True when the register itself uses `code` (a name match on it must not become an alias). */
  knows(code: string): boolean {
    return this.byCode.has(code);
  }

  /** The register desa a published identity is, by the rules at the top of this module. */
  match(identity: PublishedIdentity): MatchResult {
    return this.matchOne(this.fold(identity));
  }

  /**
   * Matches a batch (a file, a sync): each identity by `match`, except that a code whose desa name
   * differs follows its names when the batch itself shows the numbering moved, that is when another
   * record of the same year names the desa this code points to. Kabupaten Sorong's 2024 codes are
   * such a case: Makbon's desa are numbered one or two apart from the register (96.01.01.2004 is
   * Malaumkarta in the file, Batu Lubang in the register, whose record comes as 96.01.01.2005). A
   * record whose names then match no desa is rejected rather than left on a desa that has its own
   * record. A response that merely names its neighbour ("… III" for "… II") has no such witness and
   * keeps its code.
   */
  matchAll(items: readonly { identity: PublishedIdentity; year: number }[]): MatchResult[] {
    const published = items.map((item) => this.fold(item.identity));
    const results = published.map((p) => this.matchOne(p));
    const claimed = new Map<string, number>();
    published.forEach((p, i) => {
      const target = this.exactNames(p);
      if (target) claimed.set(`${target.row.code}|${items[i]!.year}`, i);
    });
    return results.map((result, i) => {
      if (!result.village || result.rule !== MatchRule.CODE || result.warning?.reason !== MatchWarning.NAME_MISMATCH) return result;
      const claimant = claimed.get(`${result.village.code}|${items[i]!.year}`);
      if (claimant === undefined || claimant === i) return result;
      const { identity } = items[i]!;
      return (
        this.byNames(published[i]!, [result.village.kabupatenCode]) ?? {
          village: null,
          message: `village code ${identity.code} is ${result.village.name} in the register, whose record in this batch is another (${describe(items[claimant]!.identity.names)}), and ${describe(identity.names)} match no single desa`,
        }
      );
    });
  }

  private fold(identity: PublishedIdentity): Published {
    const { kabupaten, district, village } = identity.names;
    return {
      identity,
      named: kabupaten ? (this.kabupatenCodes.get(kabupatenKey(kabupaten)) ?? []) : [],
      desa: nameKey(village),
      district: districtKey(district),
    };
  }

  private matchOne(p: Published): MatchResult {
    const { code, names } = p.identity;
    const own = this.byCode.get(code);
    if (own) {
      if (!names.kabupaten || p.named.includes(own.row.kabupatenCode)) return this.kept(p, own, MatchRule.CODE);
      if (p.named.length === 0) {
        // A kabupaten name the register does not know is a spelling, not a renumbering: the code stands.
        return {
          village: own.row,
          rule: MatchRule.CODE,
          warning: { reason: MatchWarning.NAME_MISMATCH, message: `published kabupaten ${names.kabupaten} differs from the register's ${own.row.kabupatenName}` },
        };
      }
      return (
        this.byNames(p, p.named) ?? {
          village: null,
          message: `village code ${code} is ${own.row.name} in ${own.row.kabupatenName} in the register, but the record names ${names.kabupaten} (register ${p.named.join(', ')}), where ${describe(names)} match no single desa`,
        }
      );
    }
    const alias = this.byCode.get(this.aliases.get(code) ?? '');
    if (alias) return this.kept(p, alias, MatchRule.ALIAS);
    const found = p.named.length ? this.byNames(p, p.named) : null;
    if (found) return found;
    const published = describe(names);
    return { village: null, message: `village code ${code} is not in the register${published ? ` and ${published} match no single desa` : ''}` };
  }

  /** The one desa whose kabupaten, kecamatan and desa names are the record's, if exactly one. */
  private exactNames(p: Published): Keyed | null {
    if (!p.desa || !p.district) return null;
    const found = p.named.flatMap((k) => this.byNameKeys.get(`${k}|${p.district}|${p.desa}`) ?? []);
    return found.length === 1 ? found[0]! : null;
  }

  /** Matched on its code (or alias): a differing desa name is reported, not acted on. */
  private kept(p: Published, village: Keyed, rule: MatchRule): MatchResult {
    const published = p.identity.names.village;
    const differs = p.desa !== '' && p.desa !== village.nameKey;
    return {
      village: village.row,
      rule,
      warning: differs ? { reason: MatchWarning.NAME_MISMATCH, message: `published desa name ${published} differs from the register's ${village.row.name}` } : null,
    };
  }

  private byNames(p: Published, kabupatenCodes: readonly string[]): MatchResult | null {
    const { desa, district } = p;
    if (!desa) return null;
    // "Kota Bangun" is the start of "Kota Bangun Darat"; "Kota Bang" is not the start of a name.
    const splitPrefix = `${districtWords(p.identity.names.district)} `;
    const number = p.identity.code.slice(-4);
    const pool = kabupatenCodes.flatMap((k) => this.desaOf.get(k) ?? []);
    const rules: [MatchRule, (v: Keyed) => boolean][] = [
      [MatchRule.NAMES, (v) => district !== '' && v.districtKey === district && v.nameKey === desa],
      [MatchRule.NEAR_NAME, (v) => district !== '' && v.districtKey === district && v.number === number && withinOneEdit(v.nameKey, desa)],
      [MatchRule.DISTRICT_SPLIT, (v) => district !== '' && v.districtWords.startsWith(splitPrefix) && v.nameKey === desa],
      [MatchRule.KABUPATEN_NAME, (v) => v.nameKey === desa],
    ];
    for (const [rule, test] of rules) {
      const found = pool.filter(test);
      if (found.length === 1) return { village: found[0]!.row, rule, warning: null };
    }
    return null;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** "its names (KUTAI KARTANEGARA / KOTA BANGUN / SUMBER SARI)", or '' when none were published. */
function describe(names: PublishedIdentity['names']): string {
  const given = [names.kabupaten, names.district, names.village].filter((n) => n && n.trim() !== '');
  return given.length ? `its names (${given.join(' / ')})` : '';
}

/** One record placed on a register desa, for the one-record-per-desa-year rule. */
export interface Placement {
  index: number;
  /** Register code the record landed on. */
  villageCode: string;
  year: number;
  /** Landed away from its published code (any rule but CODE). */
  remapped: boolean;
}

export interface PlacementConflict {
  index: number;
  reason: 'DUPLICATE' | 'REMAP_CONFLICT';
  /** The record it gave way to, when in the same batch. */
  otherIndex: number | null;
}

/**
 * A record never replaces another desa's own record of the same year. Per desa-year, the first
 * record published under that desa's own code wins and later ones are DUPLICATE; a remapped record
 * landing there is a REMAP_CONFLICT, as is one landing on a desa-year already stored under the
 * desa's own code (`storedOwn`). Among remapped records alone, the first wins.
 */
export function placementConflicts(placements: readonly Placement[], storedOwn: (villageCode: string, year: number) => boolean): PlacementConflict[] {
  const groups = new Map<string, Placement[]>();
  for (const p of placements) push(groups, `${p.villageCode}|${p.year}`, p);
  const conflicts: PlacementConflict[] = [];
  for (const group of groups.values()) {
    if (group.length === 1 && (!group[0]!.remapped || !storedOwn(group[0]!.villageCode, group[0]!.year))) continue;
    const sorted = [...group].sort((a, b) => a.index - b.index);
    const own = sorted.find((p) => !p.remapped);
    const winner = own ?? (storedOwn(sorted[0]!.villageCode, sorted[0]!.year) ? null : sorted[0]!);
    for (const p of sorted) {
      if (p === winner) continue;
      const ownerIsHere = own !== undefined;
      conflicts.push({
        index: p.index,
        reason: p.remapped && (ownerIsHere || winner === null) ? 'REMAP_CONFLICT' : 'DUPLICATE',
        otherIndex: winner?.index ?? null,
      });
    }
  }
  return conflicts.sort((a, b) => a.index - b.index);
}
