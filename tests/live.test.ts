import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureEmbeddedPostgres } from '../src/db/embedded-postgres';
import { importIdm } from '../src/importers/idm/idm.importer';
import { createNotifier } from '../src/live/notifier';
import { RecordIdmDocument, RetractIdmDocument, type IdmSummaryUpdatedSubscription, type IdmUpdatedSubscription } from './generated/graphql';
import { startTestServer, type TestServer } from './helpers/server';
import { Subscriber } from './helpers/subscriber';

type Update = IdmUpdatedSubscription['idmUpdated'];
const UPDATED = `subscription($where: IdmUpdateFilter, $after: String) {
  idmUpdated(where: $where, after: $after) { cursor year movement previous { score status } current { score status } village { code kabupaten { code province { code } } } }
}`;
const SUMMARY = `subscription($scope: IdmSummaryScopeInput!, $year: Int!) { idmSummaryUpdated(scope: $scope, year: $year) { year assessed mean { score } } }`;
/** A valid IDM year that no published file holds, so these writes touch nothing else. */
const YEAR = 2019;
const quiet = { plain: true, stream: { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream };

/** Records one assessment whose three indices equal its score (so the mean rule holds). */
async function record(server: TestServer, villageCode: string, score: number, year = YEAR): Promise<void> {
  const response = await server.request(RecordIdmDocument, { input: [{ villageCode, year, iks: score, ike: score, ikl: score, score }] });
  if (response.errors) throw new Error(JSON.stringify(response.errors));
}

const updates = (s: Subscriber<{ idmUpdated: Update }>) => s.results.map((r) => r.idmUpdated);

let a: TestServer;
let b: TestServer;
const open: { close(): Promise<void> }[] = [];
const track = <T extends { close(): Promise<void> }>(x: T): T => (open.push(x), x);
beforeAll(async () => {
  [a, b] = await Promise.all([startTestServer(), startTestServer()]);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('idmUpdated', () => {
  it('delivers changes of its kabupaten, and none from elsewhere', async () => {
    const sub = track(new Subscriber<{ idmUpdated: Update }>(a.url, UPDATED, { where: { kabupatenCode: '6409' } }));
    await record(a, '64.09.01.2020', 0.61); // expected
    await record(a, '64.02.08.2005', 0.62); // elsewhere
    await record(a, '64.09.01.2021', 0.63); // expected, after the one elsewhere
    await sub.waitFor(2);
    expect(updates(sub).map((u) => [u.village.code, u.current!.score, u.village.kabupaten.province.code])).toEqual([
      ['64.09.01.2020', 0.61, '64'],
      ['64.09.01.2021', 0.63, '64'],
    ]);
    const [first, second] = updates(sub);
    expect(BigInt(Buffer.from(second!.cursor, 'base64url').toString().split(':').at(-1)!)).toBeGreaterThan(
      BigInt(Buffer.from(first!.cursor, 'base64url').toString().split(':').at(-1)!),
    );
  });

  it('with statusChanged, skips changes that keep the status', async () => {
    await record(a, '64.09.02.2001', 0.65); // BERKEMBANG
    const sub = track(new Subscriber<{ idmUpdated: Update }>(a.url, UPDATED, { where: { villageCode: '6409022001', statusChanged: true } }));
    const all = track(new Subscriber<{ idmUpdated: Update }>(a.url, UPDATED, { where: { villageCode: '6409022001' } }));
    await record(a, '64.09.02.2001', 0.66); // still BERKEMBANG
    await record(a, '64.09.02.2001', 0.75); // MAJU
    await all.waitFor(2);
    await sub.waitFor(1);
    expect(updates(sub)).toEqual([expect.objectContaining({ movement: 'UP', previous: { score: 0.66, status: 'BERKEMBANG' }, current: { score: 0.75, status: 'MAJU' } })]);
  });

  it('reaches a subscriber on another instance through PostgreSQL LISTEN/NOTIFY', async () => {
    const sub = track(new Subscriber<{ idmUpdated: Update }>(b.url, UPDATED, { where: { villageCode: '64.09.02.2002' } }));
    await record(a, '64.09.02.2002', 0.7);
    const [event] = await sub.waitFor(1);
    expect(event!.idmUpdated.current!.score).toBe(0.7);
  });

  it('reaches a subscriber on another instance through the Redis adapter', async () => {
    const [c, d] = await Promise.all([startTestServer({ REDIS_URL: 'redis://127.0.0.1:6379' }), startTestServer({ REDIS_URL: 'redis://127.0.0.1:6379' })]);
    track({ close: async () => void (await Promise.all([c.stop(), d.stop()])) });
    const sub = track(new Subscriber<{ idmUpdated: Update }>(d.url, UPDATED, { where: { villageCode: '64.09.02.2004' } }));
    await record(c, '64.09.02.2004', 0.71);
    const [event] = await sub.waitFor(1);
    expect(event!.idmUpdated.current!.score).toBe(0.71);
  });

  it('resumes after a disconnect: exactly the missed 100 in order, then live ones', async () => {
    const first = new Subscriber<{ idmUpdated: Update }>(a.url, UPDATED, { where: { villageCode: '64.09.03.2001' } });
    await record(a, '64.09.03.2001', 0.5);
    const [seen] = await first.waitFor(1);
    await first.close();
    const scores = Array.from({ length: 100 }, (_, i) => Math.round((0.51 + i * 0.001) * 10000) / 10000);
    for (const score of scores) await record(a, '64.09.03.2001', score);
    const resumed = track(new Subscriber<{ idmUpdated: Update }>(a.url, UPDATED, { where: { villageCode: '64.09.03.2001' }, after: seen!.idmUpdated.cursor }));
    await resumed.waitFor(100);
    await record(a, '64.09.03.2001', 0.9);
    await resumed.waitFor(101);
    expect(updates(resumed).map((u) => u.current!.score)).toEqual([...scores, 0.9]);
    expect(new Set(updates(resumed).map((u) => u.cursor)).size).toBe(101);
  });

  it('resumes across a server restart', async () => {
    const own = await startTestServer();
    const first = new Subscriber<{ idmUpdated: Update }>(own.url, UPDATED, { where: { villageCode: '64.09.03.2002' } });
    await record(own, '64.09.03.2002', 0.5);
    const [seen] = await first.waitFor(1);
    const completed = first.waitForComplete();
    await own.stop();
    await completed; // shutdown completes open subscriptions
    await first.close();
    for (const score of [0.52, 0.53, 0.54]) await record(b, '64.09.03.2002', score);
    const again = await startTestServer();
    track({ close: () => again.stop() });
    const resumed = track(new Subscriber<{ idmUpdated: Update }>(again.url, UPDATED, { where: { villageCode: '64.09.03.2002' }, after: seen!.idmUpdated.cursor }));
    await resumed.waitFor(3);
    expect(updates(resumed).map((u) => u.current!.score)).toEqual([0.52, 0.53, 0.54]);
  });

  it('delivers a retraction on another instance: the value taken back, no current value, the reason and who', async () => {
    const query = `subscription($where: IdmUpdateFilter) {
      idmUpdated(where: $where) { year movement previous { score status } current { score status } reason provenance { format file line recordedBy } }
    }`;
    const sub = track(new Subscriber<{ idmUpdated: Update }>(b.url, query, { where: { villageCode: '64.09.03.2003', statusChanged: true } }));
    const summary = track(new Subscriber<{ idmSummaryUpdated: IdmSummaryUpdatedSubscription['idmSummaryUpdated'] }>(b.url, SUMMARY, { scope: { kabupatenCode: '64.09' }, year: YEAR }));
    const [{ idmSummaryUpdated: start }] = await summary.waitFor(1);
    await record(a, '64.09.03.2003', 0.8);
    await summary.waitUntil((r) => r.idmSummaryUpdated.assessed === start!.assessed + 1);
    const retracted = await a.request(RetractIdmDocument, { villageCode: '6409032003', year: YEAR, reason: 'counted twice' });
    expect(retracted.errors).toBeUndefined();
    const [written, taken] = await sub.waitFor(2);
    expect(written!.idmUpdated).toMatchObject({ movement: 'NEW', current: { score: 0.8, status: 'MAJU' }, reason: null });
    expect(taken!.idmUpdated).toEqual({
      year: YEAR,
      movement: 'RETRACTED',
      previous: { score: 0.8, status: 'MAJU' },
      current: null,
      reason: 'counted twice',
      provenance: { format: 'graphql', file: 'retractIdmAssessment', line: 1, recordedBy: 'token:test-admin' },
    });
    // The kabupaten's summary follows the retraction.
    await summary.waitUntil((r) => r.idmSummaryUpdated.assessed === start!.assessed);
  });

  it('subscribers arriving together get the same first reading, and one arriving after a write reads the write', async () => {
    const scope = { kabupatenCode: '64.11' };
    const together = [0, 1, 2].map(() => track(new Subscriber<{ idmSummaryUpdated: IdmSummaryUpdatedSubscription['idmSummaryUpdated'] }>(b.url, SUMMARY, { scope, year: YEAR })));
    const firsts = await Promise.all(together.map(async (s) => (await s.waitFor(1))[0]!.idmSummaryUpdated));
    expect(new Set(firsts.map((f) => JSON.stringify(f))).size).toBe(1);
    await record(a, '64.11.01.2001', 0.7);
    await Promise.all(together.map((s) => s.waitUntil((r) => r.idmSummaryUpdated.assessed === firsts[0]!.assessed + 1)));
    const later = track(new Subscriber<{ idmSummaryUpdated: IdmSummaryUpdatedSubscription['idmSummaryUpdated'] }>(b.url, SUMMARY, { scope, year: YEAR }));
    const [{ idmSummaryUpdated: now }] = await later.waitFor(1);
    expect(now!.assessed).toBe(firsts[0]!.assessed + 1);
    const retracted = await a.request(RetractIdmDocument, { villageCode: '64.11.01.2001', year: YEAR, reason: 'test done' });
    expect(retracted.errors).toBeUndefined();
  });

  it('refuses a summary of a year outside 2015 … next year', async () => {
    const sub = track(new Subscriber(a.url, SUMMARY, { scope: { provinceCode: '64' }, year: 2099 }));
    await sub.waitForComplete();
    expect(sub.errors).toEqual([[expect.objectContaining({ message: expect.stringMatching(/^year 2099 is not a year of IDM/), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]]);
  });

  it('refuses a cursor it did not issue', async () => {
    const sub = track(new Subscriber<{ idmUpdated: Update }>(a.url, UPDATED, { after: 'bogus' }));
    await sub.waitForComplete();
    expect(sub.errors).toEqual([[expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]]);
  });
});

describe('a PostgreSQL restart under connected subscribers', () => {
  it('re-establishes LISTEN and loses nothing written meanwhile', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'desa-cerdas-live-'));
    fs.chmodSync(dataDir, 0o755);
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    let cluster = await ensureEmbeddedPostgres({ dataDir, port });
    const server = await startTestServer({ DATABASE_URL: cluster.url });
    try {
      const sub = new Subscriber<{ idmUpdated: Update }>(server.url, UPDATED, { where: { villageCode: '64.09.04.2001' } });
      track(sub);
      await record(server, '64.09.04.2001', 0.6);
      await sub.waitFor(1);

      await cluster.stop();
      cluster = await ensureEmbeddedPostgres({ dataDir, port });
      // Written by another process that announces nothing: only the re-established LISTEN's catch-up
      // (or the poll) can bring it to the subscriber.
      const file = path.join(dataDir, 'one.csv');
      fs.writeFileSync(
        file,
        `KODE_PROV,NAMA_PROVINSI,KODE_KAB,NAMA_KABUPATEN,KODE_KEC,NAMA_KECAMATAN,KODE_DESA,NAMA_DESA,IKS_${YEAR},IKE_${YEAR},IKL_${YEAR},NILAI_IDM_${YEAR},STATUS_IDM_${YEAR},KETERANGAN\n` +
          '64,KALIMANTAN TIMUR,6409,PENAJAM PASER UTARA,640904,SEPAKU,6409042001,X,0.8,0.8,0.8,0.8,MAJU,Reguler\n',
      );
      const report = await importIdm(cluster.url, [file], quiet);
      expect(report.changes).toBe(1);
      await sub.waitFor(2);
      // And the server itself writes and announces again.
      for (let attempt = 0; ; attempt++) {
        try {
          await record(server, '64.09.04.2001', 0.85);
          break;
        } catch (error) {
          if (attempt > 5) throw error; // a pooled connection from before the restart fails once
        }
      }
      await sub.waitFor(3);
      expect(updates(sub).map((u) => u.current!.score)).toEqual([0.6, 0.8, 0.85]);
    } finally {
      await Promise.all(open.splice(0).map((x) => x.close()));
      await server.stop();
      await cluster.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('bulk imports', () => {
  it('re-importing the national file with 500 changed rows gives exactly 500 events and coalesced summary pushes', async () => {
    const national = path.join(__dirname, '..', '..', 'shared', 'data', 'idm-2024.csv');
    const publisher = createNotifier({ databaseUrl: process.env.DESA_TEST_DATABASE_URL! });
    try {
      await importIdm(process.env.DESA_TEST_DATABASE_URL!, [national], { ...quiet, publisher }); // a no-op when already imported
      // Raise the three indices and the score of 500 Jawa Timur rows by 0.0001 (the mean still holds).
      const lines = fs.readFileSync(national, 'utf8').split(/\r?\n/);
      let changed = 0;
      const edited = lines.map((line, i) => {
        const cells = line.split(',');
        if (i === 0 || changed === 500 || cells[0] !== '35' || cells.length !== 14 || !cells[11] || [8, 9, 10, 11].some((c) => Number(cells[c]) > 0.99)) return line;
        for (const c of [8, 9, 10, 11]) cells[c] = (Number(cells[c]) + 0.0001).toFixed(4);
        changed++;
        return cells.join(',');
      });
      const file = path.join(os.tmpdir(), `idm-2024-edited-${process.pid}.csv`);
      fs.writeFileSync(file, edited.join('\n'));
      // Let both instances work through everything before this test (a first national import is
      // 75,000 events): a sentinel is delivered only after every earlier event.
      const probeA = track(new Subscriber<{ idmUpdated: Update }>(a.url, UPDATED, { where: { villageCode: '64.09.01.2022' } }));
      const probeB = track(new Subscriber<{ idmUpdated: Update }>(b.url, UPDATED, { where: { villageCode: '64.09.01.2022' } }));
      await record(a, '64.09.01.2022', 0.64);
      // (the probes may first see that desa's 2024 value from the national import: wait for the sentinel itself)
      const start = await probeA.waitUntil((r) => r.idmUpdated.year === YEAR);
      await probeB.waitUntil((r) => r.idmUpdated.year === YEAR);
      const all = track(new Subscriber<{ idmUpdated: Update }>(a.url, UPDATED, { after: start.idmUpdated.cursor }));
      const summary = track(new Subscriber<{ idmSummaryUpdated: IdmSummaryUpdatedSubscription['idmSummaryUpdated'] }>(b.url, SUMMARY, { scope: { provinceCode: '35' }, year: 2024 }));
      await summary.waitFor(1); // the current summary, at once
      const report = await importIdm(process.env.DESA_TEST_DATABASE_URL!, [file], { ...quiet, publisher });
      fs.rmSync(file);
      expect(report).toMatchObject({ updated: 500, changes: 500 });
      await record(a, '64.09.01.2022', 0.66); // a sentinel after the import
      const received = await all.waitFor(501);
      expect(received.slice(0, 500).every((r) => r.idmUpdated.village.kabupaten.province.code === '35' && r.idmUpdated.year === 2024)).toBe(true);
      expect(received[500]!.idmUpdated.village.code).toBe('64.09.01.2022');
      await summary.waitFor(2);
      expect(summary.results).toHaveLength(2); // 500 changes, one push
    } finally {
      await publisher.close();
    }
  });
});
