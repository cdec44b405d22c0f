'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import { FieldError, SelectField, TextField } from '@/components/forms/field';
import { orgTypes, type ApplicationStatus } from '@/db/schema/enums';
import { useRouter } from '@/lib/i18n/navigation';
import type { ApplicationField } from '@/lib/validation/application';
import { regionCodes, regionKey } from '@/lib/validation/regions';
import { requestRestoreAction, saveDraftAction, submitApplicationAction, type ApplicationActionState } from './actions';

const AUTOSAVE_MS = 1500;
const noSubscribe = () => () => {};

const SECTIONS: { key: 'section1' | 'section2' | 'section3'; fields: ApplicationField[] }[] = [
  { key: 'section1', fields: ['orgName', 'bin', 'orgPhone', 'orgEmail', 'legalAddress', 'region', 'city', 'postalCode'] },
  { key: 'section2', fields: ['librarianName', 'librarianIin', 'librarianPhone', 'librarianEmail'] },
  { key: 'section3', fields: ['responsibleName', 'responsiblePosition', 'responsiblePhone', 'responsibleEmail'] },
];

const INPUT: Partial<Record<ApplicationField, { type?: string; inputMode?: 'numeric' | 'tel' | 'email'; autoComplete?: string; hint?: string }>> = {
  orgName: { hint: 'orgNameHint', autoComplete: 'organization' },
  bin: { inputMode: 'numeric', hint: 'binHint', autoComplete: 'off' },
  orgPhone: { type: 'tel', inputMode: 'tel', hint: 'phoneHint' },
  orgEmail: { type: 'email', inputMode: 'email' },
  postalCode: { hint: 'postalCodeHint', autoComplete: 'postal-code' },
  librarianName: { hint: 'nameHint', autoComplete: 'off' },
  librarianIin: { inputMode: 'numeric', hint: 'iinHint', autoComplete: 'off' },
  librarianPhone: { type: 'tel', inputMode: 'tel', hint: 'phoneHint' },
  librarianEmail: { type: 'email', inputMode: 'email' },
  responsibleName: { hint: 'nameHint', autoComplete: 'off' },
  responsiblePosition: { hint: 'responsiblePositionHint' },
  responsiblePhone: { type: 'tel', inputMode: 'tel', hint: 'phoneHint' },
  responsibleEmail: { type: 'email', inputMode: 'email' },
};

type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'failed';

/**
 * The application form: saves by itself while the user types (debounced) and on demand, shows
 * when it last saved and how complete each section is, and submits. Inputs are never reset:
 * whatever happens on the server, what was typed stays on screen.
 */
