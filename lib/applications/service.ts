import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { applicationEvents, applications, type Application, type User } from '@/db/schema';
import type { UserRole } from '@/db/schema/enums';
import {
  bumpVersion,
  getApplicationOfApplicant,
  insertRestoreRequest,
  isBinHeldByAnotherApplication,
  isBinRegistered,
} from '@/db/queries/applications';
import { queueEmail } from '@/lib/email/outbox';
import { hitRateLimit } from '@/lib/rate-limit/store';
import { applicationFields, checkDraft, checkForSubmit, type ApplicationField } from '@/lib/validation/application';
import { buildSearchText } from './search';
import { binProblem, normalizeIdNumber } from '@/lib/validation/kz-id';
import { applicantSubmitEvent, isEditableByApplicant, nextStatus, type ApplicationEvent } from '@/lib/workflow/application-status';

type FieldErrors = Partial<Record<string, string[]>>;

export type SaveResult =
  | { ok: true; version: number; savedAt: Date; errors: FieldErrors; problems: FieldErrors }
  | { ok: false; reason: 'versionConflict' | 'notEditable' | 'binInProgress'; errors?: FieldErrors };

/**
 * Saves the applicant's draft as typed (creating it on first save). `expectedVersion` is the
 * version the form was loaded with: a save based on an older one is refused.
 */
export async function saveDraft(db: Db, applicant: User, raw: Record<string, unknown>, expectedVersion: number, now = new Date()): Promise<SaveResult> {
  const draft = checkDraft(raw);
  const current = await getApplicationOfApplicant(db, applicant.id);
  if (!current) {
    const [row] = await db
      .insert(applications)
      .values({
        applicantId: applicant.id,
        orgType: draft.orgType ?? applicant.orgType ?? 'school',
        ...draft.values,
        searchText: buildSearchText(draft.values),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: applications.applicantId })
      .returning({ version: applications.version });
    if (!row) return { ok: false, reason: 'versionConflict' };
    return { ok: true, version: row.version, savedAt: now, errors: draft.errors, problems: draft.problems };
  }
  if (!isEditableByApplicant(current.status)) return { ok: false, reason: 'notEditable' };
  const values = current.status === 'draft' ? draftValues(draft) : correctedValues(draft);
  let row: { version: number } | undefined;
  try {
    [row] = await db
      .update(applications)
      .set({
        ...values,
        ...(draft.orgType ? { orgType: draft.orgType } : {}),
        searchText: buildSearchText({ ...current, ...values }),
        version: bumpVersion,
        updatedAt: now,
      })
      .where(and(eq(applications.id, current.id), eq(applications.version, expectedVersion), eq(applications.status, current.status)))
      .returning({ version: applications.version });
  } catch (error) {
    // An application in the workflow holds its BIN: another one in flight already has the new BIN.
    if (isUniqueViolation(error)) return { ok: false, reason: 'binInProgress', errors: { bin: ['binInProgress'] } };
    throw error;
  }
  if (!row) return { ok: false, reason: 'versionConflict' };
  return { ok: true, version: row.version, savedAt: now, errors: draft.errors, problems: draft.problems };
}

/** A draft keeps what was typed; fields refused for length or hidden characters keep their stored value. */
function draftValues(draft: ReturnType<typeof checkDraft>) {
  return Object.fromEntries(Object.entries(draft.values).filter(([name, value]) => value !== null || !draft.errors[name as ApplicationField]));
}

/**
 * An application already in the workflow (changes requested) only takes corrections that pass the
 * full checks, normalised: managers never see half-typed or invalid values in it.
 */
function correctedValues(draft: ReturnType<typeof checkDraft>) {
  const values: Partial<Record<ApplicationField, string>> = {};
  for (const [name, typed] of Object.entries(draft.values) as [ApplicationField, string | null][]) {
    if (!typed) continue;
    const checked = applicationFields[name].check(typed);
    if (checked.ok) values[name] = checked.value;
  }
  return values;
}

export type SubmitResult =
  | { ok: true; status: Application['status']; alreadyDone: boolean }
  | { ok: false; reason: 'invalid'; errors: FieldErrors }
  | { ok: false; reason: 'binRegistered' | 'binInProgress' | 'versionConflict' | 'notEditable' | 'notFound' };

