import type pg from 'pg';
import { kabupatensNamed, Register, type PublishedIdentity, type RegisterKabupaten, type RegisterVillage } from './register-matcher';

const VILLAGE_ROWS = `select v.code, v.name, v.kind, v.district_code as "districtCode", d.name as "districtName", v.kabupaten_code as "kabupatenCode", k.name as "kabupatenName"
  from village v join district d on d.code = v.district_code join kabupaten k on k.code = v.kabupaten_code`;

/**
 * Loads the register rows a batch of published identities can match (see register-matcher.ts): all
 * kabupaten, the villages of the published codes and of every kabupaten the records name, and the
 * aliases of codes the register lacks. A national file names every kabupaten (the whole register,
 * ~0.3 s); a mutation names none and loads only its codes.
 */
export async function loadRegister(client: pg.ClientBase, identities: readonly PublishedIdentity[]): Promise<Register> {
  const codes = [...new Set(identities.map((i) => i.code))];
  const { rows: kabupatens } = await client.query<RegisterKabupaten>(`select code, name from kabupaten`);
  const { rows: villages } = await client.query<RegisterVillage>(
    `${VILLAGE_ROWS} where v.code in (select unnest($1::text[])) or v.kabupaten_code in (select unnest($2::text[]))`,
    [codes, kabupatensNamed(kabupatens, identities)],
  );
  const known = new Set(villages.map((v) => v.code));
  const unknown = codes.filter((code) => !known.has(code));
  const { rows: aliases } = unknown.length
    ? await client.query<{ alias: string; code: string }>(`select alias_code as alias, village_code as code from village_code_alias where alias_code = any($1::text[])`, [unknown])
    : { rows: [] };
  const targets = aliases.map((a) => a.code).filter((code) => !known.has(code));
  if (targets.length) villages.push(...(await client.query<RegisterVillage>(`${VILLAGE_ROWS} where v.code = any($1::text[])`, [targets])).rows);
  return new Register(kabupatens, villages, aliases.map((a) => [a.alias, a.code]));
}
