import { afterEach, describe, expect, it, vi } from 'vitest';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { renderEmail, templateNames, type TemplateInput } from '@/lib/email/templates';
import { samplePayloads } from './email-samples';

const appUrl = 'http://portal.test';
const password = 'Kt7mzQ2vLpXa9R';
const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcd';

function input(overrides: Partial<TemplateInput> = {}): TemplateInput {
  return { locale: 'kk', appUrl, payload: {}, secret: null, ...overrides };
}

/** The href of every link in the HTML. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
}

describe('tempPassword', () => {
  const email = renderEmail('tempPassword', input({ secret: password, payload: { hours: '72' } }));

  it('carries the password in the HTML and the text', () => {
    expect(email.html).toContain(password);
    expect(email.text).toContain(password);
  });

  it('links to the sign-in page of the recipient’s language', () => {
    expect(hrefs(email.html)).toEqual(['http://portal.test/kk/sign-in']);
    expect(email.text).toContain('http://portal.test/kk/sign-in');
    const russian = renderEmail('tempPassword', input({ locale: 'ru', secret: password }));
    expect(hrefs(russian.html)).toEqual(['http://portal.test/ru/sign-in']);
  });

  it('has the Kazakh or Russian subject', () => {
    expect(email.subject).toBe(kk.Email.tempPassword.subject);
    const russian = renderEmail('tempPassword', input({ locale: 'ru', secret: password }));
    expect(russian.subject).toBe(ru.Email.tempPassword.subject);
    expect(russian.subject).not.toBe(email.subject);
    expect(russian.text).toContain(ru.Email.tempPassword.intro);
  });

  it('states how many hours the password is valid, with Russian plural forms', () => {
    expect(email.text).toContain('72 сағат');
    expect(renderEmail('tempPassword', input({ locale: 'ru', secret: password, payload: { hours: '72' } })).text).toContain('72 часа');
    expect(renderEmail('tempPassword', input({ locale: 'ru', secret: password, payload: { hours: '24' } })).text).toContain('24 часа');
    expect(renderEmail('tempPassword', input({ locale: 'ru', secret: password, payload: { hours: '48' } })).text).toContain('48 часов');
    expect(renderEmail('tempPassword', input({ locale: 'ru', secret: password, payload: { hours: '1' } })).text).toContain('1 час.');
  });

  it('refuses to render without the password', () => {
    expect(() => renderEmail('tempPassword', input())).toThrow(/secret/);
  });
});

describe('links come only from appUrl', () => {
  it('builds every link from the appUrl it is given', () => {
    for (const template of templateNames) {
      const email = renderEmail(template, input({ appUrl: 'https://register.example.kz', secret: token, payload: samplePayloads(template)[0]! }));
      const links = hrefs(email.html);
      expect(links.length, template).toBeGreaterThan(0);
      for (const link of links) expect(link.startsWith('https://register.example.kz/kk/'), `${template}: ${link}`).toBe(true);
      expect(email.html, template).not.toContain('portal.test');
      expect(email.text, template).not.toContain('portal.test');
    }
  });

  it('ignores link-like data in the payload', () => {
    const email = renderEmail('accountExists', input({ payload: { appUrl: 'https://evil.example', href: 'https://evil.example', url: 'https://evil.example' } }));
    expect(email.html).not.toContain('evil');
    expect(email.text).not.toContain('evil');
  });
});

describe('accountExists', () => {
  const email = renderEmail('accountExists', input({ locale: 'ru' }));

  it('links to sign-in and to the forgotten-password page', () => {
    expect(hrefs(email.html)).toEqual(['http://portal.test/ru/sign-in', 'http://portal.test/ru/forgot-password']);
    expect(email.text).toContain('http://portal.test/ru/sign-in');
    expect(email.text).toContain('http://portal.test/ru/forgot-password');
  });

  it('contains no password, even when handed one', () => {
    const handed = renderEmail('accountExists', input({ secret: password }));
    expect(handed.html).not.toContain(password);
    expect(handed.text).not.toContain(password);
  });
});

describe('passwordReset', () => {
  it.each(['kk', 'ru'] as const)('links to /%s/reset-password/<token>', (locale) => {
    const email = renderEmail('passwordReset', input({ locale, secret: token, payload: { minutes: '60' } }));
    const link = `${appUrl}/${locale}/reset-password/${token}`;
    expect(hrefs(email.html)).toEqual([link]);
    expect(email.text).toContain(link);
    expect(email.text).toContain('60');
  });

  it('refuses to render without the token', () => {
    expect(() => renderEmail('passwordReset', input())).toThrow(/secret/);
  });
});

describe('passwordChanged', () => {
  it('points to the forgotten-password page and carries no secret', () => {
    const email = renderEmail('passwordChanged', input({ secret: password }));
    expect(hrefs(email.html)).toEqual(['http://portal.test/kk/forgot-password']);
    expect(email.html).not.toContain(password);
  });
});

describe('HTML', () => {
  it('escapes special characters in the data', () => {
    const nasty = `<script>alert("x")</script>&'`;
    const email = renderEmail('tempPassword', input({ secret: nasty }));
    expect(email.html).not.toContain('<script>');
    expect(email.html).not.toContain(nasty);
    expect(email.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#38;&#39;');
    // The plain-text part is not HTML and keeps the characters as they are.
    expect(email.text).toContain(nasty);
  });

  it('escapes quotes in links so an attribute cannot be broken out of', () => {
    const email = renderEmail('passwordReset', input({ secret: `x" onclick="alert(1)` }));
    expect(email.html).not.toContain('" onclick="');
    expect(hrefs(email.html)).toEqual(['http://portal.test/kk/reset-password/x&#34; onclick=&#34;alert(1)']);
  });

  it.each(templateNames)('%s is a complete HTML document with the brand', (template) => {
    for (const locale of ['kk', 'ru'] as const) {
      const email = renderEmail(template, input({ locale, secret: token, payload: samplePayloads(template)[0]! }));
      expect(email.html.startsWith('<!doctype html>')).toBe(true);
      expect(email.html).toContain('<meta charset="utf-8">');
      expect(email.html).toContain('QAZAQMURA');
      expect(email.html.trimEnd().endsWith('</html>')).toBe(true);
      expect(email.text.startsWith('QAZAQMURA')).toBe(true);
      expect(email.text).not.toMatch(/<[a-z]/i);
    }
  });
});

describe('determinism', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(templateNames)('%s renders the same input to the same output, whenever it runs', (template) => {
    const same = input({ locale: 'ru', secret: token, payload: { ...samplePayloads(template).at(-1)! } });
    vi.useFakeTimers({ now: new Date('2026-03-01T08:00:00Z') });
    const first = renderEmail(template, same);
    vi.setSystemTime(new Date('2026-03-02T23:59:59Z'));
    const second = renderEmail(template, { ...same, payload: { ...same.payload } });
    expect(second).toEqual(first);
  });

  it('differs when the secret differs', () => {
    const a = renderEmail('tempPassword', input({ secret: 'Aaaa2222bbbbCC' }));
    const b = renderEmail('tempPassword', input({ secret: 'Dddd3333eeeeFF' }));
    expect(a.html).not.toBe(b.html);
  });
});
