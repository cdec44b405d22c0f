import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { countByStatus, listQueue } from '@/db/queries/manager-queue';
import { orgTypes } from '@/db/schema/enums';
import { requireUser } from '@/lib/auth/session';
import { Link } from '@/lib/i18n/navigation';
import { parseQueueFilters, queueSorts, queueStatuses, type QueueFilters } from '@/lib/manager/queue-filters';
import { regionCodes, regionKey, type RegionCode } from '@/lib/validation/regions';

function queryString(filters: QueueFilters, extra: Record<string, string | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, cursor: undefined, ...extra })) {
    if (value === undefined || value === '' || value === false) continue;
    params.set(key, value === true ? '1' : String(value));
  }
  return params.toString();
}

/** A labelled select of the filter form; `any` adds the "no filter" choice. */
function FilterSelect({ name, label, value, any, options }: { name: string; label: string; value?: string; any?: string; options: [string, string][] }) {
  return (
    <label>
      <span className="mb-1 block text-sm font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ''} className="w-full rounded-md border border-slate-300 px-2 py-2">
        {any ? <option value="">{any}</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export default async function QueuePage({ params, searchParams }: PageProps<'/[locale]/manager'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const manager = await requireUser(locale, { roles: ['manager'] });
  const filters = parseQueueFilters(await searchParams);
  const db = await getDb();
  const [page, counts] = await Promise.all([listQueue(db, filters, manager.id), countByStatus(db)]);
  const t = await getTranslations('Manager');
  const status = await getTranslations('Status');
  const regions = await getTranslations('Regions');
  const types = await getTranslations('OrgTypes');
  const format = await getFormatter();
  const now = new Date();
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  const base = `/${locale}/manager`;

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t('queueTitle')}</h1>
      <ul className="flex flex-wrap gap-2 text-sm" aria-label={t('status')}>
        <li>
          <a href={`${base}?${queryString({ ...filters, status: undefined })}`} className="rounded-full border border-slate-300 bg-white px-3 py-1">
            {t('all')} <strong>{total}</strong>
          </a>
        </li>
        {queueStatuses.map((s) => (
          <li key={s}>
            <a
              href={`${base}?${queryString({ ...filters, status: s })}`}
              aria-current={filters.status === s ? 'true' : undefined}
              className={`rounded-full border px-3 py-1 ${filters.status === s ? 'border-slate-900 bg-slate-900 text-white' : 'border-slate-300 bg-white'}`}
            >
              {status(s)} <strong data-testid={`count-${s}`}>{counts[s] ?? 0}</strong>
            </a>
          </li>
        ))}
      </ul>

      <form method="get" action={base} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3" aria-label={t('filters')}>
        <label className="sm:col-span-3">
          <span className="mb-1 block text-sm font-medium">{t('search')}</span>
          <input name="q" defaultValue={filters.q} maxLength={100} placeholder={t('searchHint')} className="w-full rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <FilterSelect name="status" label={t('status')} value={filters.status} any={t('anyValue')} options={queueStatuses.map((v) => [v, status(v)])} />
        <FilterSelect
          name="region"
          label={t('region')}
          value={filters.region}
          any={t('anyValue')}
          options={regionCodes.map((code) => [code, regions(regionKey(code) as 'r10')])}
        />
        <FilterSelect name="orgType" label={t('orgType')} value={filters.orgType} any={t('anyValue')} options={orgTypes.map((v) => [v, types(v)])} />
        <label>
          <span className="mb-1 block text-sm font-medium">{t('from')}</span>
          <input type="date" name="from" defaultValue={filters.from} className="w-full rounded-md border border-slate-300 px-2 py-2" />
        </label>
        <label>
          <span className="mb-1 block text-sm font-medium">{t('to')}</span>
          <input type="date" name="to" defaultValue={filters.to} className="w-full rounded-md border border-slate-300 px-2 py-2" />
        </label>
        <FilterSelect name="sort" label={t('sort')} value={filters.sort} options={queueSorts.map((v) => [v, t(`sort_${v}`)])} />
        <label className="flex items-center gap-2">
          <input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} className="h-4 w-4" />
          {t('mine')}
        </label>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white">
            {t('apply')}
          </button>
          <a href={base} className="underline">
            {t('reset')}
          </a>
          <a href={`${base}/export?${queryString(filters)}`} className="underline" download>
            {t('export')}
          </a>
        </div>
      </form>

      {page.rows.length === 0 ? (
        <p>{t('noResults')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-100">
              <tr>
                <th className="p-2">{t('colName')}</th>
                <th className="p-2">{t('colBin')}</th>
                <th className="p-2">{t('colRegion')}</th>
                <th className="p-2">{t('colType')}</th>
                <th className="p-2">{t('colStatus')}</th>
                <th className="p-2">{t('colSubmitted')}</th>
                <th className="p-2">{t('colWaiting')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.id} className="border-t border-slate-200">
                  <td className="p-2">
                    <Link href={`/manager/applications/${row.id}`} className="text-brand-700 underline">
                      {row.orgName ?? t('untitled')}
                    </Link>
                  </td>
                  <td className="p-2 font-mono">{row.bin}</td>
                  <td className="p-2">
                    {row.region ? regions(regionKey(row.region as RegionCode) as 'r10') : ''}
                    {row.city ? `, ${row.city}` : ''}
                  </td>
                  <td className="p-2">{types(row.orgType)}</td>
                  <td className="p-2">{status(row.status)}</td>
                  <td className="p-2">{row.submittedAt ? format.dateTime(row.submittedAt, { dateStyle: 'short', timeStyle: 'short' }) : ''}</td>
                  <td className="p-2">
                    {row.submittedAt && (row.status === 'submitted' || row.status === 'in_review') ? format.relativeTime(row.submittedAt, now) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="flex gap-4">
        {filters.cursor ? (
          <a href={`${base}?${queryString(filters)}`} className="underline">
            {t('firstPage')}
          </a>
        ) : null}
        {page.next ? (
          <a href={`${base}?${queryString(filters, { cursor: page.next })}`} className="underline">
            {t('nextPage')}
          </a>
        ) : null}
      </nav>
    </div>
  );
}
