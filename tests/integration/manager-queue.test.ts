import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import type { Application, User } from '@/db/schema';
import type { ApplicationStatus, OrgType } from '@/db/schema/enums';
import { countByStatus, listQueue, PAGE_SIZE } from '@/db/queries/manager-queue';
import { encodeCursor, parseQueueFilters, queueSorts, type QueueFilters, type QueueSort } from '@/lib/manager/queue-filters';
import { closeTestDb, resetDb, testDb } from '../helpers/db';
import { binFor, iinFor, insertManager, insertQueueApplication, type QueueFixture } from '../helpers/manager';

/** 2026-03-02 00:00 in Almaty (UTC+5). */
const BASE = new Date('2026-03-01T19:00:00.000Z');
const hours = (h: number) => new Date(BASE.getTime() + h * 3600_000);
const STATUSES: ApplicationStatus[] = ['submitted', 'in_review', 'needs_changes', 'approved', 'rejected', 'draft'];
const REGIONS = ['KZ-71', 'KZ-75', 'KZ-79', 'KZ-11'];

let db: Db;
let mA: User;
let mB: User;
/** Every inserted application, drafts included. */
let all: Application[] = [];
const bySerial = new Map<number, Application>();

/** Names with case variants, Kazakh letters and a few equal once lower-cased (ties for name_asc). */
function nameFor(i: number): string {
  const names = ['Мектеп № {i}', 'МЕКТЕП-ГИМНАЗИЯ № {i}', 'Қазақ-түрік лицейі {i}', 'колледж {i}', 'School {i}', 'Өнер мектебі {i}'];
  if (i === 20 || i === 21) return 'Гимназия'; // the same name twice
  if (i === 22) return 'ГИМНАЗИЯ'; // and once more in capitals
  return names[i % names.length]!.replace('{i}', String(i));
}

async function add(f: QueueFixture): Promise<Application> {
  const row = await insertQueueApplication(db, f);
  all.push(row);
  bySerial.set(f.serial, row);
  return row;
}

beforeAll(async () => {
  db = await testDb();
  await resetDb(db);
  mA = await insertManager(db, 'a.manager@qazaqmura.kz', 'Айгүл Сейітова');
  mB = await insertManager(db, 'b.manager@qazaqmura.kz', 'Борис Ли');
  all = [];
  // 60 applications: 10 per status (drafts included), four regions, both types, submission times
  // shared by groups of three (ties for the keyset), assigned to A or B once taken into review.
  for (let i = 0; i < 60; i += 1) {
    const status = STATUSES[i % STATUSES.length]!;
    await add({
      serial: i,
      status,
      orgName: nameFor(i),
      region: REGIONS[i % REGIONS.length]!,
      orgType: (i % 3 === 0 ? 'college' : 'school') as OrgType,
      submittedAt: status === 'draft' ? null : hours(Math.floor(i / 3) * 13),
      assignedTo: status === 'submitted' || status === 'draft' ? null : i % 2 === 0 ? mA.id : mB.id,
    });
  }
  // Named cases for the search.
  await add({ serial: 100, status: 'submitted', orgName: 'Ақбұлақ мектебі', region: 'KZ-61', orgType: 'school', submittedAt: hours(1) });
  await add({ serial: 101, status: 'draft', orgName: 'Ақбұлақ мектебі', region: 'KZ-61', orgType: 'school', submittedAt: null, orgPhone: '+77011234567', bin: binFor(100) });
  await add({ serial: 102, status: 'in_review', orgName: 'Мектеп 100% сапа', region: 'KZ-71', orgType: 'school', submittedAt: hours(2), assignedTo: mA.id });
  await add({ serial: 103, status: 'approved', orgName: 'Мектеп_1', region: 'KZ-71', orgType: 'school', submittedAt: hours(3), assignedTo: mB.id });
  await add({ serial: 104, status: 'rejected', orgName: 'Мектеп-1', region: 'KZ-71', orgType: 'school', submittedAt: hours(4), assignedTo: mB.id });
  await add({ serial: 105, status: 'submitted', orgName: 'Мектеп 11', region: 'KZ-71', orgType: 'college', submittedAt: hours(5) });
  await add({ serial: 106, status: 'needs_changes', orgName: 'Телефон мектебі', region: 'KZ-75', orgType: 'school', submittedAt: hours(6), orgPhone: '+77011234567', assignedTo: mA.id });
  // Around the Almaty day boundaries of 2026-03-10 and 2026-03-12.
  await add({ serial: 108, status: 'submitted', orgName: 'Boundary A', region: 'KZ-11', orgType: 'school', submittedAt: new Date('2026-03-09T18:59:59.999Z') });
  await add({ serial: 109, status: 'submitted', orgName: 'Boundary B', region: 'KZ-11', orgType: 'school', submittedAt: new Date('2026-03-09T19:00:00.000Z') });
  await add({ serial: 110, status: 'submitted', orgName: 'Boundary C', region: 'KZ-11', orgType: 'school', submittedAt: new Date('2026-03-12T18:59:59.999Z') });
  await add({ serial: 111, status: 'submitted', orgName: 'Boundary D', region: 'KZ-11', orgType: 'school', submittedAt: new Date('2026-03-12T19:00:00.000Z') });
});
afterAll(closeTestDb);

