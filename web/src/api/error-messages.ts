// Server errors in the reader's language: the API answers in English ({ code, message, details });
// the interface says the same from the stable code and the details, and keeps the server's own
// words for those who need them (a field's message the interface has no words for stays as sent).
import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/index.tsx';
import type { ApiError } from './client.ts';

/** The codes the interface has words for (src/server/errors.ts and the routes that add their own). */
const KNOWN_CODES = [
  'validation_failed',
  'not_found',
  'unauthorized',
  'forbidden',
  'duplicate',
  'version_conflict',
  'payload_too_large',
  'unsupported_media_type',
  'malformed_json',
  'too_many_requests',
  'link_used',
  'internal_error',
] as const;

/** The wording of the most frequent field messages (src/server/schemas.ts and zod's own). */
const FIELD_MESSAGES: Record<string, MessageKey> = {
  'must not be empty': 'apiField.empty',
  'must be a UUID': 'apiField.uuid',
  'must be a date YYYY-MM-DD': 'apiField.date',
  'must be YYYY, YYYY-MM or YYYY-MM-DD': 'apiField.partialDate',
  'is not a calendar date': 'apiField.calendar',
  'must be a number': 'apiField.number',
  'must not be negative': 'apiField.negative',
  Required: 'apiField.required',
};

/** The error's sentence in the interface language, else the server's English one. */
export function errorText(error: ApiError, t: Translate): string {
  const code = KNOWN_CODES.find((c) => c === error.code);
  if (!code) return error.message;
  const mb = Number(error.facts.limit_bytes ?? 0) / 1024 / 1024;
  return t(`apiError.${code}` as MessageKey, {
    sent: String(error.facts.sent ?? ''),
    current: String(error.facts.current ?? ''),
    limit: Math.round(mb),
    allowed: Array.isArray(error.facts.allowed) ? error.facts.allowed.join(', ') : '',
    fields: error.details
      .map((d) => d.field)
      .filter(Boolean)
      .join(', '),
  });
}

/** A field's message in the interface language when it is one of the frequent ones. */
export function fieldText(message: string, t: Translate): string {
  const key = FIELD_MESSAGES[message];
  return key ? t(key) : message;
}
