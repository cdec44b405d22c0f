import { getTranslations } from 'next-intl/server';
import { hasLocale } from 'next-intl';
import { getDb } from '@/db';
import { allMatching } from '@/db/queries/manager-queue';
import { authorizedUser } from '@/lib/auth/session';
import { routing } from '@/lib/i18n/routing';
import { CSV_BOM, csvLine } from '@/lib/manager/csv';
import { parseQueueFilters } from '@/lib/manager/queue-filters';
import { regionKey, type RegionCode } from '@/lib/validation/regions';

/** The filtered queue as CSV (managers only). */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/manager/export'>) {
  const { locale: raw } = await params;
  const locale = hasLocale(routing.locales, raw) ? raw : routing.defaultLocale;
  const manager = await authorizedUser({ roles: ['manager'] });
  if (!manager) return new Response(null, { status: 404 });
  const filters = parseQueueFilters(Object.fromEntries(new URL(request.url).searchParams));
  const t = await getTranslations({ locale, namespace: 'Manager' });
  const status = await getTranslations({ locale, namespace: 'Status' });
  const regions = await getTranslations({ locale, namespace: 'Regions' });
  const types = await getTranslations({ locale, namespace: 'OrgTypes' });
  const application = await getTranslations({ locale, namespace: 'Application' });
  const db = await getDb();
  let body = CSV_BOM + csvLine([t('colName'), t('colBin'), t('region'), application('city'), t('colType'), t('colStatus'), t('colSubmitted')]);
  for await (const row of allMatching(db, filters, manager.id)) {
    body += csvLine([
      row.orgName,
      row.bin,
      row.region ? regions(regionKey(row.region as RegionCode) as 'r10') : '',
      row.city,
      types(row.orgType),
      status(row.status),
      row.submittedAt?.toISOString() ?? '',
    ]);
  }
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="qazaqmura-applications-${new Date().toISOString().slice(0, 10)}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
