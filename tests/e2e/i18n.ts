import { createTranslator } from 'next-intl';
import type { Locator, Page } from 'playwright-core';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

export type Locale = 'kk' | 'ru';
export const LOCALES: Locale[] = ['kk', 'ru'];

/** The app's own texts, formatted as the app formats them (ICU plurals included). */
export function texts(locale: Locale) {
  const t = createTranslator({ locale, messages: locale === 'kk' ? kk : ru });
  return t;
}

export type Texts = ReturnType<typeof texts>;

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The form control labelled `label`. Labels also carry " *" and "(required)" after the text, and
 * some labels start with another's text ("Жаңа құпиясөз" / "Жаңа құпиясөзді қайталаңыз"), so the
 * label must start with the text followed by a space or its end.
 */
export function field(scope: Page | Locator, label: string): Locator {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}(?:\\s|$)`));
}

/** Exactly this text, as a whole-element match with normalised whitespace. */
export function exactText(scope: Page | Locator, text: string): Locator {
  return scope.getByText(text, { exact: true });
}
