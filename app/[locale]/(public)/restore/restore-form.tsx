'use client';

import { useTranslations } from 'next-intl';
import { FieldError, FormAlert, SubmitButton, TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { restoreRequestSchema } from '@/lib/validation/restore';
import { restoreRequestAction } from './actions';

export function RestoreForm() {
  const t = useTranslations('Restore');
  const common = useTranslations('Common');
  const errorsT = useTranslations('Errors');
  const { state, pending, errors, onSubmit, formAction } = useActionForm(restoreRequestAction, restoreRequestSchema);
  const values = state.values ?? {};
  if (state.ok) {
    return (
      <div role="status" className="rounded-lg border border-green-200 bg-green-50 p-4">
        <h2 className="text-lg font-semibold">{t('sentTitle')}</h2>
        <p className="mt-1">{t('sentText')}</p>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <FormAlert message={state.formError ? errorsT(state.formError as 'rateLimited', state.formErrorValues ?? {}) : null} />
      <TextField name="bin" label={t('bin')} inputMode="numeric" maxLength={20} required defaultValue={values.bin} error={errors.bin} />
      <TextField name="name" label={t('name')} maxLength={150} required defaultValue={values.name} error={errors.name} autoComplete="name" />
      <TextField name="position" label={t('position')} maxLength={120} required defaultValue={values.position} error={errors.position} />
      <TextField name="email" type="email" label={t('email')} maxLength={254} required defaultValue={values.email} error={errors.email} autoComplete="email" />
      <div>
        <label htmlFor="message" className="mb-1 block font-medium">
          {t('message')}
        </label>
        <textarea
          id="message"
          name="message"
          rows={4}
          maxLength={1000}
          defaultValue={values.message}
          aria-invalid={errors.message ? true : undefined}
          aria-describedby="message-error"
          className="block w-full rounded-md border border-slate-300 px-3 py-2"
        />
        <FieldError id="message-error" error={errors.message} />
      </div>
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={common('saving')} />
    </form>
  );
}
