'use server';

import { getDb } from '@/db';
import { setOwnPassword } from '@/lib/accounts/passwords';
import { signInAgain } from '@/lib/auth/reauthenticate';
import { authorizedUser } from '@/lib/auth/session';
import { formFailure, parseForm, type ActionState } from '@/lib/validation/action';
import { newPasswordSchema } from '@/lib/validation/password';

/** Signed-in users who still hold the emailed password choose their own. */
export async function setPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await authorizedUser({ allowPasswordChange: true });
  // Only while the emailed password is still held: afterwards a change needs the current password.
  if (!user?.mustChangePassword) return formFailure(formData, 'sessionExpired');
  const parsed = parseForm(newPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await setOwnPassword(await getDb(), user.id, parsed.data.password);
  if (!result.ok) return { fieldErrors: { [result.field]: [result.error] } };
  return signInAgain(user.email, parsed.data.password, '/cabinet');
}
