import { z } from 'zod';
import { orgTypes } from '@/db/schema/enums';
import { emailField } from './fields';
import { positionCodes } from './positions';
import { hasForbiddenCharacters } from './text';

export const POSITION_OTHER_MAX = 120;

/** The temporary-account form; the client checks it before sending, the server again. */
export const signUpSchema = z
  .object({
    email: emailField,
    position: z.enum(positionCodes, { message: 'positionRequired' }),
    positionOther: z
      .string()
      .optional()
      .transform((v) => (v ?? '').normalize('NFC').trim()),
    orgType: z.enum(orgTypes, { message: 'orgTypeRequired' }),
    consent: z.literal('on', { message: 'consentRequired' }),
  })
  .superRefine((data, ctx) => {
    if (data.position !== 'other') return;
    const other = data.positionOther;
    if (!other) ctx.addIssue({ code: 'custom', path: ['positionOther'], message: 'positionOtherRequired' });
    else if (other.length > POSITION_OTHER_MAX)
      ctx.addIssue({ code: 'custom', path: ['positionOther'], message: 'positionOtherTooLong' });
    else if (hasForbiddenCharacters(other))
      ctx.addIssue({ code: 'custom', path: ['positionOther'], message: 'forbiddenCharacters' });
  })
  .transform((data) => ({ ...data, positionOther: data.position === 'other' ? data.positionOther : null }));

export type SignUpInput = z.infer<typeof signUpSchema>;
