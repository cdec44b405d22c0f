'use client';

import { useTranslations } from 'next-intl';
import { FormAlert, SubmitButton, TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { EMAIL_MAX } from '@/lib/validation/fields';
import { PASSWORD_MAX, signInSchema } from '@/lib/validation/sign-in';
import { signInAction } from './actions';

export function SignInForm() {
  const t = useTranslations('SignIn');
  const common = useTranslations('Common');
  const errorsT = useTranslations('Errors');
  const { state, pending, errors, onSubmit, formAction } = useActionForm(signInAction, signInSchema);
  const values = state.values ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <FormAlert message={state.formError ? errorsT(state.formError as 'rateLimited', state.formErrorValues ?? {}) : null} />
      <TextField
        name="email"
        type="email"
        label={t('email')}
        autoComplete="username"
        inputMode="email"
        maxLength={EMAIL_MAX}
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <TextField
        name="password"
        type="password"
        label={t('password')}
        autoComplete="current-password"
        maxLength={PASSWORD_MAX}
        required
        error={errors.password}
      />
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={common('saving')} />
    </form>
  );
}