const visible = () => all.filter((a) => a.status !== 'draft');
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const sortedIds = (rows: { id: string }[]) => ids(rows).sort();
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function filters(params: Record<string, string | undefined>): QueueFilters {
  return parseQueueFilters(params);
}

/** Every page of the queue, following the `next` cursors; checks the page size on the way. */
async function walk(f: QueueFilters, managerId: string) {
  const rows: Awaited<ReturnType<typeof listQueue>>['rows'] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const result = await listQueue(db, { ...f, cursor }, managerId);
    expect(result.rows.length).toBeLessThanOrEqual(PAGE_SIZE);
    if (result.next) expect(result.rows).toHaveLength(PAGE_SIZE);
    rows.push(...result.rows);
    if (!result.next) return rows;
    cursor = result.next;
  }
  throw new Error('the pages never end');
}

describe('filters', () => {
  it('never shows drafts, whatever the filter', async () => {
    const drafts = new Set(ids(all.filter((a) => a.status === 'draft')));
    expect(drafts.size).toBe(11);
    for (const params of [{}, { q: 'ақбұлақ' }, { q: '8 701 123 45 67' }, { region: 'KZ-61' }, { sort: 'name_asc' }, { q: binFor(100) }]) {
      const rows = await walk(filters(params), mA.id);
      expect(rows.filter((r) => drafts.has(r.id))).toEqual([]);
    }
    const everything = await walk(filters({}), mA.id);
    expect(sortedIds(everything)).toEqual(sortedIds(visible()));
    // Asking for drafts by status is not a filter a manager has.
    expect(sortedIds(await walk(filters({ status: 'draft' }), mA.id))).toEqual(sortedIds(visible()));
  });

  it('filters by status, region and organisation type, alone and together', async () => {
    const cases: [Record<string, string>, (a: Application) => boolean][] = [
      [{ status: 'in_review' }, (a) => a.status === 'in_review'],
      [{ status: 'rejected' }, (a) => a.status === 'rejected'],
      [{ region: 'KZ-75' }, (a) => a.region === 'KZ-75'],
      [{ region: 'KZ-61' }, (a) => a.region === 'KZ-61'],
      [{ orgType: 'college' }, (a) => a.orgType === 'college'],
      [{ status: 'approved', region: 'KZ-71', orgType: 'school' }, (a) => a.status === 'approved' && a.region === 'KZ-71' && a.orgType === 'school'],
      [{ status: 'submitted', orgType: 'college' }, (a) => a.status === 'submitted' && a.orgType === 'college'],
    ];
    for (const [params, keep] of cases) {
      const expected = visible().filter(keep);
      expect(expected.length, JSON.stringify(params)).toBeGreaterThan(0);
      const rows = await walk(filters(params), mA.id);
      expect(sortedIds(rows), JSON.stringify(params)).toEqual(sortedIds(expected));
    }
    expect(await walk(filters({ region: 'KZ-47' }), mA.id)).toEqual([]);
  });

  it('filters by submission date, from and to being whole days in Almaty time', async () => {
    const rows = await walk(filters({ from: '2026-03-10', to: '2026-03-12' }), mA.id);
    const got = new Set(ids(rows));
    expect(got.has(bySerial.get(108)!.id)).toBe(false); // 2026-03-09 23:59:59.999 in Almaty
    expect(got.has(bySerial.get(109)!.id)).toBe(true); // 2026-03-10 00:00 in Almaty
    expect(got.has(bySerial.get(110)!.id)).toBe(true); // 2026-03-12 23:59:59.999 in Almaty
    expect(got.has(bySerial.get(111)!.id)).toBe(false); // 2026-03-13 00:00 in Almaty
    const start = new Date('2026-03-10T00:00:00+05:00').getTime();
    const end = new Date('2026-03-13T00:00:00+05:00').getTime();
    const expected = visible().filter((a) => a.submittedAt!.getTime() >= start && a.submittedAt!.getTime() < end);
    expect(expected.length).toBeGreaterThan(4);
    expect(sortedIds(rows)).toEqual(sortedIds(expected));

    // One bound only.
    expect(sortedIds(await walk(filters({ from: '2026-03-10' }), mA.id))).toEqual(sortedIds(visible().filter((a) => a.submittedAt!.getTime() >= start)));
    expect(sortedIds(await walk(filters({ to: '2026-03-09' }), mA.id))).toEqual(sortedIds(visible().filter((a) => a.submittedAt!.getTime() < start)));
    // A single day.
    const day = await walk(filters({ from: '2026-03-13', to: '2026-03-13' }), mA.id);
    expect(ids(day)).toContain(bySerial.get(111)!.id);
    expect(ids(day)).not.toContain(bySerial.get(110)!.id);
    // from after to: nothing.
    expect(await walk(filters({ from: '2026-03-12', to: '2026-03-10' }), mA.id)).toEqual([]);
  });

  it('"mine" shows the applications assigned to the manager asking', async () => {
    for (const manager of [mA, mB]) {
      const rows = await walk(filters({ mine: '1' }), manager.id);
      const expected = visible().filter((a) => a.assignedTo === manager.id);
      expect(expected.length).toBeGreaterThan(10);
      expect(sortedIds(rows)).toEqual(sortedIds(expected));
    }
    const mineInReview = await walk(filters({ mine: '1', status: 'in_review' }), mB.id);
    expect(sortedIds(mineInReview)).toEqual(sortedIds(visible().filter((a) => a.assignedTo === mB.id && a.status === 'in_review')));
    // mine=0 or anything but '1' is not the filter.
    expect(await walk(filters({ mine: '0' }), mA.id)).toHaveLength(visible().length);
  });

  it('lists only what the queue needs (no IIN, no search text)', async () => {
    const { rows } = await listQueue(db, filters({ q: 'ақбұлақ' }), mA.id);
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const app = bySerial.get(100)!;
    expect(row).toMatchObject({ id: app.id, orgName: 'Ақбұлақ мектебі', bin: app.bin, region: 'KZ-61', orgType: 'school', status: 'submitted', submittedAt: app.submittedAt, assignedTo: null });
    expect(JSON.stringify(row)).not.toContain(app.librarianIin!);
    expect(row).not.toHaveProperty('searchText');
  });
});

