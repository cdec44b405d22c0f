import type { Db } from '@/db/client';
import { pruneRateLimits } from '@/lib/rate-limit/store';
import { defaultTransport, type Transport } from './transport';
import { deliverAllDue } from './worker';

const INTERVAL_MS = Number(process.env.EMAIL_WORKER_INTERVAL_MS ?? 2000);
const PRUNE_EVERY_MS = 3600_000;

type State = { started?: boolean };
const state = ((globalThis as { __qazaqmuraEmailWorker?: State }).__qazaqmuraEmailWorker ??= {});

/** Polls the outbox for as long as the server runs; one per process. */
export function startEmailWorker(getDb: () => Promise<Db>): void {
  if (state.started) return;
  state.started = true;
  let lastPrune = 0;
  let transport: Transport | undefined;
  const tick = async () => {
    try {
      const db = await getDb();
      transport ??= defaultTransport(db);
      await deliverAllDue(db, transport);
      if (Date.now() - lastPrune > PRUNE_EVERY_MS) {
        lastPrune = Date.now();
        await pruneRateLimits(db);
      }
    } catch (error) {
      console.error('[email] worker tick failed:', (error as Error).message);
    } finally {
      setTimeout(tick, INTERVAL_MS).unref();
    }
  };
  setTimeout(tick, 0).unref();
}
