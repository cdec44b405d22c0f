import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { locales } from '@/db/schema/enums';
import { renderEmail, templateNames } from '@/lib/email/templates';
import { changePasswordSchema, newPasswordSchema } from '@/lib/validation/password';
import { positionCodes } from '@/lib/validation/positions';
import { forgotPasswordSchema, signInSchema } from '@/lib/validation/sign-in';
import { signUpSchema } from '@/lib/validation/sign-up';
import { samplePayloads } from './email-samples';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a message tree as [dotted key, value]. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

/** Names of the top-level ICU arguments of a message: `{name}` and `{name, plural, ...}`; `#` and branch bodies are skipped. */
function icuArguments(message: string): string[] {
  const names = new Set<string>();
  let depth = 0;
  for (let i = 0; i < message.length; i++) {
    const c = message[i];
    if (c === '{') {
      if (depth === 0) {
        const name = /^\s*([A-Za-z_][\w]*)\s*[,}]/.exec(message.slice(i + 1));
        if (!name) throw new Error(`unparsable ICU argument in: ${message}`);
        names.add(name[1]!);
      }
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth < 0) throw new Error(`unbalanced braces in: ${message}`);
    }
  }
  if (depth !== 0) throw new Error(`unbalanced braces in: ${message}`);
  return [...names].sort();
}

const catalogs = { kk: kk as Tree, ru: ru as Tree };
const kkLeaves = new Map(leaves(catalogs.kk));
const ruLeaves = new Map(leaves(catalogs.ru));

