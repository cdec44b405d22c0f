'use client';

import { useTranslations } from 'next-intl';
import { useActionState, type ReactNode } from 'react';
import { sendRestoreAction } from './actions';

/** Sends restore emails for the organisations checked (or given) inside it and lists the outcome for each. */
export function SendRestoreForm({ children, requestId, label, names }: { children: ReactNode; requestId?: string; label: string; names: Record<string, string> }) {
  const t = useTranslations('Manager');
  const [state, action, pending] = useActionState(sendRestoreAction, {});
  return (
    <form action={action} className="space-y-2">
      {requestId ? <input type="hidden" name="requestId" value={requestId} /> : null}
      {children}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1.5 font-medium text-white disabled:opacity-60">
        {label}
      </button>
      {state.results?.length ? (
        <div role="status">
          <h3 className="text-sm font-semibold">{t('orgResults')}</h3>
          <ul className="text-sm" data-testid="restore-results">
            {state.results.map((r) => (
              <li key={r.organisationId}>
                {names[r.organisationId] ?? r.organisationId}: {t(`outcome_${r.outcome}`)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
