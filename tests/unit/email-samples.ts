import type { TemplateName } from '@/lib/email/templates';

/**
 * Payloads each template is queued with in the app (see the queueEmail calls), for rendering
 * every template in tests. A template missing here is rendered with the default sample only.
 */
const samples: Partial<Record<string, Record<string, string>[]>> = {
  tempPassword: [{ hours: '72' }, { hours: '1' }, { hours: '24' }],
  passwordReset: [{ minutes: '60' }],
  applicationStatus: ['submitted', 'in_review', 'needs_changes', 'approved', 'rejected'].flatMap((status): Record<string, string>[] => [
    { status },
    { status, comment: 'Түзетіңіз: БСН / Исправьте БИН <b>&</b>' },
  ]),
};

export function samplePayloads(template: TemplateName): Record<string, string>[] {
  return samples[template] ?? [{}];
}
