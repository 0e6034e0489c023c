import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { errorCodes, type TestServer } from './server';

/** The Indeks Desa 2025 sample sheets of Lampung Timur in ../shared/data (never copied into the project). */
export const INDEKS_DESA_SAMPLE = path.join(__dirname, '..', '..', '..', 'shared', 'data', 'indeks-desa-2025');

/** The 10-digit codes of every desa in the sample sheets, wide and long. */
export function sampleCodes(): string[] {
  const wide = parse(fs.readFileSync(path.join(INDEKS_DESA_SAMPLE, 'lampung-timur-sample.csv')), { columns: true, bom: true }) as Record<string, string>[];
  const long = parse(fs.readFileSync(path.join(INDEKS_DESA_SAMPLE, 'lampung-timur-sample-long.csv')), { columns: true, bom: true }) as Record<string, string>[];
  return [...new Set([...wide.map((r) => r['KODE DESA']!), ...long.map((r) => r.region_code!)])];
}

const RETRACT = `mutation($villageCode: String!, $year: Int!, $reason: String!) { retractIndeksDesa(villageCode: $villageCode, year: $year, reason: $reason) { year } }`;

/**
 * Takes the sample's desa-years back through the write path (as an operator would), so a suite that
 * imports the sample starts from desa without it whichever suite of the run loaded it before.
 */
export async function retractSample(server: TestServer, year = 2025): Promise<void> {
  for (const villageCode of sampleCodes()) {
    const r = await server.raw(RETRACT, { villageCode, year, reason: 'test clean-up' });
    if (r.errors && errorCodes(r)[0] !== 'NOT_FOUND') throw new Error(JSON.stringify(r.errors));
  }
}
