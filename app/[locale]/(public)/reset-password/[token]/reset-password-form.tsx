'use client';

import { useTranslations } from 'next-intl';
import { FormAlert, SubmitButton } from '@/components/forms/field';
import { NewPasswordFields } from '@/components/forms/new-password-fields';
import { useActionForm } from '@/components/forms/use-action-form';
import { resetPasswordAction } from './actions';

export function ResetPasswordForm({ token, rules }: { token: string; rules: string }) {
  const t = useTranslations('ResetPassword');
  const common = useTranslations('Common');
  const errorsT = useTranslations('Errors');
  const { state, pending, errors, onSubmit, formAction } = useActionForm(resetPasswordAction);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
      <FormAlert message={state.formError ? errorsT(state.formError as 'resetLinkInvalid') : null} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields labels={{ password: t('password'), confirm: t('confirm'), rules }} errors={errors} />
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={common('saving')} />
    </form>
  );
}
