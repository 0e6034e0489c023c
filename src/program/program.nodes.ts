import type { Context } from '../graphql/context';
import type { NodeKind, NodeValue } from '../graphql/global-id';
import { loadRegion, programReaches, PROGRAM_KIND, REGION_LEVELS, regionKey, type RegionType } from '../region/region.nodes';

/**
 * Global ids of programs, their loci and enrolments, and of regions seen through a program (see
 * src/graphql/global-id.ts and src/region/region.nodes.ts). Programs are keyed by their database id: it
 * never changes nor is reused, while the slug is only a name operators could one day edit.
 *
 * - `Program:3` — the program;
 * - `Program:3:Province:64` — Province 64 as the program sees it (also Kabupaten, District, Village);
 * - `ProgramLocus:3:64.02` — the locus of kabupaten 64.02 in program 3;
 * - `Enrolment:3:64.02.08.2005` — that village's enrolment in program 3.
 */

/** A program's database id from an id key, or undefined when it is not one. */
function programKey(key: string | undefined): number | undefined {
  if (key === undefined || !/^[1-9]\d{0,9}$/.test(key)) return undefined;
  const id = Number(key);
  return id <= 2 ** 31 - 1 ? id : undefined;
}

function isRegionType(type: string | undefined): type is RegionType {
  return type !== undefined && Object.hasOwn(REGION_LEVELS, type);
}

/** A region as program `programId` sees it, or null when the program does not reach it. */
async function scopedRegion(programId: number, type: RegionType, code: string, context: Context): Promise<NodeValue | null> {
  const [program, region, reached] = await Promise.all([
    context.loaders.program.byId.load(programId),
    loadRegion(type, code, context),
    type === 'Village' ? context.loaders.program.enrolment.load(`${programId}|${code}`).then(Boolean) : programReaches(type, code, programId, context),
  ]);
  return program && region && reached ? { type, value: { ...region.value, scope: { programId } } } : null;
}

async function loadProgramKind(keys: readonly string[], context: Context): Promise<NodeValue | null> {
  const programId = programKey(keys[0]);
  if (programId === undefined) return null;
  if (keys.length === 1) {
    const program = await context.loaders.program.byId.load(programId);
    return program && { type: 'Program', value: program };
  }
  const [, type, key, ...rest] = keys;
  if (!isRegionType(type) || key === undefined || rest.length > 0) return null;
  const code = regionKey(type, key);
  return code === undefined ? null : scopedRegion(programId, type, code, context);
}

export const programNodeKinds: NodeKind[] = [
  {
    kind: PROGRAM_KIND,
    load: (keys, context) => Promise.all(keys.map((k) => loadProgramKind(k, context))),
  },
  {
    kind: 'ProgramLocus',
    load: (keys, context) =>
      Promise.all(
        keys.map(async ([id, key, ...rest]) => {
          const programId = programKey(id);
          const code = key === undefined || rest.length > 0 ? undefined : regionKey('Kabupaten', key);
          if (programId === undefined || code === undefined) return null;
          const locus = await context.loaders.program.locusByKabupaten.load(`${programId}|${code}`);
          return locus && { type: 'ProgramLocus', value: locus };
        }),
      ),
  },
  {
    kind: 'Enrolment',
    load: (keys, context) =>
      Promise.all(
        keys.map(async ([id, key, ...rest]) => {
          const programId = programKey(id);
          const code = key === undefined || rest.length > 0 ? undefined : regionKey('Village', key);
          if (programId === undefined || code === undefined) return null;
          const enrolment = await context.loaders.program.enrolment.load(`${programId}|${code}`);
          return enrolment && { type: 'Enrolment', value: enrolment };
        }),
      ),
  },
];
