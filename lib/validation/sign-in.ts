import { z } from 'zod';
import { emailField } from './fields';

export const PASSWORD_MAX = 128;

/** A password as typed at sign-in: checked for presence and size only. */
export const passwordInput = z
  .string({ message: 'passwordRequired' })
  .min(1, 'passwordRequired')
  .max(PASSWORD_MAX, 'passwordTooLong');

export const signInSchema = z.object({ email: emailField, password: passwordInput });

export const forgotPasswordSchema = z.object({ email: emailField });
