import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { registeredOrganisations, users } from '@/db/schema';
import { orgTypes, type Locale } from '@/db/schema/enums';
import { findUserByEmail } from '@/db/queries/users';
import { hashPassword } from '@/lib/auth/hash';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { emailField } from '@/lib/validation/fields';
import { iinProblem, binProblem, normalizeIdNumber } from '@/lib/validation/kz-id';
import { cleanName, orgNameProblem, personNameProblem } from '@/lib/validation/names';
import { parseKzPhone } from '@/lib/validation/phone';
import { normalizePostalCode } from '@/lib/validation/postal-code';
import { regionCodes, regionKey } from '@/lib/validation/regions';
import { hasForbiddenCharacters } from '@/lib/validation/text';

/** The CSV columns, in the order of the registration form. bin, name and email are required. */
export const csvColumns = [
  'bin', 'name', 'org_type', 'region', 'city', 'legal_address', 'postal_code', 'phone', 'email',
  'librarian_name', 'librarian_iin', 'librarian_phone', 'librarian_email',
  'responsible_name', 'responsible_position', 'responsible_phone', 'responsible_email',
] as const;

export type OrganisationRow = Omit<typeof registeredOrganisations.$inferInsert, 'id' | 'createdAt' | 'updatedAt' | 'source' | 'applicationId'>;
export type RowError = { line: number; field: string; error: string };

const regionByName = new Map<string, string>();
for (const code of regionCodes) {
  const key = regionKey(code) as keyof typeof kk.Regions;
  regionByName.set(kk.Regions[key].toLocaleLowerCase('kk'), code);
  regionByName.set(ru.Regions[key].toLocaleLowerCase('ru'), code);
  regionByName.set(code.toLowerCase(), code);
}

/**
 * Parses and checks a UTF-8 CSV of organisations already in QAZAQMURA, row by row, with the same
 * rules as the application form. Returns the valid rows and, for the others, why (an Errors key).
 */
export function parseOrganisationsCsv(text: string): { rows: (OrganisationRow & { line: number })[]; errors: RowError[] } {
  const records = parse(text.replace(/^\uFEFF/, ''), { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true, trim: true, info: true, delimiter: [',', ';'] }) as { record: Record<string, string>; info: { lines: number } }[];
  const rows: (OrganisationRow & { line: number })[] = [];
  const errors: RowError[] = [];
  const seen = new Set<string>();
  records.forEach(({ record, info }) => {
    // The line of the file (where the record ends), also after blank lines or a quoted line break.
    const line = info.lines;
    const rowErrors: RowError[] = [];
    const get = (name: string) => (record[name] ?? '').normalize('NFC').trim();
    const fail = (field: string, error: string) => rowErrors.push({ line, field, error });
    for (const [field, value] of Object.entries(record)) if (value && (hasForbiddenCharacters(value) || value.length > 500)) fail(field, value.length > 500 ? 'fieldTooLong' : 'forbiddenCharacters');
    const bin = normalizeIdNumber(get('bin'));
    const binError = binProblem(bin);
    if (binError) fail('bin', binError);
    else if (seen.has(bin)) fail('bin', 'duplicateInFile');
    const nameError = orgNameProblem(get('name'));
    if (nameError) fail('name', nameError);
    const email = emailField.safeParse(get('email'));
    if (!email.success) fail('email', email.error.issues[0]!.message);
    const optional = (field: string, check: (v: string) => { value?: string | null; error?: string }) => {
      const value = get(field);
      if (!value) return null;
      const result = check(value);
      if (result.error) fail(field, result.error);
      return result.value ?? null;
    };
    const phone = (v: string) => {
      const p = parseKzPhone(v);
      return p.ok ? { value: p.e164 } : { error: p.problem };
    };
    const mail = (v: string) => {
      const e = emailField.safeParse(v);
      return e.success ? { value: e.data as string } : { error: e.error.issues[0]!.message };
    };
    const person = (v: string) => (personNameProblem(v) ? { error: personNameProblem(v)! } : { value: cleanName(v) });
    const row: OrganisationRow = {
      bin,
      name: cleanName(get('name')),
      orgType: optional('org_type', (v) => ((orgTypes as readonly string[]).includes(v.toLowerCase()) ? { value: v.toLowerCase() } : { error: 'orgTypeRequired' })) as OrganisationRow['orgType'],
      region: optional('region', (v) => (regionByName.has(v.toLocaleLowerCase('kk')) ? { value: regionByName.get(v.toLocaleLowerCase('kk'))! } : { error: 'regionRequired' })),
      city: optional('city', (v) => ({ value: cleanName(v) })),
      legalAddress: optional('legal_address', (v) => ({ value: cleanName(v) })),
      postalCode: optional('postal_code', (v) => (normalizePostalCode(v) ? { value: normalizePostalCode(v) } : { error: 'postalFormat' })),
      phone: optional('phone', phone),
      email: email.success ? (email.data as string) : '',
      librarianName: optional('librarian_name', person),
      librarianIin: optional('librarian_iin', (v) => (iinProblem(v) ? { error: iinProblem(v)! } : { value: normalizeIdNumber(v) })),
      librarianPhone: optional('librarian_phone', phone),
      librarianEmail: optional('librarian_email', mail),
      responsibleName: optional('responsible_name', person),
      responsiblePosition: optional('responsible_position', (v) => ({ value: cleanName(v) })),
      responsiblePhone: optional('responsible_phone', phone),
      responsibleEmail: optional('responsible_email', mail),
    };
    if (rowErrors.length) errors.push(...rowErrors);
    else {
      seen.add(bin);
      rows.push({ ...row, line });
    }
  });
  return { rows, errors };
}