describe('message catalogs', () => {
  it('has the same nested keys in kk and ru', () => {
    expect(kkLeaves.size).toBeGreaterThan(50);
    expect([...ruLeaves.keys()].sort()).toEqual([...kkLeaves.keys()].sort());
  });

  it.each(Object.entries(catalogs))('%s: every value is a non-empty string', (_locale, tree) => {
    for (const [key, value] of leaves(tree)) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  it('uses the same ICU arguments for each key in both languages', () => {
    for (const [key, kkValue] of kkLeaves) {
      const ruValue = ruLeaves.get(key);
      expect(typeof ruValue, key).toBe('string');
      expect(icuArguments(ruValue as string), key).toEqual(icuArguments(kkValue as string));
    }
  });

  it('parses ICU arguments the way the parity check expects', () => {
    expect(icuArguments('Пароль действует {hours, plural, one {# час} other {# часа}} для {email}.')).toEqual(['email', 'hours']);
    expect(icuArguments('{minutes} минут')).toEqual(['minutes']);
    expect(icuArguments('no arguments')).toEqual([]);
  });

  it('has a label for every position code and both organisation types in both languages', () => {
    for (const code of positionCodes) {
      expect(kkLeaves.has(`Positions.${code}`), code).toBe(true);
      expect(ruLeaves.has(`Positions.${code}`), code).toBe(true);
    }
    for (const type of ['school', 'college']) expect(kkLeaves.has(`OrgTypes.${type}`) && ruLeaves.has(`OrgTypes.${type}`)).toBe(true);
  });
});

/** Runs a schema on an input and returns the messages of its issues (none when it passes). */
function issueMessages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

const okPassword = 'Менің кітапханам 2026 жылы ашылды';
// Form actions parse only string fields (parseForm drops files), so inputs are strings or missing.
const badEmails: (string | undefined)[] = [
  undefined,
  '',
  '   ',
  'not-an-email',
  'a@b.kz, c@d.kz',
  'Name <a@b.kz>',
  'a@b.kz\nBcc: x@y.kz',
  'a\u0000@b.kz',
  `${'a'.repeat(250)}@b.kz`,
  `${'a'.repeat(250)}@b.kz\u202E`,
];
const badPasswords: (string | undefined)[] = [undefined, '', 'short', 'x'.repeat(129), 'password1234', 'abc\u0000defghijklmn', 'aaaaaaaaaaaaaaaa'];

const cases: [string, z.ZodType, unknown[]][] = [
  [
    'signUpSchema',
    signUpSchema,
    [
      {},
      ...badEmails.map((email) => ({ email, position: 'director', orgType: 'school', consent: 'on' })),
      { email: 'a@b.kz', position: 'astronaut', orgType: 'university', consent: 'off' },
      { email: 'a@b.kz', position: 'other', orgType: 'school', consent: 'on' },
      { email: 'a@b.kz', position: 'other', positionOther: '   ', orgType: 'school', consent: 'on' },
      { email: 'a@b.kz', position: 'other', positionOther: 'x'.repeat(121), orgType: 'school', consent: 'on' },
      { email: 'a@b.kz', position: 'other', positionOther: 'Кітап\u200Bханашы', orgType: 'school', consent: 'on' },
      { email: 'a@b.kz', position: 'director', orgType: 'school' },
    ],
  ],
  ['signInSchema', signInSchema, [{}, ...badEmails.map((email) => ({ email, password: 'x' })), ...badPasswords.map((password) => ({ email: 'a@b.kz', password }))]],
  ['forgotPasswordSchema', forgotPasswordSchema, [{}, ...badEmails.map((email) => ({ email }))]],
  [
    'newPasswordSchema',
    newPasswordSchema,
    [
      {},
      ...badPasswords.map((password) => ({ password, confirm: password })),
      { password: okPassword, confirm: 'something else entirely' },
      { password: okPassword, confirm: 'x'.repeat(129) },
      { password: okPassword },
      { confirm: okPassword },
    ],
  ],
  [
    'changePasswordSchema',
    changePasswordSchema,
    [
      {},
      ...badPasswords.map((current) => ({ current, password: okPassword, confirm: okPassword })),
      ...badPasswords.map((password) => ({ current: 'old', password, confirm: password })),
      { current: 'old', password: okPassword, confirm: 'different' },
      { current: 'old', password: okPassword },
    ],
  ],
];

describe('validation messages', () => {
  const errorKeys = (tree: Tree) => Object.keys(tree.Errors as Tree);

  it.each(cases)('%s reports only keys of the Errors namespace, in kk and ru', (_name, schema, inputs) => {
    const messages = new Set(inputs.flatMap((input) => issueMessages(schema, input)));
    expect(messages.size).toBeGreaterThan(0);
    for (const message of messages) {
      expect(errorKeys(catalogs.kk), `kk Errors.${message}`).toContain(message);
      expect(errorKeys(catalogs.ru), `ru Errors.${message}`).toContain(message);
    }
  });

  it('covers the main validation messages', () => {
    const all = new Set(cases.flatMap(([, schema, inputs]) => inputs.flatMap((input) => issueMessages(schema, input))));
    for (const key of [
      'emailRequired',
      'emailInvalid',
      'emailTooLong',
      'forbiddenCharacters',
      'positionRequired',
      'positionOtherRequired',
      'positionOtherTooLong',
      'orgTypeRequired',
      'consentRequired',
      'passwordRequired',
      'passwordTooShort',
      'passwordTooLong',
      'passwordCommon',
      'passwordMismatch',
    ]) {
      expect(all, key).toContain(key);
    }
  });
});

describe('email templates in every language', () => {
  const combos = locales.flatMap((locale) =>
    templateNames.flatMap((template) => samplePayloads(template).map((payload) => [locale, template, JSON.stringify(payload)] as const)),
  );
  it.each(combos)('%s: %s %s renders', (locale, template, payload) => {
    const email = renderEmail(template, { locale, appUrl: 'http://portal.test', payload: JSON.parse(payload), secret: 'Secret-Token_123456789012' });
    expect(email.subject.trim()).not.toBe('');
    expect(email.html).toContain(email.subject.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`));
    expect(email.text).toContain(email.subject);
    // No message key (next-intl's fallback for a missing message) or raw ICU syntax in the output.
    expect(email.text).not.toMatch(/[{}]|\b(Email|status|applicationStatus)\.[a-z]/);
    expect(email.html).not.toMatch(/[{}]|\b(Email|status|applicationStatus)\.[a-z]/);
  });
});
