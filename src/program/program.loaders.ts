import type DataLoader from 'dataloader';
import { byKeys, groupByKeys, type LoaderRegistry } from '../graphql/loader-registry';
import type { ProvinceRow } from '../region/region.types';
import type { ProgramRepository } from './program.repository';
import type { EnrolmentRow, LocusRow, ProgramRow } from './program.types';

export class ProgramLoaders {
  constructor(
    private readonly registry: LoaderRegistry,
    /** For reads that are not batched by key. */
    readonly repository: ProgramRepository,
  ) {}

  get bySlug(): DataLoader<string, ProgramRow | null> {
    return this.registry.get('programBySlug', async (slugs: readonly string[]) =>
      byKeys(slugs, (await this.repository.bySlugs(slugs)).map((r) => [r.slug, r]), null),
    );
  }

  get byId(): DataLoader<number, ProgramRow | null> {
    return this.registry.get('programById', async (ids: readonly number[]) =>
      byKeys(ids, (await this.repository.byIds(ids)).map((r) => [r.id, r]), null),
    );
  }

  get lociOfProgram(): DataLoader<number, LocusRow[]> {
    return this.registry.get('lociOfProgram', async (ids: readonly number[]) =>
      groupByKeys(ids, await this.repository.lociOfPrograms(ids), (r) => r.programId),
    );
  }

  get locus(): DataLoader<number, LocusRow | null> {
    return this.registry.get('locus', async (ids: readonly number[]) =>
      byKeys(ids, (await this.repository.loci(ids)).map((r) => [r.id, r]), null),
    );
  }

  /** A locus by "programId|kabupatenCode". */
  get locusByKabupaten(): DataLoader<string, LocusRow | null> {
    return this.registry.get('locusByKabupaten', async (keys: readonly string[]) =>
      byKeys(keys, (await this.repository.lociByKabupaten(keys.map(pairKey).map(([programId, kabupatenCode]) => ({ programId, kabupatenCode })))).map((r) => [`${r.programId}|${r.kabupatenCode}`, r]), null),
    );
  }

  /** An enrolment by "programId|villageCode". */
  get enrolment(): DataLoader<string, EnrolmentRow | null> {
    return this.registry.get('enrolment', async (keys: readonly string[]) =>
      byKeys(keys, (await this.repository.enrolments(keys.map(pairKey).map(([programId, villageCode]) => ({ programId, villageCode })))).map((r) => [`${r.programId}|${r.villageCode}`, r]), null),
    );
  }

  get provincesOfProgram(): DataLoader<number, ProvinceRow[]> {
    return this.registry.get('provincesOfProgram', async (ids: readonly number[]) =>
      groupByKeys(ids, await this.repository.provincesOfPrograms(ids), (r) => r.programId).map((rows) =>
        rows.map((r) => ({ code: r.code, name: r.name, scope: { programId: r.programId } })),
      ),
    );
  }
}

function pairKey(key: string): [number, string] {
  const [id, code] = key.split('|');
  return [Number(id), code!];
}

declare module '../graphql/context' {
  interface Loaders {
    program: ProgramLoaders;
  }
}
