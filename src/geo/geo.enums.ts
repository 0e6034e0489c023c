import { registerEnumType } from 'type-graphql';

/** How finely a boundary is drawn; the tolerances are in simplify.ts (DETAIL_TOLERANCES). */
export enum BoundaryDetail {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  FULL = 'FULL',
}

registerEnumType(BoundaryDetail, {
  name: 'BoundaryDetail',
  description:
    'How finely a boundary is drawn. Simplified at import over the topology of each level (Visvalingam–Whyatt), so neighbours share their borders at every detail: no slivers, no gaps where the source\'s borders coincide. Source: Kepmendagri 300.2.2-2430/2025 boundaries, cahyadsn/wilayah_boundaries (MIT).',
  valuesConfig: {
    LOW: { description: 'For a national or provincial map (zoom ≤ 6): points whose effective triangle is under 0.001 deg² (about 12 km²) removed, islets under 0.0001 deg² (about 1.2 km²) dropped (a region keeps at least its largest polygon), 4 decimals (about 11 m). All 514 kabupaten fit in about 0.5 MB of JSON.' },
    MEDIUM: { description: 'For a kabupaten or kecamatan map (zoom ≤ 10): points whose effective triangle is under 0.000001 deg² (about 1.2 ha) removed, islets of that size dropped, 5 decimals.' },
    FULL: { description: 'As imported (the source\'s 5 decimals, about 1 m): what regionAt tests points against.' },
  },
});
