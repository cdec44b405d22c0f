import 'server-only';
import { getDb } from './client';

export type { Db } from './client';
export { getDb };
