import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { ApplicationField } from '@/lib/validation/application';
import { field, type Locale, type Texts } from './i18n';

/** The form's fields by section, in the order the applicant meets them. */
export const SECTIONS = {
  section1: ['orgName', 'bin', 'orgPhone', 'orgEmail', 'legalAddress', 'region', 'city', 'postalCode'],
  section2: ['librarianName', 'librarianIin', 'librarianPhone', 'librarianEmail'],
  section3: ['responsibleName', 'responsiblePosition', 'responsiblePhone', 'responsibleEmail'],
} as const satisfies Record<string, readonly ApplicationField[]>;

export const FIELDS: ApplicationField[] = [...SECTIONS.section1, ...SECTIONS.section2, ...SECTIONS.section3];

export type ApplicationData = Record<ApplicationField, string>;

function sectionOf(name: ApplicationField): keyof typeof SECTIONS {
  return (Object.keys(SECTIONS) as (keyof typeof SECTIONS)[]).find((key) => (SECTIONS[key] as readonly string[]).includes(name))!;
}

/**
 * The control of one application field, found as a user finds it: by the section's legend, then
 * by its label (three sections each have «Phone» and «Email» fields).
 */
export function applicationControl(page: Page, t: Texts, name: ApplicationField): Locator {
  const section = page.getByRole('group', { name: t(`Application.${sectionOf(name)}`) });
  return field(section, t(`Application.${name}`));
}

/** A complete, valid application as a person types it (spaces in numbers, mixed case). */
export function applicationData(locale: Locale, overrides: Partial<ApplicationData> = {}): ApplicationData {
  const tag = randomBytes(3).toString('hex');
  const base: ApplicationData =
    locale === 'kk'
      ? {
          orgName: '«№ 12 мектеп-гимназиясы» КММ',
          bin: '060340012341',
          orgPhone: '+7 701 123 45 67',
          orgEmail: `info-${tag}@school12.edu.kz`,
          legalAddress: 'Астана қ., Мәңгілік Ел даңғылы, 8',
          region: 'KZ-71',
          city: 'Астана',
          postalCode: 'A01 P3K4',
          librarianName: 'Сәрсенова Әйгерім Қайратқызы',
          librarianIin: '850315301235',
          librarianPhone: '8 7172 55 12 34',
          librarianEmail: `kitaphana-${tag}@school12.edu.kz`,
          responsibleName: 'Жұмабеков Ерлан',
          responsiblePosition: 'Директор',
          responsiblePhone: '+7 701 765 43 21',
          responsibleEmail: `director-${tag}@school12.edu.kz`,
        }
      : {
          orgName: 'КГУ «Общеобразовательная школа № 5»',
          bin: '120740001801',
          orgPhone: '8 (7212) 41-22-33',
          orgEmail: `info-${tag}@school5.edu.kz`,
          legalAddress: 'г. Караганда, ул. Бухар-Жырау, 45',
          region: 'KZ-35',
          city: 'Караганда',
          postalCode: '100000',
          librarianName: 'Петрова Ольга Николаевна',
          librarianIin: '850315301235',
          librarianPhone: '+7 777 222 33 44',
          librarianEmail: `library-${tag}@school5.edu.kz`,
          responsibleName: 'Иванов Иван Иванович',
          responsiblePosition: 'Главный бухгалтер',
          responsiblePhone: '+7 705 111 22 33',
          responsibleEmail: `buh-${tag}@school5.edu.kz`,
        };
  return { ...base, ...overrides };
}

/** Types the given fields (all by default) into the form. */
export async function fillApplication(page: Page, t: Texts, data: Partial<ApplicationData>): Promise<void> {
  for (const name of FIELDS) {
    const value = data[name];
    if (value === undefined) continue;
    const control = applicationControl(page, t, name);
    if (name === 'region') await control.selectOption(value);
    else await control.fill(value);
  }
}

/** Every given field shows exactly what was typed. */
export async function assertApplicationValues(page: Page, t: Texts, data: Partial<ApplicationData>): Promise<void> {
  for (const name of FIELDS) {
    if (data[name] === undefined) continue;
    assert.equal(await applicationControl(page, t, name).inputValue(), data[name], `the field ${name} keeps what was typed`);
  }
}

/** The autosave status «Saved: <time>» (Application.savedAt), whatever the time. */
export function savedAtPattern(t: Texts): RegExp {
  const marker = '\u0001';
  const [before = '', after = ''] = t('Application.savedAt', { time: marker }).split(marker);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(before)}.+${escape(after)}$`);
}

export async function waitForSaved(page: Page, t: Texts): Promise<void> {
  const pattern = savedAtPattern(t);
  const status = page.getByTestId('save-status');
  await status.filter({ hasText: pattern }).waitFor({ timeout: 15_000 }).catch(async (error: Error) => {
    throw new Error(`the autosave status never became «${t('Application.savedAt', { time: '…' })}»; it is «${await status.textContent()}»: ${error.message.split('\n')[0]}`);
  });
}