describe('search', () => {
  async function search(q: string, extra: Record<string, string> = {}) {
    return walk(filters({ q, ...extra }), mA.id);
  }
  const serials = (rows: { id: string }[]) =>
    rows.map((r) => [...bySerial.entries()].find(([, a]) => a.id === r.id)?.[0] ?? -1).sort((x, y) => x - y);

  it('finds an organisation name whatever the case, Kazakh letters included', async () => {
    for (const q of ['АҚБҰЛАҚ', 'ақбұлақ', 'Ақбұлақ Мектебі', '  ақбұлақ  ', 'БҰЛАҚ']) {
      expect(serials(await search(q)), q).toEqual([100]);
    }
    // Decomposed input (й as и + U+0306) is composed before searching.
    const lyceums = visible().filter((a) => a.orgName!.includes('лицейі')).length;
    expect(lyceums).toBeGreaterThan(0);
    expect('ЛИЦЕЙІ'.normalize('NFD')).not.toBe('ЛИЦЕЙІ');
    expect((await search('ЛИЦЕЙІ'.normalize('NFD'))).length).toBe(lyceums);
    expect(serials(await search('өнер мектебі')).length).toBe(visible().filter((a) => a.orgName!.startsWith('Өнер')).length);
  });

  it('finds by BIN, IIN and email, as typed', async () => {
    const app = bySerial.get(100)!;
    expect(serials(await search(app.bin!))).toEqual([100]);
    expect(serials(await search(`${app.bin!.slice(0, 4)} ${app.bin!.slice(4, 8)} ${app.bin!.slice(8)}`))).toEqual([100]);
    expect(serials(await search(iinFor(102)))).toEqual([102]);
    expect(serials(await search(`${iinFor(102).slice(0, 6)}-${iinFor(102).slice(6)}`))).toEqual([102]);
    expect(serials(await search('Office-103@School.EDU.kz'))).toEqual([103]);
    expect(serials(await search('library-104@school.edu.kz'))).toEqual([104]);
  });

  it('finds a phone typed in another format', async () => {
    for (const q of ['8 701 123 45 67', '+7 (701) 123-45-67', '87011234567', '+77011234567']) {
      expect(serials(await search(q)), q).toEqual([106]);
    }
  });

  it('takes % and _ literally', async () => {
    expect(serials(await search('%'))).toEqual([102]);
    expect(serials(await search('100%'))).toEqual([102]);
    expect(serials(await search('_'))).toEqual([103]);
    expect(serials(await search('мектеп_1'))).toEqual([103]);
    expect(serials(await search('%мектеп%'))).toEqual([]);
    expect(await search('\\')).toEqual([]);
    expect(await search("'; drop table applications; --")).toEqual([]);
    expect((await walk(filters({}), mA.id)).length).toBe(visible().length);
  });

  it('combines with the other filters; blank search is no filter', async () => {
    expect(serials(await search('мектеп', { status: 'rejected', region: 'KZ-71' }))).toEqual(
      [...bySerial.entries()]
        .filter(([, a]) => a.status === 'rejected' && a.region === 'KZ-71' && a.orgName!.toLocaleLowerCase('kk').includes('мектеп'))
        .map(([s]) => s)
        .sort((x, y) => x - y),
    );
    expect(await search('   ')).toHaveLength(visible().length);
  });
});

