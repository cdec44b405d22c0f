import type { z } from 'zod';
import { fieldErrors } from './fields';

/** What every form action returns: messages are keys of the `Errors` namespace. */
export type ActionState = {
  ok?: boolean;
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  formErrorValues?: Record<string, number>;
  /** What the user typed (passwords excepted), so that a form without JavaScript refills itself. */
  values?: Record<string, string>;
  /** Data for the success view. */
  result?: Record<string, string | number>;
};

export const initialState: ActionState = {};

const SECRET_FIELDS = /password|current|confirm/i;

export function submittedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !key.startsWith('$') && !SECRET_FIELDS.test(key)) values[key] = value.slice(0, 2000);
  }
  return values;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: ActionState };

/** Validates FormData with a schema; on failure returns field errors and the submitted values. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.output<S>> {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith('$') && typeof value === 'string') raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, state: { fieldErrors: fieldErrors(parsed.error), values: submittedValues(formData) } };
}

export function formFailure(formData: FormData, formError: string, formErrorValues?: Record<string, number>): ActionState {
  return { formError, formErrorValues, values: submittedValues(formData) };
}
