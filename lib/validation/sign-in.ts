import { z } from 'zod';
import { emailField } from './fields';

export const PASSWORD_MAX = 128;

/**
 * A password as typed at sign-in: checked for presence and size only, and composed to NFC like
 * a chosen password (newPasswordField), so that both ways of typing "й" or "ё" match the hash.
 */
export const passwordInput = z
  .string({ message: 'passwordRequired' })
  .transform((v) => v.normalize('NFC'))
  .pipe(z.string().min(1, 'passwordRequired').max(PASSWORD_MAX, 'passwordTooLong'));

export const signInSchema = z.object({ email: emailField, password: passwordInput });

export const forgotPasswordSchema = z.object({ email: emailField });
