import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';

const SECTIONS = [
  { title: 'section1', fields: ['orgFullName', 'bin', 'phone', 'email', 'legalAddress', 'cityRegion', 'postalCode'] },
  { title: 'section2', fields: ['fullName', 'iin', 'phone', 'email'] },
  { title: 'section3', fields: ['fullName', 'position', 'phone', 'email'] },
] as const;

export default async function LandingPage({ params }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  setRequestLocale(locale as 'kk' | 'ru');
  const t = await getTranslations('Landing');
  const common = await getTranslations('Common');
  const restore = await getTranslations('Restore');
  return (
    <div className="space-y-8">
      <section className="space-y-4">
        <h1 className="text-2xl font-bold sm:text-3xl">{t('title')}</h1>
        <p className="text-lg text-slate-700">{t('lead')}</p>
        <p className="rounded-md border-l-4 border-amber-500 bg-amber-50 p-3 font-semibold">{t('authorisedOnly')}</p>
        <p className="text-slate-700">{t('temporaryAccount')}</p>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/sign-up" className="rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
            {common('signUp')}
          </Link>
          <span className="text-slate-600">{t('haveAccount')}</span>
          <Link href="/sign-in" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
            {common('signIn')}
          </Link>
        </div>
      </section>

      <section className="rounded-lg border border-sky-200 bg-sky-50 p-4" aria-labelledby="already-used">
        <h2 id="already-used" className="font-semibold">
          {t('alreadyUsedTitle')}
        </h2>
        <p className="mt-1 text-slate-700">{t('alreadyUsed')}</p>
        <Link href="/restore" className="mt-2 inline-block text-brand-700 underline">
          {restore('link')}
        </Link>
      </section>

      <section id="prepare" className="space-y-4" aria-labelledby="prepare-title">
        <h2 id="prepare-title" className="text-xl font-bold">
          {t('prepareTitle')}
        </h2>
        <p className="text-slate-700">{t('prepareLead')}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {SECTIONS.map((section) => (
            <div key={section.title} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="mb-2 font-semibold">{t(section.title)}</h3>
              <ul className="list-disc space-y-1 pl-5 text-slate-700">
                {section.fields.map((field) => (
                  <li key={field}>{t(field)}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        <p className="text-slate-700">{t('prepareOutro')}</p>
      </section>

      <section className="space-y-2" aria-labelledby="procedure-title">
        <h2 id="procedure-title" className="text-xl font-bold">
          {t('procedureTitle')}
        </h2>
        <p className="text-slate-700">{t('procedureLead')}</p>
        <ol className="list-decimal space-y-1 pl-5 text-slate-700">
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
          <li>{t('step4')}</li>
        </ol>
      </section>
    </div>
  );
}
