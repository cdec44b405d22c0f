'use client';

import { useTranslations } from 'next-intl';
import { FormAlert, SubmitButton, TextField } from '@/components/forms/field';
import { NewPasswordFields } from '@/components/forms/new-password-fields';
import { useActionForm } from '@/components/forms/use-action-form';
import { changePasswordAction } from './actions';

export function ChangePasswordForm({ rules }: { rules: string }) {
  const t = useTranslations('ChangePassword');
  const common = useTranslations('Common');
  const errorsT = useTranslations('Errors');
  const { state, pending, errors, onSubmit, formAction } = useActionForm(changePasswordAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <FormAlert message={state.formError ? errorsT(state.formError as 'sessionExpired') : null} />
      <TextField
        name="current"
        type="password"
        label={t('current')}
        autoComplete="current-password"
        maxLength={128}
        required
        error={errors.current}
      />
      <NewPasswordFields labels={{ password: t('password'), confirm: t('confirm'), rules }} errors={errors} />
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={common('saving')} />
    </form>
  );
}
