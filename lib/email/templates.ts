import { createTranslator } from 'next-intl';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import type { Locale } from '@/db/schema/enums';

export type RenderedEmail = { subject: string; html: string; text: string };

type Part = { text: string } | { button: string; href: string } | { code: string } | { quote: string };

export const templateNames = ['tempPassword', 'accountExists', 'passwordReset', 'passwordChanged', 'applicationStatus', 'restoreAccess', 'organisationRegistered'] as const;
export type TemplateName = (typeof templateNames)[number];

export type TemplateInput = {
  locale: Locale;
  /** The recipient's address (shown as the login where the email gives one). */
  to?: string;
  appUrl: string;
  payload: Record<string, string>;
  secret: string | null;
};

const catalogs = { kk, ru };

function translator(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale], namespace: 'Email' });
}

/** Builds one email, in the recipient's language, as HTML and plain text. */
export function renderEmail(template: TemplateName, input: TemplateInput): RenderedEmail {
  const t = translator(input.locale);
  const base = `${input.appUrl}/${input.locale}`;
  const signIn = `${base}/sign-in`;
  const forgot = `${base}/forgot-password`;
  const need = (value: string | null) => {
    if (!value) throw new Error(`email template ${template} needs its secret`);
    return value;
  };
  switch (template) {
    case 'tempPassword':
    {
      // One email for every generated password: an applicant's temporary account, a manager's, an organisation's.
      const kind = input.payload.kind === 'manager' ? 'Manager' : input.payload.kind === 'organisation' ? 'Organisation' : '';
      return layout(t(`tempPassword.subject${kind}`), t, [
        { text: t(`tempPassword.intro${kind}`) },
        ...(input.to ? [{ text: `${t('tempPassword.loginLabel')} ${input.to}` }] : []),
        { text: t('tempPassword.passwordLabel') },
        { code: need(input.secret) },
        { text: t('tempPassword.validity', { hours: Number(input.payload.hours ?? 72) }) },
        { button: t('tempPassword.button'), href: signIn },
        { text: t(`tempPassword.next${kind}`) },
      ]);
    }
    case 'accountExists':
      return layout(t('accountExists.subject'), t, [
        { text: t('accountExists.intro') },
        { button: t('accountExists.signIn'), href: signIn },
        { text: t('accountExists.forgot') },
        { button: t('accountExists.reset'), href: forgot },
      ]);
    case 'passwordReset':
      return layout(t('passwordReset.subject'), t, [
        { text: t('passwordReset.intro') },
        { button: t('passwordReset.button'), href: `${base}/reset-password/${need(input.secret)}` },
        { text: t('passwordReset.validity', { minutes: Number(input.payload.minutes ?? 60) }) },
      ]);
    case 'applicationStatus': {
      const status = input.payload.status as 'submitted';
      return layout(t('applicationStatus.subject', { status: t(`status.${status}`) }), t, [
        { text: t(`applicationStatus.${status}`) },
        ...(input.payload.comment ? [{ text: t('applicationStatus.comment') }, { quote: input.payload.comment }] : []),
        { button: t('applicationStatus.button'), href: `${base}/cabinet` },
      ]);
    }
    case 'restoreAccess':
      return layout(t('restoreAccess.subject'), t, [
        { text: t('restoreAccess.intro', { organisation: input.payload.organisation ?? '' }) },
        ...(input.to ? [{ text: `${t('tempPassword.loginLabel')} ${input.to}` }] : []),
        { button: t('restoreAccess.button'), href: `${base}/reset-password/${need(input.secret)}` },
        { text: t('restoreAccess.validity', { hours: Number(input.payload.hours ?? 24) }) },
      ]);
    case 'organisationRegistered':
      return layout(t('organisationRegistered.subject'), t, [
        { text: t('organisationRegistered.intro', { organisation: input.payload.organisation ?? '' }) },
        { button: t('organisationRegistered.button'), href: signIn },
      ]);
    case 'passwordChanged':
      return layout(t('passwordChanged.subject'), t, [
        { text: t('passwordChanged.intro') },
        { text: t('passwordChanged.notYou') },
        { button: t('passwordChanged.reset'), href: forgot },
      ]);
  }
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(subject: string, t: ReturnType<typeof translator>, parts: Part[]): RenderedEmail {
  const footer = t('footer');
  const ignore = t('ignore');
  const htmlParts = parts.map((part) => {
    if ('code' in part)
      return `<p style="font:600 22px/1.4 monospace;letter-spacing:2px;background:#f1f5f9;padding:12px 16px;border-radius:8px;display:inline-block">${escapeHtml(part.code)}</p>`;
    if ('quote' in part)
      return `<blockquote style="margin:0 0 12px;padding:8px 12px;border-left:4px solid #0f766e;background:#f8fafc;white-space:pre-wrap">${escapeHtml(part.quote)}</blockquote>`;
    if ('button' in part)
      return `<p><a href="${escapeHtml(part.href)}" style="display:inline-block;background:#0f766e;color:#ffffff;padding:10px 18px;border-radius:8px;text-decoration:none;font-weight:600">${escapeHtml(part.button)}</a></p><p style="font-size:12px;color:#64748b;word-break:break-all">${escapeHtml(part.href)}</p>`;
    return `<p>${escapeHtml(part.text)}</p>`;
  });
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="margin:0;background:#f8fafc;font:16px/1.5 Arial,sans-serif;color:#0f172a"><div style="max-width:560px;margin:0 auto;padding:24px"><div style="font-weight:700;font-size:20px;color:#0f766e;letter-spacing:1px">QAZAQMURA</div><div style="background:#ffffff;border:1px solid #e2e8f0;border-radius:12px;padding:24px;margin-top:12px"><h1 style="font-size:20px;margin:0 0 12px">${escapeHtml(subject)}</h1>${htmlParts.join('')}<p style="font-size:13px;color:#64748b">${escapeHtml(ignore)}</p></div><p style="font-size:12px;color:#64748b">${escapeHtml(footer)}</p></div></body></html>`;
  const textParts = parts.map((part) =>
    'code' in part ? `    ${part.code}` : 'quote' in part ? `> ${part.quote.replace(/\n/g, '\n> ')}` : 'button' in part ? `${part.button}: ${part.href}` : part.text,
  );
  const text = ['QAZAQMURA', '', subject, '', ...textParts.flatMap((p) => [p, '']), ignore, '', footer].join('\n');
  return { subject, html, text };
}
