import pg from 'pg';

/**
 * The public facts about Desa Cerdas (../shared/DOMAIN.md, ANTARA Kaltim 2021): the 2021 and 2022
 * cohorts and the 2022 loci whose quotas were reported. The rest of the loci and every enrolled
 * village are not public: they are entered by mutation, never guessed here. Idempotent: existing
 * rows are left as they are, so operators' later edits survive a restart.
 */
const PROGRAMS = [
  {
    slug: 'desa-cerdas-2021',
    name: 'Desa Cerdas 2021',
    year: 2021,
    agency: 'Kemendes PDTT',
    description: 'First Desa Cerdas cohort: digital transformation of village services and governance in 18 kabupaten, 350 villages assisted.',
    loci: [] as { kabupatenCode: string; quota: number }[],
  },
  {
    slug: 'desa-cerdas-2022',
    name: 'Desa Cerdas 2022',
    year: 2022,
    agency: 'Kemendes PDTT',
    description: 'Second Desa Cerdas cohort: 60 kabupaten, 1,000 villages assisted. Only the loci with published quotas are recorded here.',
    loci: [
      { kabupatenCode: '64.02', quota: 10 }, // Kutai Kartanegara
      { kabupatenCode: '64.09', quota: 10 }, // Penajam Paser Utara
      { kabupatenCode: '64.01', quota: 10 }, // Paser
      { kabupatenCode: '72.08', quota: 20 }, // Parigi Moutong
      { kabupatenCode: '72.10', quota: 20 }, // Sigi
      { kabupatenCode: '72.01', quota: 20 }, // Banggai
      { kabupatenCode: '62.03', quota: 15 }, // Kapuas
    ],
  },
];

export async function seedPrograms(client: pg.ClientBase): Promise<void> {
  for (const p of PROGRAMS) {
    await client.query(
      `insert into program (slug, name, year, agency, description) values ($1, $2, $3, $4, $5) on conflict (slug) do nothing`,
      [p.slug, p.name, p.year, p.agency, p.description],
    );
    if (p.loci.length === 0) continue;
    // Only loci whose kabupaten is in the register (a custom REGISTER_DIR may hold a subset).
    await client.query(
      `insert into program_locus (program_id, kabupaten_code, quota)
       select pr.id, l.code, l.quota from program pr, unnest($2::text[], $3::int[]) as l(code, quota)
       where pr.slug = $1 and exists (select 1 from kabupaten k where k.code = l.code)
       on conflict (program_id, kabupaten_code) do nothing`,
      [p.slug, p.loci.map((l) => l.kabupatenCode), p.loci.map((l) => l.quota)],
    );
  }
}
