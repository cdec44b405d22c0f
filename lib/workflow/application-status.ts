import { applicationStatuses, type ApplicationStatus, type UserRole } from '@/db/schema/enums';

export { applicationStatuses, type ApplicationStatus };

export const applicationEvents = ['submit', 'startReview', 'requestChanges', 'approve', 'reject', 'resubmit'] as const;
export type ApplicationEvent = (typeof applicationEvents)[number];

type Transition = {
  from: ApplicationStatus;
  event: ApplicationEvent;
  to: ApplicationStatus;
  roles: readonly UserRole[];
  /** A comment the applicant will read is required (what to change, why it was rejected). */
  commentRequired: boolean;
};

/** Every allowed change of an application's status, and who may make it. */
export const transitions: readonly Transition[] = [
  { from: 'draft', event: 'submit', to: 'submitted', roles: ['applicant'], commentRequired: false },
  { from: 'submitted', event: 'startReview', to: 'in_review', roles: ['manager'], commentRequired: false },
  { from: 'in_review', event: 'requestChanges', to: 'needs_changes', roles: ['manager'], commentRequired: true },
  { from: 'in_review', event: 'approve', to: 'approved', roles: ['manager'], commentRequired: false },
  { from: 'in_review', event: 'reject', to: 'rejected', roles: ['manager'], commentRequired: true },
  { from: 'needs_changes', event: 'resubmit', to: 'submitted', roles: ['applicant'], commentRequired: false },
];

export type TransitionResult =
  | { ok: true; to: ApplicationStatus }
  | { ok: false; reason: 'transitionNotAllowed' | 'transitionForbidden' | 'commentRequired' };

/** Whether `role` may apply `event` to an application in `from`; pure. */
export function nextStatus(from: ApplicationStatus, event: ApplicationEvent, role: UserRole, comment?: string | null): TransitionResult {
  const transition = transitions.find((t) => t.from === from && t.event === event);
  if (!transition) return { ok: false, reason: 'transitionNotAllowed' };
  if (!transition.roles.includes(role)) return { ok: false, reason: 'transitionForbidden' };
  if (transition.commentRequired && !comment?.trim()) return { ok: false, reason: 'commentRequired' };
  return { ok: true, to: transition.to };
}

/** Statuses in which the applicant may edit the form. */
export function isEditableByApplicant(status: ApplicationStatus): boolean {
  return status === 'draft' || status === 'needs_changes';
}

/** Statuses that hold the organisation's BIN: a second application with it cannot be submitted. */
export const bindingStatuses = ['submitted', 'in_review', 'needs_changes', 'approved'] as const satisfies readonly ApplicationStatus[];

/** The event the applicant's "submit" button means in a given status. */
export function applicantSubmitEvent(status: ApplicationStatus): ApplicationEvent | null {
  if (status === 'draft') return 'submit';
  if (status === 'needs_changes') return 'resubmit';
  return null;
}
