import { z } from 'zod';
import { PASSWORD_MAX, passwordInput } from './sign-in';
import { isCommonPassword } from '@/lib/auth/common-passwords';

export const PASSWORD_MIN = 12;

/** A password the user chooses: any characters (Kazakh letters too), 12 to 128 of them, not common. */
export const newPasswordField = z
  .string({ message: 'passwordRequired' })
  .transform((v) => v.normalize('NFC'))
  .pipe(
    z
      .string()
      .min(1, 'passwordRequired')
      .min(PASSWORD_MIN, 'passwordTooShort')
      .max(PASSWORD_MAX, 'passwordTooLong')
      .refine((v) => !/[\u0000-\u001F\u007F]/.test(v), 'forbiddenCharacters')
      .refine((v) => !isCommonPassword(v), 'passwordCommon'),
  );


export const newPasswordSchema = z
  .object({ password: newPasswordField, confirm: z.string({ message: 'passwordMismatch' }).max(PASSWORD_MAX, 'passwordTooLong') })
  .refine((d) => d.password === d.confirm.normalize('NFC'), { path: ['confirm'], message: 'passwordMismatch' });

export const changePasswordSchema = z
  .object({ current: passwordInput, password: newPasswordField, confirm: z.string({ message: 'passwordMismatch' }).max(PASSWORD_MAX, 'passwordTooLong') })
  .refine((d) => d.password === d.confirm.normalize('NFC'), { path: ['confirm'], message: 'passwordMismatch' });


export const resetTokenField = z
  .string()
  .regex(/^[A-Za-z0-9_-]{22,64}$/, 'resetLinkInvalid');
