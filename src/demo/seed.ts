// Placeholder replaced below.
import type { Database } from '../db/client.ts';

export async function seedDemoIfEmpty(db: Database): Promise<boolean> {
  void db;
  return false;
}
