'use client';

import { useTranslations } from 'next-intl';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from 'react';

type Common = { name: string; label: string; error?: string[]; hint?: string; required?: boolean };

function useDescribed(name: string, error?: string[], hint?: string) {
  const errorId = `${name}-error`;
  const hintId = hint ? `${name}-hint` : undefined;
  return {
    errorId,
    hintId,
    describedBy: [hintId, error?.length ? errorId : undefined].filter(Boolean).join(' ') || undefined,
  };
}

/** The error under a field: linked by aria-describedby and announced by screen readers. */
export function FieldError({ id, error }: { id: string; error?: string[] }) {
  const t = useTranslations('Errors');
  return (
    <p id={id} aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
      {error?.[0] ? t(error[0] as Parameters<typeof t>[0]) : null}
    </p>
  );
}

function Label({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  const t = useTranslations('Common');
  return (
    <label htmlFor={htmlFor} className="mb-1 block font-medium">
      {label}
      {required ? (
        <span className="text-red-700" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
      {required ? <span className="sr-only"> ({t('required')})</span> : null}
    </label>
  );
}

const inputClass =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30 aria-[invalid=true]:border-red-600';

/** Label, hint and error around one control; `control` gets the ARIA attributes that link them. */
function Field({ name, label, error, hint, required, control }: Common & { control: (aria: Record<string, unknown>) => ReactNode }) {
  const { errorId, hintId, describedBy } = useDescribed(name, error, hint);
  return (
    <div>
      <Label htmlFor={name} label={label} required={required} />
      {hint ? (
        <p id={hintId} className="mb-1 text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
      {control({
        id: name,
        name,
        'aria-invalid': error?.length ? true : undefined,
        'aria-describedby': describedBy,
        'aria-required': required || undefined,
        className: inputClass,
      })}
      <FieldError id={errorId} error={error} />
    </div>
  );
}

export function TextField({ name, label, error, hint, required, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return <Field name={name} label={label} error={error} hint={hint} required={required} control={(aria) => <input {...aria} {...rest} />} />;
}

export function SelectField({
  name,
  label,
  error,
  hint,
  required,
  children,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <Field
      name={name}
      label={label}
      error={error}
      hint={hint}
      required={required}
      control={(aria) => (
        <select {...aria} {...rest}>
          {children}
        </select>
      )}
    />
  );
}

export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className="w-full rounded-md bg-brand-700 px-4 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 sm:w-auto"
    >
      {pending ? pendingLabel : label}
    </button>
  );
}

/** A message for the whole form (wrong password, too many attempts...). */
export function FormAlert({ message }: { message?: string | null }) {
  return (
    <div role="alert" aria-live="assertive" className={message ? 'rounded-md border border-red-200 bg-red-50 p-3 text-red-800' : 'sr-only'}>
      {message ?? ''}
    </div>
  );
}
