import { describe, expect, it } from 'vitest';
import { userRoles, type UserRole } from '@/db/schema/enums';
import {
  applicantSubmitEvent,
  applicationEvents,
  applicationStatuses,
  bindingStatuses,
  isEditableByApplicant,
  nextStatus,
  transitions,
  type ApplicationEvent,
  type ApplicationStatus,
} from '@/lib/workflow/application-status';

/** The allowed transitions, stated literally: from, event, to, the one role allowed, whether a comment is required. */
const table: [ApplicationStatus, ApplicationEvent, ApplicationStatus, UserRole, boolean][] = [
  ['draft', 'submit', 'submitted', 'applicant', false],
  ['submitted', 'startReview', 'in_review', 'manager', false],
  ['in_review', 'requestChanges', 'needs_changes', 'manager', true],
  ['in_review', 'approve', 'approved', 'manager', false],
  ['in_review', 'reject', 'rejected', 'manager', true],
  ['needs_changes', 'resubmit', 'submitted', 'applicant', false],
];

const comment = 'Укажите БИН организации из свидетельства о регистрации.';

const combinations = applicationStatuses.flatMap((from) => applicationEvents.flatMap((event) => userRoles.map((role) => [from, event, role] as const)));

describe('the status and event lists', () => {
  it('has the six statuses and six events', () => {
    expect([...applicationStatuses]).toEqual(['draft', 'submitted', 'in_review', 'needs_changes', 'approved', 'rejected']);
    expect([...applicationEvents]).toEqual(['submit', 'startReview', 'requestChanges', 'approve', 'reject', 'resubmit']);
    expect([...userRoles]).toEqual(expect.arrayContaining(['applicant', 'manager']));
  });

  it('exports exactly the listed transitions', () => {
    expect(transitions.map((t) => [t.from, t.event, t.to, [...t.roles], t.commentRequired])).toEqual(
      table.map(([from, event, to, role, commentRequired]) => [from, event, to, [role], commentRequired]),
    );
  });
});

describe('nextStatus: every status × event × role', () => {
  it(`covers ${applicationStatuses.length * applicationEvents.length * userRoles.length} combinations`, () => {
    expect(combinations).toHaveLength(applicationStatuses.length * applicationEvents.length * userRoles.length);
  });

  it.each(combinations)('%s -%s/%s-> as listed', (from, event, role) => {
    const row = table.find(([f, e]) => f === from && e === event);
    if (!row) {
      // Not a transition from this status: refused whoever asks, with or without a comment.
      expect(nextStatus(from, event, role, comment)).toEqual({ ok: false, reason: 'transitionNotAllowed' });
      expect(nextStatus(from, event, role)).toEqual({ ok: false, reason: 'transitionNotAllowed' });
      return;
    }
    const [, , to, allowedRole, commentRequired] = row;
    if (role !== allowedRole) {
      expect(nextStatus(from, event, role, comment)).toEqual({ ok: false, reason: 'transitionForbidden' });
      expect(nextStatus(from, event, role)).toEqual({ ok: false, reason: 'transitionForbidden' });
      return;
    }
    expect(nextStatus(from, event, role, comment)).toEqual({ ok: true, to });
    for (const missing of [undefined, null, '', '   ', ' \n\t ']) {
      expect(nextStatus(from, event, role, missing)).toEqual(commentRequired ? { ok: false, reason: 'commentRequired' } : { ok: true, to });
    }
  });
});

