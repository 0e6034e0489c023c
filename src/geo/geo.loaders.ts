import type DataLoader from 'dataloader';
import { byKeys, type LoaderRegistry } from '../graphql/loader-registry';
import type { BoundaryDetail } from './geo.enums';
import type { RegionGeometry } from './geometry';
import type { ShapeMetaRow, ShapeRepository } from './shape.repository';

/** Loaders of region shapes for one operation: one statement per detail, one for bounding boxes, centres and areas. */
export class GeoLoaders {
  constructor(
    private readonly registry: LoaderRegistry,
    /** For reads that are not batched by key (a point lookup, the nearest desa). */
    readonly repository: ShapeRepository,
  ) {}

  boundary(detail: BoundaryDetail): DataLoader<string, RegionGeometry | null> {
    return this.registry.get(`boundary:${detail}`, async (codes: readonly string[]) =>
      byKeys(codes, (await this.repository.boundaries(codes, detail)).map((r) => [r.code, r.geometry]), null),
    );
  }

  get meta(): DataLoader<string, ShapeMetaRow | null> {
    return this.registry.get('shapeMeta', async (codes: readonly string[]) => byKeys(codes, (await this.repository.meta(codes)).map((r) => [r.code, r]), null));
  }
}

declare module '../graphql/context' {
  interface Loaders {
    geo: GeoLoaders;
  }
}
