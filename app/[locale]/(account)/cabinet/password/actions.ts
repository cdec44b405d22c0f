'use server';

import { getDb } from '@/db';
import { changePassword } from '@/lib/accounts/passwords';
import { signInAgain } from '@/lib/auth/reauthenticate';
import { authorizedUser } from '@/lib/auth/session';
import { formFailure, parseForm, type ActionState } from '@/lib/validation/action';
import { changePasswordSchema } from '@/lib/validation/password';

/** Signed-in users change their password; every other session ends. */
export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await authorizedUser();
  if (!user) return formFailure(formData, 'sessionExpired');
  const parsed = parseForm(changePasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await changePassword(await getDb(), user.id, parsed.data);
  if (!result.ok) return { fieldErrors: { [result.field]: [result.error] } };
  return signInAgain(user.email, parsed.data.password, '/cabinet?changed=1');
}
