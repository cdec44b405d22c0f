import { getDb } from '@/db/client';
import { startEmailWorker } from '@/lib/email/runner';
import { assertProductionConfig, ConfigError } from '@/lib/env';

/** Checks the settings (production refuses to start without them), applies migrations, starts the email worker. */
export async function startServer(): Promise<void> {
  try {
    assertProductionConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\nQAZAQMURA cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  await getDb();
  startEmailWorker(getDb);
}
