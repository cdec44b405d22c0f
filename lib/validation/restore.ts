import { z } from 'zod';
import { emailField, safeText } from './fields';
import { binProblem, normalizeIdNumber } from './kz-id';
import { hasForbiddenCharactersMultiline } from './text';

/** The public "my organisation already uses QAZAQMURA" form. */
export const restoreRequestSchema = z.object({
  bin: z
    .string({ message: 'binRequired' })
    .max(20, 'binFormat')
    .transform((v) => normalizeIdNumber(v))
    .superRefine((v, ctx) => {
      const problem = binProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  name: safeText(150, 'nameRequired', 'nameTooLong'),
  position: safeText(120, 'positionRequired', 'positionOtherTooLong'),
  email: emailField,
  message: z
    .string()
    .optional()
    .transform((v) => (v ?? '').normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(1000, 'messageTooLong')
        .refine((v) => !hasForbiddenCharactersMultiline(v), 'forbiddenCharacters'),
    )
    .transform((v) => v || null),
});
