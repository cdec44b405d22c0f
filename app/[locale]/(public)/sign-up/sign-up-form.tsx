'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { FieldError, FormAlert, SelectField, SubmitButton, TextField } from '@/components/forms/field';
import { useActionForm } from '@/components/forms/use-action-form';
import { Link } from '@/lib/i18n/navigation';
import { EMAIL_MAX } from '@/lib/validation/fields';
import { positionCodes } from '@/lib/validation/positions';
import { POSITION_OTHER_MAX, signUpSchema } from '@/lib/validation/sign-up';
import { orgTypes } from '@/db/schema/enums';
import { signUpAction } from './actions';

export function SignUpForm() {
  const t = useTranslations('SignUp');
  const common = useTranslations('Common');
  const errorsT = useTranslations('Errors');
  const positions = useTranslations('Positions');
  const types = useTranslations('OrgTypes');
  const { state, pending, errors, onSubmit, formAction } = useActionForm(signUpAction, signUpSchema);
  const values = state.values ?? {};
  const [position, setPosition] = useState(values.position ?? '');

  if (state.ok && state.result) {
    return (
      <div className="space-y-4" role="status">
        <div className="rounded-lg border border-green-200 bg-green-50 p-4">
          <h2 className="text-lg font-semibold">{t('sentTitle')}</h2>
          <p className="mt-1">{t('sentText', { email: String(state.result.email), hours: Number(state.result.hours) })}</p>
          <Link href="/sign-in" className="mt-3 inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t('goSignIn')}
          </Link>
        </div>
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{t('notReceivedTitle')}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
            <li>{t('notReceived1')}</li>
            <li>{t('notReceived2')}</li>
            <li>{t('notReceived3')}</li>
            <li>
              {t('notReceived4')}{' '}
              <Link href="/forgot-password" className="text-brand-700 underline">
                {t('forgotLink')}
              </Link>
            </li>
          </ul>
        </details>
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
        hint={t('emailHint')}
        autoComplete="email"
        inputMode="email"
        maxLength={EMAIL_MAX}
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <SelectField
        name="position"
        label={t('position')}
        required
        value={position}
        onChange={(e) => setPosition(e.target.value)}
        error={errors.position}
      >
        <option value="">{t('positionPlaceholder')}</option>
        {positionCodes.map((code) => (
          <option key={code} value={code}>
            {positions(code)}
          </option>
        ))}
      </SelectField>
      {position === 'other' ? (
        <TextField
          name="positionOther"
          label={t('positionOther')}
          maxLength={POSITION_OTHER_MAX}
          required
          defaultValue={values.positionOther}
          error={errors.positionOther}
        />
      ) : null}
      <fieldset aria-describedby="orgType-error">
        <legend className="mb-1 font-medium">
          {t('orgType')} <span className="text-red-700" aria-hidden="true">*</span>
          <span className="sr-only"> ({common('required')})</span>
        </legend>
        <div className="flex gap-6">
          {orgTypes.map((type) => (
            <label key={type} className="flex items-center gap-2">
              <input
                type="radio"
                name="orgType"
                value={type}
                defaultChecked={values.orgType === type}
                className="h-4 w-4"
              />
              {types(type)}
            </label>
          ))}
        </div>
        <FieldError id="orgType-error" error={errors.orgType} />
      </fieldset>
      <fieldset className="rounded-md border border-slate-200 p-3" aria-describedby="consent-error">
        <legend className="px-1 font-medium">{t('consentTitle')}</legend>
        <p className="max-h-40 overflow-y-auto text-sm text-slate-700">{t('consentText')}</p>
        <label className="mt-2 flex items-start gap-2">
          <input
            type="checkbox"
            name="consent"
            defaultChecked={values.consent === 'on'}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? 'consent-error' : undefined}
            className="mt-1 h-4 w-4"
          />
          <span>{t('consentLabel')}</span>
        </label>
        <FieldError id="consent-error" error={errors.consent} />
      </fieldset>
      <SubmitButton pending={pending} label={t('submit')} pendingLabel={common('saving')} />
    </form>
  );
}