describe('keyset pagination', () => {
  function expectedOrder(sort: QueueSort, rows: Application[]): string[] {
    const copy = [...rows];
    if (sort === 'submitted_asc') copy.sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime() || cmp(a.id, b.id));
    if (sort === 'submitted_desc') copy.sort((a, b) => b.submittedAt!.getTime() - a.submittedAt!.getTime() || cmp(b.id, a.id));
    return ids(copy);
  }

  /** name_asc in the database's own order of lower-cased names (its collation), ties by id. */
  async function nameOrder(where = sql`true`): Promise<string[]> {
    const result = await db.execute(sql`select id from applications where status <> 'draft' and ${where} order by coalesce(lower(org_name), ''), id`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string }[];
    return rows.map((r) => r.id);
  }

  it('walks every page of each sort: each row exactly once, in order', async () => {
    expect(visible().length).toBeGreaterThan(2 * PAGE_SIZE);
    for (const sort of queueSorts) {
      const rows = await walk(filters({ sort }), mA.id);
      const got = ids(rows);
      expect(new Set(got).size, sort).toBe(got.length);
      expect(got.length, sort).toBe(visible().length);
      expect(got, sort).toEqual(sort === 'name_asc' ? await nameOrder() : expectedOrder(sort, visible()));
    }
  });

  it('name_asc puts names equal but for case next to each other, ties by id, and agrees with JS on these names', async () => {
    const rows = await walk(filters({ sort: 'name_asc' }), mA.id);
    const gym = rows.filter((r) => r.orgName!.toLocaleLowerCase('kk') === 'гимназия');
    expect(gym).toHaveLength(3);
    const first = rows.indexOf(gym[0]!);
    expect(rows.slice(first, first + 3)).toEqual(gym);
    expect(ids(gym)).toEqual([...ids(gym)].sort());
    // With a code-point collation (C, C.UTF-8: the test databases) lower-cased names never go backwards.
    const result = await db.execute(sql`select datcollate as collation from pg_database where datname = current_database()`);
    const [info] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { collation: string }[];
    if (/^(C|POSIX|C\.UTF-?8)$/i.test(info!.collation)) {
      const keys = rows.map((r) => r.orgName!.toLocaleLowerCase('kk'));
      for (let i = 1; i < keys.length; i += 1) expect(keys[i - 1]! <= keys[i]!, `${keys[i - 1]} <= ${keys[i]}`).toBe(true);
    }
  });

  it('pages through a filtered queue in each sort', async () => {
    const keep = (a: Application) => a.orgType === 'school';
    for (const sort of queueSorts) {
      const got = ids(await walk(filters({ sort, orgType: 'school' }), mA.id));
      expect(new Set(got).size).toBe(got.length);
      expect(got).toEqual(sort === 'name_asc' ? await nameOrder(sql`org_type = 'school'`) : expectedOrder(sort, visible().filter(keep)));
    }
  });

  it('starts from the first page with a tampered or foreign cursor', async () => {
    for (const sort of queueSorts) {
      const first = await listQueue(db, filters({ sort }), mA.id);
      expect(first.next).not.toBeNull();
      const someId = first.rows[3]!.id;
      const tampered = [
        'garbage!!',
        'e30',
        Buffer.from('null').toString('base64url'),
        Buffer.from('[1,2]').toString('base64url'),
        encodeCursor({ v: '2026-03-01T00:00:00.000Z', id: 'not-a-uuid' }),
        encodeCursor({ v: '2026-03-01T00:00:00.000Z', id: '------------------------------------' }),
        encodeCursor({ v: 'нөл\u0000', id: someId }),
        `x${first.next}`,
        // A name is a position for name_asc, but no instant for the date sorts.
        ...(sort === 'name_asc' ? [] : [encodeCursor({ v: 'not a date', id: someId }), encodeCursor({ v: '2026-02-30T00:00:00.000Z', id: someId })]),
      ];
      for (const cursor of tampered) {
        const page = await listQueue(db, filters({ sort, cursor }), mA.id);
        expect(ids(page.rows), `${sort} ${cursor}`).toEqual(ids(first.rows));
        expect(page.next).toBe(first.next);
      }
    }
  });
});