export function ApplicationForm(props: {
  initial: Record<string, string>;
  limits: Record<ApplicationField, number>;
  version: number;
  status: ApplicationStatus;
  savedAt: string | null;
}) {
  const t = useTranslations('Application');
  const types = useTranslations('OrgTypes');
  const regions = useTranslations('Regions');
  const format = useFormatter();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const version = useRef(props.version);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);
  // False in the server HTML, true once React runs: until then Enter must not submit natively.
  const hydrated = useSyncExternalStore(noSubscribe, () => true, () => false);
  const [saveState, setSaveState] = useState<SaveState>(props.savedAt ? 'saved' : 'idle');
  const [savedAt, setSavedAt] = useState<string | null>(props.savedAt);
  const [errors, setErrors] = useState<Partial<Record<string, string[]>>>({});
  const [message, setMessage] = useState<ApplicationActionState['message'] | null>(null);
  const [bin, setBin] = useState<string>('');
  const [restore, setRestore] = useState<'idle' | 'sending' | 'done'>('idle');
  const [submitting, setSubmitting] = useState(false);
  const [values, setValues] = useState<Record<string, string>>(props.initial);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (saveState === 'dirty' || saveState === 'saving' || saveState === 'failed') event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveState]);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  function formData(): FormData {
    const data = new FormData(formRef.current!);
    data.set('version', String(version.current));
    return data;
  }

  function apply(result: ApplicationActionState) {
    if (result.version !== undefined) version.current = result.version;
    if (result.savedAt) setSavedAt(result.savedAt);
    setErrors(result.errors ?? {});
  }

  /** Saves now; saves run one after another, each with the version the previous one returned. */
  function save(): Promise<boolean> {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const run = (inFlight.current ?? Promise.resolve()).then(async () => {
      setSaveState('saving');
      try {
        const result = await saveDraftAction(formData());
        apply(result);
        if (!result.ok) {
          setMessage(result.message ?? null);
          if (result.bin) setBin(result.bin);
          setSaveState('failed');
          return false;
        }
        setMessage(null);
        setSaveState('saved');
        return true;
      } catch {
        setSaveState('failed');
        return false;
      }
    });
    inFlight.current = run;
    return run;
  }

  function onInput(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (target.name) setValues((v) => ({ ...v, [target.name]: target.value }));
    setSaveState('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    if (timer.current) clearTimeout(timer.current);
    setSubmitting(true);
    try {
      await inFlight.current;
      const result = await submitApplicationAction(formData());
      apply(result);
      setMessage(result.message ?? null);
      if (result.ok) {
        setSaveState('saved');
        router.push('/cabinet');
        router.refresh();
        return;
      }
      setSaveState(result.savedAt ? 'saved' : 'failed');
      if (result.bin) setBin(result.bin);
      const first = Object.keys(result.errors ?? {})[0];
      if (first) (formRef.current?.elements.namedItem(first) as HTMLElement | null)?.focus?.();
    } catch {
      setSaveState('failed');
    } finally {
      setSubmitting(false);
    }
  }

  async function askRestore() {
    setRestore('sending');
    const result = await requestRestoreAction(bin).catch(() => ({ ok: false }));
    setRestore(result.ok ? 'done' : 'idle');
  }

  const done = (fields: ApplicationField[]) => fields.filter((name) => values[name]?.trim() && !errors[name]?.length).length;
  const status =
    saveState === 'saving'
      ? t('saving')
      : saveState === 'dirty'
        ? t('unsaved')
        : saveState === 'failed'
          ? t('saveFailed')
          : savedAt
            ? t('savedAt', { time: format.dateTime(new Date(savedAt), { dateStyle: 'short', timeStyle: 'short' }) })
            : '';

  return (
    <form ref={formRef} method="post" onInput={onInput} onSubmit={onSubmit} noValidate className="space-y-6">
      {message && message !== 'submitted' ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-red-800">
          <p>{t(message, { bin })}</p>
          {message === 'versionConflict' ? (
            <button type="button" onClick={() => window.location.reload()} className="mt-2 underline">
              {t('reload')}
            </button>
          ) : null}
          {message === 'binRegistered' || message === 'binInProgress' ? (
            restore === 'done' ? (
              <p className="mt-2 font-medium text-green-800">{t('restoreRequested')}</p>
            ) : (
              <button type="button" disabled={restore === 'sending'} onClick={askRestore} className="mt-2 rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white">
                {t('askRestore')}
              </button>
            )
          ) : null}
        </div>
      ) : null}

      <fieldset className="rounded-lg border border-slate-200 bg-white p-4" aria-describedby="orgType-error">
        <legend className="px-1 font-semibold">{t('orgType')}</legend>
        <div className="flex gap-6">
          {orgTypes.map((type) => (
            <label key={type} className="flex items-center gap-2">
              <input type="radio" name="orgType" value={type} defaultChecked={props.initial.orgType === type} className="h-4 w-4" />
              {types(type)}
            </label>
          ))}
        </div>
        <FieldError id="orgType-error" error={errors.orgType} />
      </fieldset>

      {SECTIONS.map((section) => (
        <fieldset key={section.key} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          <legend className="px-1 text-lg font-semibold">{t(section.key)}</legend>
          <p className="text-sm text-slate-500" data-testid={`${section.key}-completeness`}>
            {t('completeness', { done: done(section.fields), total: section.fields.length })}
          </p>
          {section.fields.map((name) =>
            name === 'region' ? (
              <SelectField key={name} name={name} label={t('region')} required defaultValue={props.initial.region} error={errors.region}>
                <option value="">{t('regionPlaceholder')}</option>
                {regionCodes.map((code) => (
                  <option key={code} value={code}>
                    {regions(regionKey(code) as 'r10')}
                  </option>
                ))}
              </SelectField>
            ) : (
              <TextField
                key={name}
                name={name}
                label={t(name === 'city' ? 'city' : name)}
                hint={INPUT[name]?.hint ? t(INPUT[name]!.hint as 'binHint') : undefined}
                type={INPUT[name]?.type ?? 'text'}
                inputMode={INPUT[name]?.inputMode}
                autoComplete={INPUT[name]?.autoComplete}
                maxLength={props.limits[name]}
                required
                defaultValue={props.initial[name]}
                error={errors[name]}
              />
            ),
          )}
        </fieldset>
      ))}

      <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
        <button type="button" onClick={() => void save()} className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          {t('saveDraft')}
        </button>
        <button type="submit" disabled={!hydrated || submitting} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {props.status === 'needs_changes' ? t('resubmit') : t('submit')}
        </button>
        <p role="status" aria-live="polite" className="text-sm text-slate-600" data-testid="save-status">
          {status}
        </p>
      </div>
    </form>
  );
}
