import { parseArgs } from 'node:util';
import { createManager } from '@/lib/accounts/staff';
import { appUrl, isProduction, resendApiKey } from '@/lib/env';
import { deliverNow, openCliDb } from './cli-db';

const USAGE = 'Usage: npm run manager -- create --email <email> --name "<full name>" [--locale kk|ru]';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { email: { type: 'string' }, name: { type: 'string' }, locale: { type: 'string' } },
});

if (positionals[0] !== 'create' || !values.email || !values.name) {
  console.error(USAGE);
  process.exit(2);
}
const locale = values.locale === 'ru' ? 'ru' : 'kk';
const handle = await openCliDb();
try {
  const result = await createManager(handle.db, { email: values.email, name: values.name, locale });
  if (!result.ok) {
    const why = { emailInvalid: 'the email address is not valid', nameInvalid: 'give the full name (surname and given name)', emailTaken: 'an account with this email already exists' };
    console.error(`Manager not created: ${why[result.error]}.`);
    process.exitCode = 1;
  } else {
    await deliverNow(handle);
    console.log(`Manager account created for ${values.email}. The password was emailed; it must be changed at first login.`);
    if (!isProduction && !resendApiKey()) console.log(`Development: read the email at ${appUrl()}/${locale}/dev/mailbox, then sign in at ${appUrl()}/${locale}/sign-in.`);
  }
} finally {
  await handle.close();
}
