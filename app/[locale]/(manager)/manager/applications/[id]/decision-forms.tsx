'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import type { ApplicationStatus } from '@/db/schema/enums';
import { rejectReasons } from '@/lib/workflow/reject-reasons';
import { decideAction, revealIinAction, type DecisionState } from './actions';

function Feedback({ state }: { state: DecisionState }) {
  const t = useTranslations('Manager');
  if (!state.message) return null;
  return (
    <div role={state.ok ? 'status' : 'alert'} className={`rounded-md p-2 ${state.ok ? 'bg-green-50 text-green-800' : 'bg-red-50 text-red-800'}`}>
      {t(state.message as 'done')}
      {state.message === 'versionConflict' ? (
        <button type="button" onClick={() => window.location.reload()} className="ml-2 underline">
          {t('reload')}
        </button>
      ) : null}
    </div>
  );
}

function DecisionForm({ id, version, event, label, tone, children }: { id: string; version: number; event: string; label: string; tone: string; children?: (state: DecisionState) => React.ReactNode }) {
  const [state, action, pending] = useActionState(decideAction, {});
  return (
    <form action={action} className="space-y-2 rounded-md border border-slate-200 p-3">
      <input type="hidden" name="applicationId" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="event" value={event} />
      {children?.(state)}
      <Feedback state={state} />
      <button type="submit" disabled={pending} className={`rounded-md px-4 py-2 font-semibold text-white disabled:opacity-60 ${tone}`}>
        {label}
      </button>
    </form>
  );
}

function CommentField({ name, label, hint, state, required }: { name: string; label: string; hint?: string; state: DecisionState; required?: boolean }) {
  const errors = useTranslations('Errors');
  const id = `${name}-comment`;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      {hint ? <p className="mb-1 text-sm text-slate-500">{hint}</p> : null}
      <textarea
        id={id}
        name="comment"
        rows={3}
        maxLength={2000}
        required={required}
        defaultValue={state.comment}
        aria-invalid={state.fieldError ? true : undefined}
        aria-describedby={`${id}-error`}
        className="w-full rounded-md border border-slate-300 px-3 py-2"
      />
      <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700">
        {state.fieldError ? errors(state.fieldError as 'commentTooLong') : null}
      </p>
    </div>
  );
}

/** The decisions the workflow allows in the application's current status. */
export function DecisionForms({ id, version, status }: { id: string; version: number; status: ApplicationStatus }) {
  const t = useTranslations('Manager');
  if (status === 'submitted') {
    return <DecisionForm id={id} version={version} event="startReview" label={t('startReview')} tone="bg-brand-700" />;
  }
  if (status !== 'in_review') return null;
  return (
    <div className="grid gap-3">
      <DecisionForm id={id} version={version} event="approve" label={t('approve')} tone="bg-green-700" />
      <DecisionForm id={id} version={version} event="requestChanges" label={t('requestChanges')} tone="bg-amber-600">
        {(state) => <CommentField name="changes" label={t('comment')} hint={t('commentHint')} state={state} required />}
      </DecisionForm>
      <DecisionForm id={id} version={version} event="reject" label={t('reject')} tone="bg-red-700">
        {(state) => (
          <>
            <label htmlFor="reject-reason" className="block text-sm font-medium">
              {t('rejectReason')}
            </label>
            <select id="reject-reason" name="reason" required defaultValue={state.reason} key={state.reason} className="w-full rounded-md border border-slate-300 px-2 py-2">
              {rejectReasons.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`reason_${reason}`)}
                </option>
              ))}
            </select>
            <CommentField name="reject" label={t('rejectDetails')} state={state} />
          </>
        )}
      </DecisionForm>
    </div>
  );
}

/** The librarian's IIN, masked until the manager asks; the server records every reveal. */
export function IinReveal({ id, masked }: { id: string; masked: string }) {
  const t = useTranslations('Manager');
  const [iin, setIin] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <span className="font-mono" data-testid="iin">
        {iin ?? masked}
      </span>
      {iin ? null : (
        <button type="button" onClick={async () => setIin(await revealIinAction(id))} className="text-sm underline" title={t('iinShownLogged')}>
          {t('showIin')}
        </button>
      )}
    </span>
  );
}
