import { and, asc, count, desc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applications } from '@/db/schema';
import { escapeLike, normalizeSearchQuery } from '@/lib/applications/search';
import { decodeCursor, encodeCursor, isCursorInstant, queueStatuses, type QueueFilters } from '@/lib/manager/queue-filters';

export const PAGE_SIZE = 25;

function filterConditions(filters: QueueFilters, managerId: string): SQL[] {
  const where: SQL[] = [ne(applications.status, 'draft')];
  if (filters.status) where.push(eq(applications.status, filters.status));
  if (filters.region) where.push(eq(applications.region, filters.region));
  if (filters.orgType) where.push(eq(applications.orgType, filters.orgType));
  if (filters.from) where.push(gte(applications.submittedAt, new Date(`${filters.from}T00:00:00+05:00`)));
  if (filters.to) where.push(lt(applications.submittedAt, new Date(new Date(`${filters.to}T00:00:00+05:00`).getTime() + 86_400_000)));
  if (filters.mine) where.push(eq(applications.assignedTo, managerId));
  const q = filters.q ? normalizeSearchQuery(filters.q) : '';
  if (q) where.push(sql`${applications.searchText} like ${`%${escapeLike(q)}%`} escape '\\'`);
  return where;
}

const columns = {
  id: applications.id,
  orgName: applications.orgName,
  bin: applications.bin,
  region: applications.region,
  city: applications.city,
  orgType: applications.orgType,
  status: applications.status,
  submittedAt: applications.submittedAt,
  assignedTo: applications.assignedTo,
};

/**
 * One page of the managers' queue. Pagination is by keyset (the last row's sort value and id),
 * so deep pages cost what the first does.
 */
export async function listQueue(db: Db, filters: QueueFilters, managerId: string) {
  const where = filterConditions(filters, managerId);
  const decoded = decodeCursor(filters.cursor);
  // A tampered cursor (or one whose value the sort cannot compare with) starts from the first page.
  const cursor = decoded && (filters.sort === 'name_asc' || isCursorInstant(decoded.v)) ? decoded : null;
  const nameKey = sql<string>`coalesce(lower(${applications.orgName}), '')`;
  let order: SQL[];
  if (filters.sort === 'name_asc') {
    if (cursor) where.push(sql`(${nameKey}, ${applications.id}) > (${cursor.v}, ${cursor.id}::uuid)`);
    order = [asc(nameKey), asc(applications.id)];
  } else if (filters.sort === 'submitted_desc') {
    if (cursor) where.push(sql`(${applications.submittedAt}, ${applications.id}) < (${cursor.v}::timestamptz, ${cursor.id}::uuid)`);
    order = [desc(applications.submittedAt), desc(applications.id)];
  } else {
    if (cursor) where.push(sql`(${applications.submittedAt}, ${applications.id}) > (${cursor.v}::timestamptz, ${cursor.id}::uuid)`);
    order = [asc(applications.submittedAt), asc(applications.id)];
  }
  const rows = await db
    .select({ ...columns, nameKey })
    .from(applications)
    .where(and(...where))
    .orderBy(...order)
    .limit(PAGE_SIZE + 1);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  const next =
    rows.length > PAGE_SIZE && last
      ? encodeCursor({ v: filters.sort === 'name_asc' ? last.nameKey : last.submittedAt!.toISOString(), id: last.id })
      : null;
  return { rows: page.map((row) => ({ ...row, nameKey: undefined })), next };
}

/** Applications per status (drafts excluded), for the queue's tabs and the overview. */
export async function countByStatus(db: Db) {
  const rows = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(inArray(applications.status, [...queueStatuses]))
    .groupBy(applications.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Partial<Record<(typeof queueStatuses)[number], number>>;
}

/** Every row matching the filters (for the CSV export), in pages of the keyset order. */
export async function* allMatching(db: Db, filters: QueueFilters, managerId: string) {
  let cursor: string | undefined;
  for (;;) {
    const page = await listQueue(db, { ...filters, cursor }, managerId);
    yield* page.rows;
    if (!page.next) return;
    cursor = page.next;
  }
}

export async function countByRegion(db: Db) {
  const rows = await db
    .select({ region: applications.region, n: count() })
    .from(applications)
    .where(ne(applications.status, 'draft'))
    .groupBy(applications.region);
  return rows.map((r) => ({ region: r.region, n: Number(r.n) }));
}

/** Submitted applications per week (Monday-based, Almaty time) for the last `weeks` weeks. */
export async function submissionsPerWeek(db: Db, weeks: number, now = new Date()) {
  const since = new Date(now.getTime() - weeks * 7 * 86_400_000);
  const week = sql<string>`to_char(date_trunc('week', ${applications.submittedAt} at time zone 'Asia/Almaty'), 'YYYY-MM-DD')`;
  const rows = await db
    .select({ week, n: count() })
    .from(applications)
    .where(and(ne(applications.status, 'draft'), gte(applications.submittedAt, since)))
    .groupBy(week)
    .orderBy(week);
  return rows.map((r) => ({ week: r.week, n: Number(r.n) }));
}
