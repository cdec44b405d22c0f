import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { importOrganisations, parseOrganisationsCsv, csvColumns } from '@/lib/organisations/import';
import { openCliDb } from './cli-db';

const USAGE = `Usage: npm run orgs -- import <file.csv> [--locale kk|ru]
--locale: the language of the organisations' emails and of this report (default kk).
The file is UTF-8 CSV with a header row; columns: ${csvColumns.join(', ')} (bin, name and email are required).`;

const { positionals, values } = parseArgs({ allowPositionals: true, options: { locale: { type: 'string' } } });
if (positionals[0] !== 'import' || !positionals[1]) {
  console.error(USAGE);
  process.exit(2);
}
const locale = values.locale === 'ru' ? 'ru' : 'kk';
const errors = (locale === 'kk' ? kk : ru).Errors as Record<string, string>;

let text: string;
try {
  text = readFileSync(positionals[1], 'utf8');
} catch (error) {
  console.error(`Cannot read ${positionals[1]}: ${(error as Error).message}`);
  process.exit(2);
}
const handle = await openCliDb();
try {
  let parsed;
  try {
    parsed = parseOrganisationsCsv(text);
  } catch (error) {
    console.error(`Not a readable CSV file: ${(error as Error).message}`);
    process.exit(1);
  }
  const report = await importOrganisations(handle.db, parsed, new Date(), locale);
  console.log(`Inserted: ${report.inserted}, updated: ${report.updated}, unchanged: ${report.unchanged}, rejected: ${report.errors.length ? new Set(report.errors.map((e) => `${e.line}:${e.field}`)).size : 0}`);
  for (const e of report.errors) {
    console.log(`  line ${e.line}, ${e.field}: ${errors[e.error] ?? e.error} [${e.error}]`);
  }
  if (report.errors.length) process.exitCode = 1;
} finally {
  await handle.close();
}
