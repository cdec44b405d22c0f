import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { emailOutbox, registeredOrganisations, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/hash';
import { csvColumns, importOrganisations, parseOrganisationsCsv, type RowError } from '@/lib/organisations/import';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { OTHER_BIN, THIRD_BIN, VALID_BIN, VALID_IIN, insertUser } from '../helpers/applications';
import { closeTestDb, resetDb, testDb } from '../helpers/db';
import { binFor, insertManager } from '../helpers/manager';

const T0 = new Date('2026-05-04T06:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const HEADER = csvColumns.join(',');

type Cells = Partial<Record<(typeof csvColumns)[number], string>>;

/** One CSV line with the columns in header order; cells are quoted as a spreadsheet would. */
function line(cells: Cells): string {
  return csvColumns.map((c) => {
    const v = cells[c] ?? '';
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(',');
}

const AKBULAK: Cells = {
  bin: '0603 4001 2341',
  name: '«Ақбұлақ» мектеп-гимназиясы № 5',
  org_type: 'School',
  region: 'KZ-71',
  city: 'Астана',
  legal_address: 'Астана қ., Мәңгілік Ел даңғылы, 8',
  postal_code: 'a01 p3k4',
  phone: '8 (7172) 55-12-34',
  email: ' Info@Akbulak.EDU.kz ',
  librarian_name: 'Сәрсенова   Әйгерім',
  librarian_iin: '850315 301235',
  librarian_phone: '+7 701 123 45 67',
  librarian_email: 'Library@Akbulak.edu.kz',
  responsible_name: 'Иванов Иван Иванович',
  responsible_position: 'Директор',
  responsible_phone: '8 701 123 45 68',
  responsible_email: 'director@akbulak.edu.kz',
};
const SCHOOL12: Cells = { bin: OTHER_BIN, name: 'КГУ «Средняя школа № 12»', org_type: 'school', region: 'Астана қаласы', email: 'school12@edu.kz', phone: '+7 (7252) 53-10-20' };
const COLLEGE3: Cells = { bin: THIRD_BIN, name: 'Колледж №3', org_type: 'college', region: 'город Астана', email: 'college3@edu.kz' };

/** Three valid rows, then one bad row per rule: lines 2-4 valid, 5-10 refused. */
function sampleCsv(eol = '\n'): string {
  return [
    HEADER,
    line(AKBULAK),
    line(SCHOOL12),
    line(COLLEGE3),
    line({ bin: '060340012342', name: 'Мектеп', email: 'bad-bin@edu.kz' }),
    line({ bin: binFor(1), name: 'Мектеп 1', email: 'not-an-email' }),
    line({ bin: '060340012341', name: 'Екінші Ақбұлақ', email: 'again@edu.kz' }),
    line({ bin: binFor(2), name: 'Мектеп 2', email: 'm2@edu.kz', phone: 'call me' }),
    line({ bin: binFor(3), name: 'Мектеп 3', email: 'm3@edu.kz', librarian_iin: '850315301236' }),
    line({ bin: binFor(4), name: 'Мектеп 4', email: 'm4@edu.kz', region: 'Марс', postal_code: '12' }),
    '',
  ].join(eol);
}

const EXPECTED_ERRORS: RowError[] = [
  { line: 5, field: 'bin', error: 'binChecksum' },
  { line: 6, field: 'email', error: 'emailInvalid' },
  { line: 7, field: 'bin', error: 'duplicateInFile' },
  { line: 8, field: 'phone', error: 'phoneFormat' },
  { line: 9, field: 'librarian_iin', error: 'iinChecksum' },
  { line: 10, field: 'region', error: 'regionRequired' },
  { line: 10, field: 'postal_code', error: 'postalFormat' },
];

let db: Db;

beforeEach(async () => {
  db = await testDb();
  await resetDb(db);
});
afterAll(closeTestDb);

async function orgTable() {
  return db.select().from(registeredOrganisations).orderBy(asc(registeredOrganisations.bin));
}
async function orgAccounts() {
  return db.select().from(users).where(eq(users.role, 'organisation')).orderBy(asc(users.email));
}

describe('parseOrganisationsCsv', () => {
  it('parses valid rows into normalised values and reports each bad row with its line, field and error key', () => {
    const { rows, errors } = parseOrganisationsCsv(sampleCsv());
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      line: 2,
      bin: VALID_BIN,
      name: '«Ақбұлақ» мектеп-гимназиясы № 5',
      orgType: 'school',
      region: 'KZ-71',
      city: 'Астана',
      legalAddress: 'Астана қ., Мәңгілік Ел даңғылы, 8',
      postalCode: 'A01P3K4',
      phone: '+77172551234',
      email: 'info@akbulak.edu.kz',
      librarianName: 'Сәрсенова Әйгерім',
      librarianIin: VALID_IIN,
      librarianPhone: '+77011234567',
      librarianEmail: 'library@akbulak.edu.kz',
      responsibleName: 'Иванов Иван Иванович',
      responsiblePosition: 'Директор',
      responsiblePhone: '+77011234568',
      responsibleEmail: 'director@akbulak.edu.kz',
    });
    // Region by code, by its Kazakh name and by its Russian name.
    expect(rows.map((r) => r.region)).toEqual(['KZ-71', 'KZ-71', 'KZ-71']);
    expect(rows[1]).toMatchObject({ bin: OTHER_BIN, name: 'КГУ «Средняя школа № 12»', phone: '+77252531020', email: 'school12@edu.kz', orgType: 'school', librarianIin: null, city: null });
    expect(rows[2]).toMatchObject({ bin: THIRD_BIN, name: 'Колледж №3', orgType: 'college', phone: null });
    expect(errors).toEqual(EXPECTED_ERRORS);
    // Every error key has a message in both languages (the CLI prints them).
    for (const e of errors) {
      expect(kk.Errors, e.error).toHaveProperty(e.error);
      expect(ru.Errors, e.error).toHaveProperty(e.error);
    }
  });

  it('reads the same with a byte-order mark and with Windows line ends', () => {
    const plain = parseOrganisationsCsv(sampleCsv());
    expect(parseOrganisationsCsv(`\uFEFF${sampleCsv()}`)).toEqual(plain);
    expect(parseOrganisationsCsv(`\uFEFF${sampleCsv('\r\n')}`)).toEqual(plain);
  });

  it('accepts the header in any case and column order, and region names in any case', () => {
    const text = ['EMAIL, Name ,BIN,Region', 'a@edu.kz,Мектеп А,060340012341,ГОРОД АСТАНА', 'b@edu.kz,Мектеп Б,070540001236,алматы қаласы'].join('\n');
    const { rows, errors } = parseOrganisationsCsv(text);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.bin, r.name, r.email, r.region])).toEqual([
      [VALID_BIN, 'Мектеп А', 'a@edu.kz', 'KZ-71'],
      [OTHER_BIN, 'Мектеп Б', 'b@edu.kz', 'KZ-75'],
    ]);
  });

  it('requires bin, name and email, and refuses hidden characters', () => {
    const text = [HEADER, line({ name: 'Мектеп' }), line({ bin: VALID_BIN, name: 'Мек\u202Eтеп', email: 'x@edu.kz' })].join('\n');
    const { rows, errors } = parseOrganisationsCsv(text);
    expect(rows).toEqual([]);
    expect(errors).toEqual(
      expect.arrayContaining([
        { line: 2, field: 'bin', error: 'binRequired' },
        { line: 2, field: 'email', error: 'emailRequired' },
        { line: 3, field: 'name', error: 'forbiddenCharacters' },
      ]),
    );
  });

  it('gives the line number of the file, also after a blank line', () => {
    const text = [HEADER, line(AKBULAK), '', line({ bin: '060340012342', name: 'Мектеп', email: 'bad-bin@edu.kz' }), line(SCHOOL12), line({ bin: OTHER_BIN, name: 'Қайта', email: 'again@edu.kz' })].join('\n');
    const { rows, errors } = parseOrganisationsCsv(text);
    expect(rows.map((r) => r.bin)).toEqual([VALID_BIN, OTHER_BIN]);
    expect(errors).toEqual([
      { line: 4, field: 'bin', error: 'binChecksum' },
      { line: 6, field: 'bin', error: 'duplicateInFile' },
    ]);
  });
});