describe('nextStatus: named cases', () => {
  it('lets the applicant submit a draft and resubmit after changes', () => {
    expect(nextStatus('draft', 'submit', 'applicant')).toEqual({ ok: true, to: 'submitted' });
    expect(nextStatus('needs_changes', 'resubmit', 'applicant')).toEqual({ ok: true, to: 'submitted' });
  });

  it('lets a manager review, approve, reject and request changes', () => {
    expect(nextStatus('submitted', 'startReview', 'manager')).toEqual({ ok: true, to: 'in_review' });
    expect(nextStatus('in_review', 'approve', 'manager')).toEqual({ ok: true, to: 'approved' });
    expect(nextStatus('in_review', 'approve', 'manager', 'Всё верно.')).toEqual({ ok: true, to: 'approved' });
    expect(nextStatus('in_review', 'reject', 'manager', 'Организация уже зарегистрирована.')).toEqual({ ok: true, to: 'rejected' });
    expect(nextStatus('in_review', 'requestChanges', 'manager', comment)).toEqual({ ok: true, to: 'needs_changes' });
  });

  it('requires a comment to reject or request changes', () => {
    expect(nextStatus('in_review', 'reject', 'manager')).toEqual({ ok: false, reason: 'commentRequired' });
    expect(nextStatus('in_review', 'reject', 'manager', '   ')).toEqual({ ok: false, reason: 'commentRequired' });
    expect(nextStatus('in_review', 'requestChanges', 'manager', null)).toEqual({ ok: false, reason: 'commentRequired' });
    expect(nextStatus('in_review', 'requestChanges', 'manager', '  ')).toEqual({ ok: false, reason: 'commentRequired' });
  });

  it('forbids a wrong role', () => {
    expect(nextStatus('draft', 'submit', 'manager')).toEqual({ ok: false, reason: 'transitionForbidden' });
    expect(nextStatus('in_review', 'approve', 'applicant')).toEqual({ ok: false, reason: 'transitionForbidden' });
    expect(nextStatus('in_review', 'reject', 'applicant', comment)).toEqual({ ok: false, reason: 'transitionForbidden' });
    expect(nextStatus('submitted', 'startReview', 'organisation')).toEqual({ ok: false, reason: 'transitionForbidden' });
  });

  it('refuses an event that does not apply to the status', () => {
    expect(nextStatus('draft', 'approve', 'manager')).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    expect(nextStatus('submitted', 'submit', 'applicant')).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    expect(nextStatus('needs_changes', 'submit', 'applicant')).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    expect(nextStatus('draft', 'resubmit', 'applicant')).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    expect(nextStatus('submitted', 'approve', 'manager')).toEqual({ ok: false, reason: 'transitionNotAllowed' });
  });

  it.each(['approved', 'rejected'] as const)('treats %s as final', (from) => {
    for (const event of applicationEvents) {
      for (const role of userRoles) expect(nextStatus(from, event, role, comment)).toEqual({ ok: false, reason: 'transitionNotAllowed' });
    }
    expect(transitions.filter((t) => t.from === from)).toEqual([]);
  });
});

describe('isEditableByApplicant', () => {
  it.each(applicationStatuses.map((status) => [status, status === 'draft' || status === 'needs_changes'] as const))('%s -> %s', (status, editable) => {
    expect(isEditableByApplicant(status)).toBe(editable);
  });
});

describe('applicantSubmitEvent', () => {
  it('is submit for a draft and resubmit after a request for changes', () => {
    expect(applicantSubmitEvent('draft')).toBe('submit');
    expect(applicantSubmitEvent('needs_changes')).toBe('resubmit');
  });

  it.each(['submitted', 'in_review', 'approved', 'rejected'] as const)('is null for %s', (status) => {
    expect(applicantSubmitEvent(status)).toBeNull();
  });

  it('names an event the applicant may apply in every status where it is not null', () => {
    for (const status of applicationStatuses) {
      const event = applicantSubmitEvent(status);
      if (event) expect(nextStatus(status, event, 'applicant')).toEqual({ ok: true, to: 'submitted' });
    }
  });
});

describe('bindingStatuses', () => {
  it('are the statuses that hold the BIN: submitted, in review, needs changes, approved', () => {
    expect([...bindingStatuses].sort()).toEqual(['approved', 'in_review', 'needs_changes', 'submitted']);
  });

  it('exclude the draft and a rejected application', () => {
    expect(bindingStatuses).not.toContain('draft');
    expect(bindingStatuses).not.toContain('rejected');
  });
});
