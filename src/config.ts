// Typed configuration read once from the environment; a bad value stops start-up with a message
// that names the variable and what it expects.
import path from 'node:path';
import { z } from 'zod';

const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  TACIT_DATA_DIR: z.string().default('./data'),
  TACIT_MAX_UPLOAD_MB: z.coerce.number().positive().default(50),
  TACIT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TACIT_LOG_FORMAT: z.enum(['auto', 'text', 'json']).default('auto'),
  TACIT_SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  TACIT_SESSION_DAYS: z.coerce.number().positive().default(14),
  TACIT_EXTRACT_SECONDS: z.coerce.number().positive().default(120),
  TACIT_EXTRACT_MEMORY_MB: z.coerce.number().int().min(64).default(512),
  TACIT_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  maxUploadBytes: number;
  logLevel: z.infer<typeof ConfigSchema>['TACIT_LOG_LEVEL'];
  /** auto: text in a terminal, JSON otherwise (app/logging.ts). */
  logFormat: 'auto' | 'text' | 'json';
  seedDemo: 'auto' | 'never';
  sessionDays: number;
  /** The longest an upload may take to be read and extracted, and the heap it may use. */
  extractTimeLimitMs: number;
  extractHeapMb: number;
  /** Behind a TLS-terminating proxy: trust X-Forwarded-*, and mark cookies Secure on HTTPS. */
  trustProxy: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.TACIT_DATA_DIR),
    maxUploadBytes: Math.round(e.TACIT_MAX_UPLOAD_MB * 1024 * 1024),
    logLevel: e.TACIT_LOG_LEVEL,
    logFormat: e.TACIT_LOG_FORMAT,
    seedDemo: e.TACIT_SEED_DEMO,
    sessionDays: e.TACIT_SESSION_DAYS,
    extractTimeLimitMs: Math.round(e.TACIT_EXTRACT_SECONDS * 1000),
    extractHeapMb: e.TACIT_EXTRACT_MEMORY_MB,
    trustProxy: e.TACIT_TRUST_PROXY,
  };
}
