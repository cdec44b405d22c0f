import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db';
import { countByRegion, countByStatus, submissionsPerWeek } from '@/db/queries/manager-queue';
import { requireUser } from '@/lib/auth/session';
import { queueStatuses } from '@/lib/manager/queue-filters';
import { regionKey, type RegionCode } from '@/lib/validation/regions';

const WEEKS = 12;

/** Mondays of the last `weeks` weeks (Almaty time), oldest first, as YYYY-MM-DD. */
function lastWeeks(weeks: number, now: Date): string[] {
  const almaty = new Date(now.getTime() + 5 * 3600_000);
  const monday = new Date(Date.UTC(almaty.getUTCFullYear(), almaty.getUTCMonth(), almaty.getUTCDate() - ((almaty.getUTCDay() + 6) % 7)));
  return Array.from({ length: weeks }, (_, i) => new Date(monday.getTime() - (weeks - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10));
}

export default async function OverviewPage({ params }: PageProps<'/[locale]/manager/overview'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  await requireUser(locale, { roles: ['manager'] });
  const db = await getDb();
  const now = new Date();
  const [byStatus, byRegion, perWeek] = await Promise.all([countByStatus(db), countByRegion(db), submissionsPerWeek(db, WEEKS, now)]);
  const t = await getTranslations('Manager');
  const status = await getTranslations('Status');
  const regions = await getTranslations('Regions');
  const weeks = lastWeeks(WEEKS, now).map((week) => ({ week, n: perWeek.find((w) => w.week === week)?.n ?? 0 }));
  const max = Math.max(1, ...weeks.map((w) => w.n));
  const barWidth = 40;
  const height = 160;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('overviewTitle')}</h1>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t('byStatus')}</h2>
        <table className="text-sm">
          <tbody>
            {queueStatuses.map((s) => (
              <tr key={s}>
                <th className="pr-4 text-left font-normal">{status(s)}</th>
                <td className="font-semibold">{byStatus[s] ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 font-semibold">{t('byRegion')}</h2>
        <table className="text-sm">
          <tbody>
            {byRegion
              .sort((a, b) => b.n - a.n)
              .map((r) => (
                <tr key={r.region ?? 'none'}>
                  <th className="pr-4 text-left font-normal">{r.region ? regions(regionKey(r.region as RegionCode) as 'r10') : t('noRegion')}</th>
                  <td className="font-semibold">{r.n}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="per-week" className="mb-2 font-semibold">
          {t('perWeek')}
        </h2>
        <div className="overflow-x-auto">
          <svg role="img" aria-labelledby="per-week" width={weeks.length * barWidth} height={height + 40} className="text-brand-700">
            {weeks.map((w, i) => {
              const h = Math.round((w.n / max) * height);
              return (
                <g key={w.week}>
                  <title>{`${t('weekOf', { date: w.week })}: ${w.n}`}</title>
                  <rect x={i * barWidth + 6} y={height - h + 14} width={barWidth - 12} height={h} fill="currentColor" rx={3} />
                  <text x={i * barWidth + barWidth / 2} y={height - h + 10} textAnchor="middle" fontSize="11" fill="#0f172a">
                    {w.n}
                  </text>
                  <text x={i * barWidth + barWidth / 2} y={height + 30} textAnchor="middle" fontSize="10" fill="#64748b">
                    {w.week.slice(5)}
                  </text>
                </g>
              );
            })}
          </svg>
        </div>
        <table className="sr-only">
          <thead>
            <tr>
              <th>{t('perWeek')}</th>
              <th>{t('count')}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <td>{t('weekOf', { date: w.week })}</td>
                <td>{w.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
