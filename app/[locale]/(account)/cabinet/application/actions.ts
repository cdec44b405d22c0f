'use server';

import { getDb } from '@/db';
import { requestRestoreForBin, saveDraft, submitApplication } from '@/lib/applications/service';
import { authorizedUser } from '@/lib/auth/session';
import { normalizeIdNumber } from '@/lib/validation/kz-id';

export type ApplicationActionState = {
  ok: boolean;
  version?: number;
  savedAt?: string;
  /** Field errors (keys of Errors); on submit they block, on a draft save they only inform. */
  errors?: Partial<Record<string, string[]>>;
  /** A message for the whole form: a key of the Application namespace. */
  message?: 'versionConflict' | 'notEditable' | 'fixErrors' | 'binRegistered' | 'binInProgress' | 'sessionExpired' | 'submitted';
  bin?: string;
};

function fields(formData: FormData): { raw: Record<string, unknown>; version: number } {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$')) raw[key] = value;
  const version = Number(raw.version);
  // Status, owner and any other column named in the request are never read: only form fields are.
  return { raw, version: Number.isInteger(version) && version >= 0 && version <= 2 ** 31 - 1 ? version : -1 };
}

/** Applicants only: saves what was typed, creating the application on the first save. */
export async function saveDraftAction(formData: FormData): Promise<ApplicationActionState> {
  const user = await authorizedUser({ roles: ['applicant'] });
  if (!user) return { ok: false, message: 'sessionExpired' };
  const { raw, version } = fields(formData);
  const result = await saveDraft(await getDb(), user, raw, version);
  if (!result.ok) return { ok: false, message: result.reason, errors: result.errors, bin: normalizeIdNumber(String(raw.bin ?? '')) };
  return { ok: true, version: result.version, savedAt: result.savedAt.toISOString(), errors: { ...result.problems, ...result.errors } };
}

/** Applicants only: submits or resubmits their own application. */
export async function submitApplicationAction(formData: FormData): Promise<ApplicationActionState> {
  const user = await authorizedUser({ roles: ['applicant'] });
  if (!user) return { ok: false, message: 'sessionExpired' };
  const { raw, version } = fields(formData);
  const db = await getDb();
  // Keep what was typed first, so that nothing is lost whatever the submission's outcome.
  const saved = await saveDraft(db, user, raw, version);
  if (!saved.ok) return { ok: false, message: saved.reason, errors: saved.errors, bin: normalizeIdNumber(String(raw.bin ?? '')) };
  const result = await submitApplication(db, user, raw, saved.version);
  if (result.ok) return { ok: true, message: 'submitted' };
  if (result.reason === 'invalid') return { ok: false, version: saved.version, savedAt: saved.savedAt.toISOString(), errors: result.errors, message: 'fixErrors' };
  if (result.reason === 'binRegistered' || result.reason === 'binInProgress') {
    return { ok: false, version: saved.version, savedAt: saved.savedAt.toISOString(), message: result.reason, bin: normalizeIdNumber(String(raw.bin ?? '')) };
  }
  return { ok: false, message: result.reason === 'notFound' ? 'versionConflict' : result.reason };
}

/** Applicants only: asks a manager to restore access for an organisation that is already registered. */
export async function requestRestoreAction(bin: string): Promise<{ ok: boolean }> {
  const user = await authorizedUser({ roles: ['applicant'] });
  if (!user || typeof bin !== 'string') return { ok: false };
  return requestRestoreForBin(await getDb(), user, bin.slice(0, 20));
}
