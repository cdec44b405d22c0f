/**
 * Kazakhstan's 20 first-level divisions since June 2022 (17 regions and the cities of Astana,
 * Almaty and Shymkent), keyed by their ISO 3166-2 codes (reference §5). Names are in messages/.
 */
export const regionCodes = [
  'KZ-10', // Abai
  'KZ-11', // Akmola
  'KZ-15', // Aktobe
  'KZ-19', // Almaty Region
  'KZ-23', // Atyrau
  'KZ-63', // East Kazakhstan
  'KZ-31', // Jambyl
  'KZ-33', // Jetisu
  'KZ-35', // Karaganda
  'KZ-39', // Kostanay
  'KZ-43', // Kyzylorda
  'KZ-47', // Mangystau
  'KZ-59', // North Kazakhstan
  'KZ-55', // Pavlodar
  'KZ-61', // Turkistan
  'KZ-62', // Ulytau
  'KZ-27', // West Kazakhstan
  'KZ-71', // Astana
  'KZ-75', // Almaty
  'KZ-79', // Shymkent
] as const;

export type RegionCode = (typeof regionCodes)[number];

/** The message key for a region code (JSON keys cannot hold the hyphen nicely). */
export function regionKey(code: RegionCode): `r${string}` {
  return `r${code.slice(3)}`;
}
