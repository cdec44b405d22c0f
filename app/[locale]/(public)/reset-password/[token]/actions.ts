'use server';

import { getLocale } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { resetPassword } from '@/lib/accounts/passwords';
import { formFailure, parseForm, type ActionState } from '@/lib/validation/action';
import { newPasswordSchema, resetTokenField } from '@/lib/validation/password';

/** Public: the single-use token from the email is the authorization. */
export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const token = resetTokenField.safeParse(formData.get('token'));
  if (!token.success) return formFailure(formData, 'resetLinkInvalid');
  const parsed = parseForm(newPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await resetPassword(await getDb(), token.data, parsed.data.password);
  if (!result.ok) return formFailure(formData, 'resetLinkInvalid');
  redirect(`/${await getLocale()}/sign-in?reset=1`);
}
