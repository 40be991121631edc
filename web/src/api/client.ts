// The one way the web app talks to the API: JSON in and out, the session cookie, and errors turned
// into ApiError with the server's message and per-field details.

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
    /** The details when the server gave an object (e.g. { sent, current } of a version conflict). */
    readonly facts: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The message for one field (matched on its path, e.g. "key_actions.0.due_on"), if the server named it. */
  forField(field: string): string | undefined {
    return this.details.find((d) => d.field === field || d.field.endsWith(`.${field}`))?.message;
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

function toApiError(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  const details = Array.isArray(err?.details)
    ? (err.details as { field?: unknown; message?: unknown }[])
        .filter((d) => typeof d?.message === 'string')
        .map((d) => ({ field: String(d.field ?? ''), message: String(d.message) }))
    : [];
  return new ApiError(
    status,
    err?.code ?? `http_${status}`,
    err?.message ?? `The server answered ${status}.`,
    details,
    err?.details && typeof err.details === 'object' && !Array.isArray(err.details)
      ? (err.details as Record<string, unknown>)
      : {},
  );
}

const ACTING_FOR_KEY = 'tacit.actingFor';

/** The organisation a member of several acts for (chosen in the header), kept across visits. */
export function actingFor(): string | null {
  try {
    return localStorage.getItem(ACTING_FOR_KEY);
  } catch {
    return null;
  }
}

export function setActingFor(orgId: string | null): void {
  if (orgId) localStorage.setItem(ACTING_FOR_KEY, orgId);
  else localStorage.removeItem(ACTING_FOR_KEY);
}

/** Sign-in and who-am-I speak for the user, not for one of their organisations. */
function actingHeader(path: string): Record<string, string> {
  const orgId = actingFor();
  return orgId && !path.startsWith('/auth/') ? { 'x-tacit-organisation': orgId } : {};
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: {
        ...actingHeader(path),
        ...(body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  if (!res.ok) throw toApiError(res.status, parsed);
  return parsed as T;
}

export const get = <T>(path: string, query?: Query) => api<T>('GET', withQuery(path, query));

/** Reads every page of a list endpoint (up to `max` items), following next_cursor. */
export async function getAll<T>(path: string, query: Query = {}, max = 2000): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; next_cursor: string | null } = await get(path, {
      ...query,
      limit: 200,
      cursor,
    });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor && items.length < max);
  return items;
}

/** Uploads a multipart form with progress (fetch cannot report upload progress; XMLHttpRequest can). */
export function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'The upload was interrupted. Check your connection and try again.'));
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as T);
      else reject(toApiError(xhr.status, parsed));
    };
    xhr.send(form);
  });
}
