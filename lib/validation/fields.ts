import { z } from 'zod';
import { hasForbiddenCharacters, normalizeEmail } from './text';

export const EMAIL_MAX = 254;

/**
 * One email address: trimmed, lower-cased, no display name, no list. Messages are keys
 * of the `Errors` namespace in messages/*.json.
 */
export const emailField = z.preprocess(
  normalizeEmail,
  z
    .string({ message: 'emailRequired' })
    .min(1, 'emailRequired')
    .max(EMAIL_MAX, 'emailTooLong')
    .refine((v) => !hasForbiddenCharacters(v), 'forbiddenCharacters')
    .pipe(z.email({ message: 'emailInvalid' })),
);

/** Free text of at most `max` characters with no control, zero-width or bidi characters. */
export function safeText(max: number, requiredKey: string, tooLongKey = 'tooLong') {
  return z
    .string({ message: requiredKey })
    .transform((v) => v.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, requiredKey)
        .max(max, tooLongKey)
        .refine((v) => !hasForbiddenCharacters(v), 'forbiddenCharacters'),
    );
}

/** Turns zod issues into { field: [messageKey] } with the first issue per field. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    (out[field] ??= []).push(issue.message);
  }
  return out;
}
