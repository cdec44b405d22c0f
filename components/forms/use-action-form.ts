'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { fieldErrors } from '@/lib/validation/fields';
import { initialState, type ActionState } from '@/lib/validation/action';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Runs a server action from a form without React's automatic form reset, so what the user typed
 * stays in the inputs. With `schema`, the same zod schema the server uses checks the form first.
 * Without JavaScript the form still posts to the action and is refilled from `state.values`.
 */
export function useActionForm(action: Action, schema?: z.ZodType) {
  const [state, dispatch, pending] = useActionState(action, initialState);
  const [clientErrors, setClientErrors] = useState<Record<string, string[]> | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const formData = new FormData(form);
    if (schema) {
      const raw = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === 'string'));
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        setClientErrors(errors);
        const first = Object.keys(errors)[0];
        if (first) (form.elements.namedItem(first) as HTMLElement | null)?.focus?.();
        return;
      }
    }
    setClientErrors(null);
    startTransition(() => dispatch(formData));
  }

  const errors = clientErrors ?? state.fieldErrors ?? {};
  return { state, pending, errors, onSubmit, formAction: dispatch };
}