describe('countByStatus', () => {
  it('counts each status a manager sees, without drafts', async () => {
    const counts = await countByStatus(db);
    const expected: Record<string, number> = {};
    for (const a of visible()) expected[a.status] = (expected[a.status] ?? 0) + 1;
    expect(counts).toEqual(expected);
    expect(counts).not.toHaveProperty('draft');
    expect(Object.values(counts).reduce((s, n) => s + (n ?? 0), 0)).toBe(visible().length);
  });
});

describe('parseQueueFilters', () => {
  it('drops malformed values instead of throwing, keeping the valid ones', () => {
    expect(
      parseQueueFilters({ status: 'bogus', region: 'KZ-99', orgType: 'university', from: '2026-13-45', to: '2026-02-30', sort: 'random', mine: 'yes', q: 'мектеп' }),
    ).toEqual({ status: undefined, region: undefined, orgType: undefined, from: undefined, to: undefined, q: 'мектеп', mine: false, sort: 'submitted_asc', cursor: undefined });
    for (const date of ['2026-3-1', '01.03.2026', '2026-00-10', '2026-04-31', '2025-02-29', '2026-03-01T00:00', ' 2026-03-01', '']) {
      expect(parseQueueFilters({ from: date, to: date }), date).toMatchObject({ from: undefined, to: undefined });
    }
    expect(parseQueueFilters({ from: '2024-02-29', to: '2026-12-31' })).toMatchObject({ from: '2024-02-29', to: '2026-12-31' });
    expect(parseQueueFilters({})).toEqual({ status: undefined, region: undefined, orgType: undefined, from: undefined, to: undefined, q: undefined, mine: false, sort: 'submitted_asc', cursor: undefined });
    expect(parseQueueFilters({ status: ['approved', 'rejected'], region: ['KZ-71'], mine: '1', sort: 'name_asc' })).toMatchObject({ status: 'approved', region: 'KZ-71', mine: true, sort: 'name_asc' });
    expect(parseQueueFilters({ status: '', region: '', sort: '' })).toMatchObject({ status: undefined, region: undefined, sort: 'submitted_asc' });
    expect(parseQueueFilters({ q: 'x'.repeat(500) }).q).toHaveLength(100);
    expect(parseQueueFilters({ cursor: 'c'.repeat(1000) }).cursor).toHaveLength(300);
  });

  it('gives filters the queue can run with, even from a hostile URL', async () => {
    const hostile = parseQueueFilters({ status: "approved' or '1'='1", region: 'KZ-99', from: '2026-13-45', to: '2026-02-30', orgType: '<script>', sort: 'id desc' });
    expect(sortedIds(await walk(hostile, mA.id))).toEqual(sortedIds(visible()));
  });
});