export type ImportReport = { inserted: number; updated: number; unchanged: number; errors: RowError[] };

const COMPARED = ['name', 'orgType', 'region', 'city', 'legalAddress', 'postalCode', 'phone', 'email', 'librarianName', 'librarianIin', 'librarianPhone', 'librarianEmail', 'responsibleName', 'responsiblePosition', 'responsiblePhone', 'responsibleEmail'] as const;

/**
 * Writes checked rows: new BINs are inserted with an organisation account for their email (no
 * password is sent: they get in through a manager's restore link), changed ones are updated,
 * identical ones left alone, so importing the same file twice changes nothing.
 */
export async function importOrganisations(
  db: Db,
  parsed: { rows: (OrganisationRow & { line: number })[]; errors: RowError[] },
  now = new Date(),
  /** The language of the organisations' emails (restore links). */
  locale: Locale = 'kk',
): Promise<ImportReport> {
  const report: ImportReport = { inserted: 0, updated: 0, unchanged: 0, errors: [...parsed.errors] };
  for (const { line, ...row } of parsed.rows) {
    await db.transaction(async (tx) => {
      const [existing] = await tx.select().from(registeredOrganisations).where(eq(registeredOrganisations.bin, row.bin));
      const owner = await findUserByEmail(tx, row.email);
      if (owner && (owner.role !== 'organisation' || (existing && owner.organisationId !== existing.id) || !existing)) {
        report.errors.push({ line, field: 'email', error: 'emailTaken' });
        return;
      }
      if (!existing) {
        const [org] = await tx.insert(registeredOrganisations).values({ ...row, source: 'import', createdAt: now, updatedAt: now }).returning({ id: registeredOrganisations.id });
        await tx.insert(users).values({
          email: row.email,
          role: 'organisation',
          passwordHash: await hashPassword(randomBytes(32).toString('base64url')),
          mustChangePassword: true,
          organisationId: org!.id,
          orgType: row.orgType ?? null,
          locale,
        });
        report.inserted += 1;
        return;
      }
      const changed = COMPARED.some((field) => (existing[field] ?? null) !== (row[field] ?? null));
      if (!changed) {
        report.unchanged += 1;
        return;
      }
      await tx.update(registeredOrganisations).set({ ...row, updatedAt: now }).where(eq(registeredOrganisations.id, existing.id));
      if (!owner) {
        await tx.update(users).set({ email: row.email }).where(eq(users.organisationId, existing.id));
      }
      report.updated += 1;
    });
  }
  return report;
}
