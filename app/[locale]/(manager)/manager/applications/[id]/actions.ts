'use server';

import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getApplicationForManager, recordAudit } from '@/db/queries/applications';
import { findUserById } from '@/db/queries/users';
import { decide } from '@/lib/applications/decisions';
import { authorizedUser } from '@/lib/auth/session';
import { hasForbiddenCharactersMultiline } from '@/lib/validation/text';
import { applicationEvents, type ApplicationEvent } from '@/lib/workflow/application-status';
import { rejectReasons, type RejectReason } from '@/lib/workflow/reject-reasons';

export type DecisionState = { ok?: boolean; message?: string; fieldError?: string; comment?: string; reason?: string };

const COMMENT_MAX = 2000;

/** Managers only: one decision on one application, guarded by the version the manager saw. */
export async function decideAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const manager = await authorizedUser({ roles: ['manager'] });
  if (!manager) return { message: 'transitionForbidden' };
  const id = String(formData.get('applicationId') ?? '');
  const typedReason = String(formData.get('reason') ?? '').slice(0, 40);
  const event = String(formData.get('event') ?? '') as ApplicationEvent;
  const version = Number(formData.get('version'));
  const typed = String(formData.get('comment') ?? '').normalize('NFC').trim();
  if (!(applicationEvents as readonly string[]).includes(event) || !Number.isSafeInteger(version)) return { message: 'notFound' };
  if (typed.length > COMMENT_MAX) return { fieldError: 'commentTooLong', comment: typed, reason: typedReason };
  if (hasForbiddenCharactersMultiline(typed)) {
    return { fieldError: 'forbiddenCharacters', comment: typed, reason: typedReason };
  }
  const db = await getDb();
  let comment: string | null = typed || null;
  if (event === 'reject') {
    const reason = typedReason as RejectReason;
    if (!rejectReasons.includes(reason)) return { message: 'commentRequired', comment: typed };
    if (reason === 'other' && !typed) return { message: 'commentRequired', comment: typed, reason };
    // The reason is written in the applicant's language: they read it in the cabinet and the email.
    const application = await getApplicationForManager(db, id);
    const applicant = application ? await findUserById(db, application.applicantId) : undefined;
    const t = await getTranslations({ locale: applicant?.locale ?? (await getLocale()), namespace: 'Manager' });
    comment = reason === 'other' ? typed : [t(`reason_${reason}`), typed].filter(Boolean).join('. ');
  }
  const result = await decide(db, manager, { applicationId: id, version, event, comment });
  if (!result.ok) return { message: result.reason, comment: typed, reason: typedReason };
  revalidatePath(`/${await getLocale()}/manager/applications/${id}`);
  return { ok: true, message: 'done' };
}

/** Managers only: the full IIN, once asked for; every reveal is recorded. */
export async function revealIinAction(applicationId: string): Promise<string | null> {
  const manager = await authorizedUser({ roles: ['manager'] });
  if (!manager || typeof applicationId !== 'string') return null;
  const db = await getDb();
  const application = await getApplicationForManager(db, applicationId);
  if (!application?.librarianIin) return null;
  await recordAudit(db, { actorId: manager.id, actorName: manager.fullName ?? manager.email, action: 'iinRevealed', targetType: 'application', targetId: application.id });
  return application.librarianIin;
}
