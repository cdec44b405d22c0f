'use client';

import { useTranslations } from 'next-intl';
import { FormAlert, SubmitButton, TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { Link } from '@/lib/i18n/navigation';
import { EMAIL_MAX } from '@/lib/validation/fields';
import { forgotPasswordSchema } from '@/lib/validation/sign-in';
import { forgotPasswordAction } from './actions';

export function ForgotPasswordForm() {
  const t = useTranslations('ForgotPassword');
  const common = useTranslations('Common');
  const errorsT = useTranslations('Errors');
  const { state, pending, errors, onSubmit, formAction } = useActionForm(forgotPasswordAction, forgotPasswordSchema);
  if (state.ok && state.result) {
    return (
      <div role="status" className="rounded-lg border border-green-200 bg-green-50 p-4">
        <h2 className="text-lg font-semibold">{t('sentTitle')}</h2>
        <p className="mt-1">{t('sentText', { email: String(state.result.email), minutes: Number(state.result.minutes) })}</p>
        <Link href="/sign-in" className="mt-3 inline-block text-brand-700 underline">
          {t('back')}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <FormAlert message={state.formError ? errorsT(state.formError as 'rateLimited', state.formErrorValues ?? {}) : null} />
      <TextField
        name="email"
        type="email"
        label={t('email')}
        autoComplete="email"
        inputMode="email"
        maxLength={EMAIL_MAX}
        required
        defaultValue={state.values?.email}
        error={errors.email}
      />
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={common('saving')} />
    </form>
  );
}
