import type { Context } from '../graphql/context';
import { globalId, type NodeKind, type NodeValue } from '../graphql/global-id';
import { codePrefix, tryParseCode, type RegionLevel } from './region-code';
import type { ProgramScope } from './region.types';

/**
 * Global ids of the register's four levels (see src/graphql/global-id.ts). A region reached through a
 * program answers for that program (its kabupatens are the loci, its villages the enrolled ones),
 * so it is another object than the national one and gets its own id, `Program:<id>:Province:64`:
 * a client cache keyed by id then never mixes a program's Province 64 with the nation's.
 */

export type RegionType = 'Province' | 'Kabupaten' | 'District' | 'Village';

export const REGION_LEVELS: Readonly<Record<RegionType, RegionLevel>> = {
  Province: 'province',
  Kabupaten: 'kabupaten',
  District: 'district',
  Village: 'village',
};

/** The kind of ids of regions seen through a program (whose keys are the program's, then the region's). */
export const PROGRAM_KIND = 'Program';

/** The id of a region row: national, or within the program of its scope. */
export function regionId(type: RegionType, row: { code: string; scope?: ProgramScope }): string {
  return row.scope ? globalId(PROGRAM_KIND, row.scope.programId, type, row.code) : globalId(type, row.code);
}

/** The dotted code of a region id's key, or undefined for anything but the canonical code the API hands out. */
export function regionKey(type: RegionType, key: string): string | undefined {
  const code = tryParseCode(key, REGION_LEVELS[type]);
  return code === key ? code : undefined;
}

/** A region row by its dotted code, national; null when the register has none (an alias is not an id). */
export async function loadRegion(type: RegionType, code: string, context: Context): Promise<NodeValue | null> {
  const loaders = context.loaders.region;
  const loader = { Province: loaders.province, Kabupaten: loaders.kabupaten, District: loaders.district, Village: loaders.village }[type];
  const row = await loader.load(code);
  return row && row.code === code ? { type, value: row } : null;
}

/**
 * Whether a program's navigation reaches a province, kabupaten or kecamatan: a province holding one
 * of its loci, a locus, a kecamatan holding one of its enrolled villages (what `Program.provinces`,
 * `Province.kabupatens` and `Kabupaten.districts` list inside a program). Villages are the
 * program domain's to judge (enrolment).
 */
export async function programReaches(type: Exclude<RegionType, 'Village'>, code: string, programId: number, context: Context): Promise<boolean> {
  const loaders = context.loaders.region;
  if (type === 'Province') return (await loaders.kabupatensOfProvince(programId).load(code)).length > 0;
  if (type === 'Kabupaten') return (await loaders.kabupatensOfProvince(programId).load(codePrefix(code, 1))).some((k) => k.code === code);
  return (await loaders.districtsOfKabupaten(programId).load(codePrefix(code, 2))).some((d) => d.code === code);
}

function regionKind(type: RegionType): NodeKind {
  return {
    kind: type,
    load: (keys, context) =>
      Promise.all(
        keys.map(([key, ...rest]) => {
          const code = rest.length === 0 ? regionKey(type, key!) : undefined;
          return code === undefined ? null : loadRegion(type, code, context);
        }),
      ),
  };
}

/** National regions' ids; those seen through a program are the program domain's (program.nodes.ts). */
export const regionNodeKinds: NodeKind[] = (['Province', 'Kabupaten', 'District', 'Village'] as const).map(regionKind);
