import type { IdmMovement, IdmStatus, IndexFamily, VillageFilter, VillageOrderBy } from './generated/graphql';

/** One part of a family's score: IDM's three indices, the Indeks Desa's six dimensions. */
export interface Component {
  /** Its field in the API's means and values. */
  key: string;
  label: string;
  title: string;
  /** Its maximum: 1 for an IDM index, the dimension's points for the Indeks Desa. */
  max: number;
}

/** Order of a village list, whatever the family: the family names its score orders. */
export type ListOrder = 'CODE' | 'SCORE_ASC' | 'SCORE_DESC';

/**
 * What the page needs to know of an index family to show it: its name, its scale and precision,
 * its components, and its names in the API's list filters, orders and export. Every view takes a
 * family and asks it, so no view is written twice; statuses (names, order, colours) are shared.
 */
export interface Family {
  id: IndexFamily;
  /** "IDM", "Indeks Desa". */
  name: string;
  /** The years of the family (IDM to 2024, the Indeks Desa from 2025: a year names its family). */
  firstYear: number;
  lastYear: number | null;
  /** The top of the score's scale (IDM 1, Indeks Desa 100) and the decimals it is published to. */
  max: number;
  digits: number;
  components: Component[];
  /** The API's list orders for this family's score. */
  orders: Record<Exclude<ListOrder, 'CODE'>, VillageOrderBy>;
  /** The village list's conditions on this family in `year`. */
  filter(year: number, statuses: IdmStatus[], movement: IdmMovement[]): VillageFilter;
  /** The CSV export's `index` parameter (none for the default, IDM). */
  exportIndex: IndexFamily | null;
}

const some = <T>(list: T[]) => (list.length ? list : undefined);

export const IDM: Family = {
  id: 'IDM',
  name: 'IDM',
  firstYear: 2015,
  lastYear: 2024,
  max: 1,
  digits: 4,
  components: [
    { key: 'iks', label: 'IKS', title: 'Social resilience index', max: 1 },
    { key: 'ike', label: 'IKE', title: 'Economic resilience index', max: 1 },
    { key: 'ikl', label: 'IKL', title: 'Ecological resilience index', max: 1 },
  ],
  orders: { SCORE_ASC: 'IDM_SCORE_ASC', SCORE_DESC: 'IDM_SCORE_DESC' },
  filter: (year, statuses, movement) => ({ idmYear: year, idmStatus: some(statuses), movement: some(movement) }),
  exportIndex: null,
};

/** The six dimensions and their maxima (Permendesa PDTT 9/2024; they sum to 635). */
export const INDEKS_DESA: Family = {
  id: 'INDEKS_DESA',
  name: 'Indeks Desa',
  firstYear: 2025,
  lastYear: null,
  max: 100,
  digits: 2,
  components: [
    { key: 'layananDasar', label: 'Layanan Dasar', title: 'Basic services: education, health, basic utilities', max: 170 },
    { key: 'sosial', label: 'Sosial', title: 'Community activity and facilities', max: 85 },
    { key: 'ekonomi', label: 'Ekonomi', title: 'Village production and economic facilities', max: 160 },
    { key: 'lingkungan', label: 'Lingkungan', title: 'Environmental management and disaster response', max: 90 },
    { key: 'aksesibilitas', label: 'Aksesibilitas', title: 'Road conditions and ease of access', max: 50 },
    { key: 'tataKelola', label: 'Tata Kelola', title: 'Village governance: institutions, services, finances', max: 80 },
  ],
  orders: { SCORE_ASC: 'INDEKS_DESA_SCORE_ASC', SCORE_DESC: 'INDEKS_DESA_SCORE_DESC' },
  filter: (year, statuses, movement) => ({ indeksDesaYear: year, indeksDesaStatus: some(statuses), indeksDesaMovement: some(movement) }),
  exportIndex: 'INDEKS_DESA',
};

export const FAMILIES: Record<IndexFamily, Family> = { IDM, INDEKS_DESA };

/** The family a year belongs to: the two never share a year. */
export const familyOfYear = (year: number): Family => (year >= INDEKS_DESA.firstYear ? INDEKS_DESA : IDM);

/** A score (or mean) on the family's scale, to its published precision. */
export const formatScore = (family: Family, n: number | null | undefined): string => (n == null ? '–' : n.toFixed(family.digits));

/** The query string that opens `year` of `family`: IDM's years alone (as ever), the Indeks Desa's with the index named. */
export const yearQuery = (family: Family, year: number | null): string =>
  year == null ? (family.exportIndex ? `index=${family.id}` : '') : family.exportIndex ? `index=${family.id}&year=${year}` : `year=${year}`;