/**
 * Submits (or, after a request for changes, resubmits) the applicant's application: full checks,
 * the one-organisation-one-registration rule, then the status change, its history row and the
 * applicant's email in one transaction guarded by the version. A repeated submit (double click,
 * second tab, replayed request) finds the application already submitted and changes nothing.
 */
export async function submitApplication(db: Db, applicant: User, raw: Record<string, unknown>, expectedVersion: number, now = new Date()): Promise<SubmitResult> {
  const current = await getApplicationOfApplicant(db, applicant.id);
  if (!current) return { ok: false, reason: 'notFound' };
  const event = applicantSubmitEvent(current.status);
  if (!event) {
    // Already submitted from this version: the same request again is not an error.
    if (current.version === expectedVersion + 1 && current.status === 'submitted') return { ok: true, status: current.status, alreadyDone: true };
    return { ok: false, reason: current.status === 'submitted' ? 'versionConflict' : 'notEditable' };
  }
  if (current.version !== expectedVersion) return { ok: false, reason: 'versionConflict' };
  const checked = checkForSubmit(raw);
  if (!checked.ok) return { ok: false, reason: 'invalid', errors: checked.errors };
  const { values, orgType } = checked;
  if (await isBinRegistered(db, values.bin)) return { ok: false, reason: 'binRegistered' };
  if (await isBinHeldByAnotherApplication(db, values.bin, current.id)) return { ok: false, reason: 'binInProgress' };

  try {
    return await db.transaction(async (tx) => {
      const changed = await transition(tx, current, event, { id: applicant.id, role: 'applicant' }, null, now, { ...values, orgType, searchText: buildSearchText(values), submittedAt: now });
      if (!changed) return { ok: false, reason: 'versionConflict' } as const;
      return { ok: true, status: changed.status, alreadyDone: false } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'binInProgress' };
    throw error;
  }
}

/**
 * Applies a workflow event inside a transaction: the guarded update, the history row and the
 * applicant's email. Returns the updated row, or null when the version or status moved meanwhile.
 */
export async function transition(
  tx: Db,
  application: Application,
  event: ApplicationEvent,
  actor: { id: string; role: UserRole },
  comment: string | null,
  now: Date,
  changes: Partial<typeof applications.$inferInsert> = {},
): Promise<Application | null> {
  const step = nextStatus(application.status, event, actor.role, comment);
  if (!step.ok) throw new Error(`transition refused: ${step.reason}`);
  const [row] = await tx
    .update(applications)
    .set({ ...changes, status: step.to, version: bumpVersion, updatedAt: now, ...(comment !== null ? { managerComment: comment } : {}) })
    .where(and(eq(applications.id, application.id), eq(applications.version, application.version), eq(applications.status, application.status)))
    .returning();
  if (!row) return null;
  await tx.insert(applicationEvents).values({
    applicationId: application.id,
    actorId: actor.id,
    actorRole: actor.role,
    fromStatus: application.status,
    toStatus: step.to,
    comment,
    createdAt: now,
  });
  const applicant = await tx.query.users.findFirst({ where: (u, { eq: equals }) => equals(u.id, application.applicantId) });
  if (applicant) {
    await queueEmail(tx, {
      to: applicant.email,
      locale: applicant.locale,
      template: 'applicationStatus',
      payload: { status: step.to, ...(comment ? { comment } : {}) },
    });
  }
  return row;
}

/** The applicant asks a manager to restore access for an organisation already registered (or being registered). */
export async function requestRestoreForBin(db: Db, applicant: User, rawBin: string, now = new Date()): Promise<{ ok: boolean }> {
  const bin = normalizeIdNumber(rawBin);
  if (applicant.role !== 'applicant' || binProblem(bin)) return { ok: false };
  // Only for a BIN the applicant was refused: registered already, or held by another application.
  const own = await getApplicationOfApplicant(db, applicant.id);
  if (!(await isBinRegistered(db, bin)) && !(await isBinHeldByAnotherApplication(db, bin, own?.id ?? '00000000-0000-0000-0000-000000000000'))) return { ok: false };
  const limit = await hitRateLimit(db, 'restoreEmail', applicant.email, now);
  if (!limit.allowed) return { ok: false };
  await insertRestoreRequest(db, { bin, source: 'application', requesterId: applicant.id, requesterEmail: applicant.email });
  return { ok: true };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}