describe('importOrganisations', () => {
  it('inserts the valid rows with an organisation account per email, and queues no email', async () => {
    const parsed = parseOrganisationsCsv(sampleCsv());
    const report = await importOrganisations(db, parsed, T0);
    expect(report).toEqual({ inserted: 3, updated: 0, unchanged: 0, errors: EXPECTED_ERRORS });

    const orgs = await orgTable();
    expect(orgs.map((o) => o.bin)).toEqual([VALID_BIN, OTHER_BIN, THIRD_BIN].sort());
    for (const org of orgs) {
      const { line: _line, ...row } = parsed.rows.find((r) => r.bin === org.bin)!;
      expect(_line).toBeGreaterThan(1);
      expect(org).toMatchObject({ ...row, source: 'import', applicationId: null, createdAt: T0, updatedAt: T0 });
    }
    const accounts = await orgAccounts();
    expect(accounts.map((a) => a.email)).toEqual(['college3@edu.kz', 'info@akbulak.edu.kz', 'school12@edu.kz']);
    for (const account of accounts) {
      const org = orgs.find((o) => o.email === account.email)!;
      expect(account).toMatchObject({ role: 'organisation', organisationId: org.id, mustChangePassword: true, orgType: org.orgType, tempPasswordExpiresAt: null, sessionVersion: 1 });
      expect(account.passwordHash).toMatch(/^\$argon2id\$/);
      // Nobody knows that password: they get in with a manager's restore link.
      expect(await verifyPassword(account.passwordHash, '')).toBe(false);
    }
    expect(await db.select().from(emailOutbox)).toEqual([]);
  });

  it('importing the same file again changes nothing', async () => {
    const text = sampleCsv();
    await importOrganisations(db, parseOrganisationsCsv(text), T0);
    const orgsBefore = await orgTable();
    const usersBefore = await db.select().from(users).orderBy(asc(users.id));
    const report = await importOrganisations(db, parseOrganisationsCsv(`\uFEFF${text.replace(/\n/g, '\r\n')}`), at(60));
    expect(report).toEqual({ inserted: 0, updated: 0, unchanged: 3, errors: EXPECTED_ERRORS });
    expect(await orgTable()).toEqual(orgsBefore);
    expect(await db.select().from(users).orderBy(asc(users.id))).toEqual(usersBefore);
    expect(await db.select().from(emailOutbox)).toEqual([]);
  });

  it('updates a changed row (updated_at too), its account email with it, and leaves the others alone', async () => {
    await importOrganisations(db, parseOrganisationsCsv([HEADER, line(AKBULAK), line(SCHOOL12), line(COLLEGE3)].join('\n')), T0);
    const before = await orgTable();
    const accountsBefore = await orgAccounts();
    const changed = { ...SCHOOL12, name: 'КГУ «Школа-гимназия № 12»', phone: '8 727 250 00 00', email: 'gym12@edu.kz', region: 'KZ-75' };
    const report = await importOrganisations(db, parseOrganisationsCsv([HEADER, line(AKBULAK), line(changed), line(COLLEGE3)].join('\n')), at(60));
    expect(report).toEqual({ inserted: 0, updated: 1, unchanged: 2, errors: [] });

    const after = await orgTable();
    const was = before.find((o) => o.bin === OTHER_BIN)!;
    const now = after.find((o) => o.bin === OTHER_BIN)!;
    expect(now).toEqual({ ...was, name: 'КГУ «Школа-гимназия № 12»', phone: '+77272500000', email: 'gym12@edu.kz', region: 'KZ-75', updatedAt: at(60) });
    expect(after.filter((o) => o.bin !== OTHER_BIN)).toEqual(before.filter((o) => o.bin !== OTHER_BIN));
    const account = (await orgAccounts()).find((a) => a.organisationId === was.id)!;
    const accountWas = accountsBefore.find((a) => a.organisationId === was.id)!;
    expect(account).toEqual({ ...accountWas, email: 'gym12@edu.kz' });
    expect(await orgAccounts()).toHaveLength(3);
  });

  it('reports an email that belongs to an applicant, a manager or another organisation (emailTaken) and imports nothing for it', async () => {
    const applicant = await insertUser(db, 'school12@edu.kz');
    const manager = await insertManager(db, 'college3@edu.kz', 'Айгүл Сейітова');
    const text = [HEADER, line(AKBULAK), line(SCHOOL12), line(COLLEGE3), line({ bin: binFor(9), name: 'Тағы бір мектеп', email: 'info@akbulak.edu.kz' })].join('\n');
    const report = await importOrganisations(db, parseOrganisationsCsv(text), T0);
    expect(report.inserted).toBe(1);
    // Lines 3, 4 and 5 of the file (the header is line 1): the school, the college and the last row.
    expect(report.errors).toEqual([
      { line: 3, field: 'email', error: 'emailTaken' },
      { line: 4, field: 'email', error: 'emailTaken' },
      { line: 5, field: 'email', error: 'emailTaken' },
    ]);
    expect((await orgTable()).map((o) => o.bin)).toEqual([VALID_BIN]);
    expect(await db.select().from(users).where(eq(users.id, applicant.id))).toEqual([applicant]);
    expect(await db.select().from(users).where(eq(users.id, manager.id))).toEqual([manager]);
    expect((await orgAccounts()).map((a) => a.email)).toEqual(['info@akbulak.edu.kz']);
    expect(await db.select().from(emailOutbox)).toEqual([]);
  });

  it('an update may not move an organisation onto an email another account holds', async () => {
    await importOrganisations(db, parseOrganisationsCsv([HEADER, line(AKBULAK), line(SCHOOL12)].join('\n')), T0);
    const before = await orgTable();
    const report = await importOrganisations(db, parseOrganisationsCsv([HEADER, line({ ...SCHOOL12, email: 'info@akbulak.edu.kz' })].join('\n')), at(60));
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, errors: [expect.objectContaining({ error: 'emailTaken' })] });
    expect(await orgTable()).toEqual(before);
  });
});
