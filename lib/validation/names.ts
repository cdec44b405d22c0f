import { hasForbiddenCharacters } from './text';

/** Letters of any script (Kazakh ә ғ қ ң ө ұ ү һ і included), combining marks, hyphen, apostrophes, space. */
const PERSON_NAME = /^[\p{L}\p{M}'’ -]+$/u;
/** Organisation names also allow digits and the punctuation of official names. */
const ORG_NAME = /^[\p{L}\p{M}\p{N}'’"«»„“”№().,:;/&+ -]+$/u;

export type NameProblem = 'nameRequired' | 'nameTooLong' | 'nameCharacters' | 'forbiddenCharacters' | 'nameIncomplete';

export const PERSON_NAME_MAX = 150;
export const ORG_NAME_MAX = 500;

/** NFC, trimmed, inner runs of spaces collapsed. */
export function cleanName(raw: string): string {
  return raw.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** A full name (ТАӘ / ФИО): surname and given name required, patronymic optional. */
export function personNameProblem(raw: string): NameProblem | null {
  if (hasForbiddenCharacters(raw)) return 'forbiddenCharacters';
  const name = cleanName(raw);
  if (!name) return 'nameRequired';
  if (name.length > PERSON_NAME_MAX) return 'nameTooLong';
  if (!PERSON_NAME.test(name) || !/\p{L}/u.test(name)) return 'nameCharacters';
  if (name.split(' ').filter((part) => /\p{L}/u.test(part)).length < 2) return 'nameIncomplete';
  return null;
}

export function orgNameProblem(raw: string): NameProblem | null {
  if (hasForbiddenCharacters(raw)) return 'forbiddenCharacters';
  const name = cleanName(raw);
  if (!name) return 'nameRequired';
  if (name.length > ORG_NAME_MAX) return 'nameTooLong';
  if (!ORG_NAME.test(name) || !/\p{L}/u.test(name)) return 'nameCharacters';
  return null;
}
