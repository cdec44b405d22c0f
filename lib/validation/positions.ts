/** The usual positions in schools and colleges (reference §7.2), plus 'other' with free text. */
export const positionCodes = [
  'director',
  'actingDirector',
  'deputyAcademic',
  'deputyUpbringing',
  'deputyHousehold',
  'chiefAccountant',
  'accountant',
  'headOfLibrary',
  'librarian',
  'methodologist',
  'secretary',
  'other',
] as const;

export type PositionCode = (typeof positionCodes)[number];
