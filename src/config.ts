// Typed configuration read once from the environment; a bad value stops start-up with a message
// that names the variable and what it expects.
import path from 'node:path';
import { z } from 'zod';
import type { IatiReporter } from './iati/export-activity.ts';
import { isOrgType, orgIdentifierProblem } from './reference/org-identifier.ts';

const BaseSchema = z.object({
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
  // Reminders: digests are e-mailed only when an SMTP host is set (src/reminders/).
  TACIT_SMTP_HOST: z.string().trim().min(1).optional(),
  TACIT_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  TACIT_SMTP_SECURE: z.enum(['true', 'false']).default('false'),
  TACIT_SMTP_USER: z.string().min(1).optional(),
  TACIT_SMTP_PASSWORD: z.string().min(1).optional(),
  TACIT_MAIL_FROM: z.email('must be an e-mail address').optional(),
  TACIT_PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  TACIT_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(6),
  // This installation as an IATI organisation: the reporter of exported records whose owner has no identifier.
  TACIT_IATI_ORG_REF: z.string().trim().min(1).optional(),
  TACIT_IATI_ORG_NAME: z.string().trim().min(1).optional(),
  TACIT_IATI_ORG_TYPE: z.string().trim().min(1).optional(),
});

const ConfigSchema = BaseSchema.superRefine((e, ctx) => {
  checkIatiOrganisation(e, ctx);
  if (!e.TACIT_SMTP_HOST) return;
  // A digest needs a sender and the address its links point to.
  if (!e.TACIT_MAIL_FROM)
    ctx.addIssue({
      code: 'custom',
      path: ['TACIT_MAIL_FROM'],
      message: 'is required when TACIT_SMTP_HOST is set',
    });
  if (!e.TACIT_PUBLIC_URL)
    ctx.addIssue({
      code: 'custom',
      path: ['TACIT_PUBLIC_URL'],
      message: 'is required when TACIT_SMTP_HOST is set',
    });
  if (e.TACIT_SMTP_USER && !e.TACIT_SMTP_PASSWORD)
    ctx.addIssue({
      code: 'custom',
      path: ['TACIT_SMTP_PASSWORD'],
      message: 'is required with TACIT_SMTP_USER',
    });
});

type Env = z.output<typeof BaseSchema>;

/** The installation's IATI organisation: an identifier from a known agency, with its name and type. */
function checkIatiOrganisation(e: Env, ctx: z.RefinementCtx): void {
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const ref = e.TACIT_IATI_ORG_REF?.trim();
  if (!ref) {
    for (const other of ['TACIT_IATI_ORG_NAME', 'TACIT_IATI_ORG_TYPE'] as const)
      if (e[other]) problem(other, 'is used only with TACIT_IATI_ORG_REF, which is not set');
    return;
  }
  const refProblem = orgIdentifierProblem(ref);
  if (refProblem) problem('TACIT_IATI_ORG_REF', refProblem);
  if (!e.TACIT_IATI_ORG_NAME) problem('TACIT_IATI_ORG_NAME', 'is required with TACIT_IATI_ORG_REF');
  const type = e.TACIT_IATI_ORG_TYPE?.trim();
  if (!type) problem('TACIT_IATI_ORG_TYPE', 'is required with TACIT_IATI_ORG_REF (e.g. 40 multilateral)');
  else if (!isOrgType(type))
    problem('TACIT_IATI_ORG_TYPE', 'is not an IATI OrganisationType code (e.g. 10, 21, 40)');
}

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
  /** Where digests are e-mailed from; undefined: digests are kept readable but not sent. */
  smtp: SmtpConfig | undefined;
  /** The address links in e-mails point to (the web app). */
  publicUrl: string;
  /** Hour of the day (UTC) from which the daily digest is due. */
  digestHour: number;
  /** This installation as an IATI organisation; exports name it as the reporter of records whose owner has no identifier. */
  iatiReporter: IatiReporter | undefined;
}

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
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
    smtp: e.TACIT_SMTP_HOST
      ? {
          host: e.TACIT_SMTP_HOST,
          port: e.TACIT_SMTP_PORT,
          secure: e.TACIT_SMTP_SECURE === 'true',
          user: e.TACIT_SMTP_USER,
          password: e.TACIT_SMTP_PASSWORD,
          from: e.TACIT_MAIL_FROM ?? '',
        }
      : undefined,
    publicUrl: (e.TACIT_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    digestHour: e.TACIT_DIGEST_HOUR,
    iatiReporter: e.TACIT_IATI_ORG_REF
      ? { ref: e.TACIT_IATI_ORG_REF, name: e.TACIT_IATI_ORG_NAME ?? '', type: e.TACIT_IATI_ORG_TYPE ?? '' }
      : undefined,
  };
}
