'use client';

import { TextField } from './field';

/** The new password and its confirmation, as every password form asks for them. */
export function NewPasswordFields({
  labels,
  errors,
}: {
  labels: { password: string; confirm: string; rules?: string };
  errors: Record<string, string[]>;
}) {
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={labels.password}
        hint={labels.rules}
        autoComplete="new-password"
        maxLength={128}
        minLength={12}
        required
        error={errors.password}
      />
      <TextField
        name="confirm"
        type="password"
        label={labels.confirm}
        autoComplete="new-password"
        maxLength={128}
        required
        error={errors.confirm}
      />
    </>
  );
}
