// What every route and service needs from the running server: the database and the configuration.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Clock } from '../reminders/clock.ts';

export interface AppContext {
  db: Database;
  config: Config;
  /** The time reminders run by; the system's unless a test sets one. */
  clock?: Clock;
}

/** A group of routes for one resource, given the context, registered under a prefix. */
export type RoutePlugin = (
  ctx: AppContext,
) => FastifyPluginAsync<Record<never, never>, never, ZodTypeProvider>;
