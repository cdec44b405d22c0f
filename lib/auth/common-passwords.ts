import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;

/**
 * True for passwords found in breach-derived lists (zxcvbn's common-password dictionary),
 * those lists' words with digits or symbols tacked on ("password1234"), and passwords of
 * fewer than four distinct characters ("121212121212").
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'] as string[]);
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return true;
  if (common.has(lower) || lower.includes('qazaqmura')) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  return core.length >= 4 && core.length < lower.length && common.has(core);
}
