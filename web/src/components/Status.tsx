// How the app says what is happening: loading, an API error in words (with its per-field details),
// and the result of a write.
import type { ApiError } from '../api/client.ts';
import { errorText, fieldText } from '../api/error-messages.ts';
import { useI18n } from '../i18n/index.tsx';

export function Loading({ what }: { what?: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status" aria-live="polite">
      {what ?? t('common.loading')}
    </p>
  );
}

export function ErrorMessage({ error }: { error: ApiError | undefined }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const unnamed = error.details.filter((d) => !d.field);
  // In English the server's own sentence says most (which field, which limit); others get theirs.
  const text = error.status === 0 || lang === 'en' ? error.message : errorText(error, t);
  return (
    <div className="error" role="alert">
      <strong>{error.status === 0 ? t('error.network') : t('error.title')}</strong> {text}
      {unnamed.length > 0 && (
        <ul>
          {unnamed.map((d) => (
            <li key={d.message}>{fieldText(d.message, t)}</li>
          ))}
        </ul>
      )}
      {text !== error.message && (
        <details className="small">
          <summary>{t('apiError.original')}</summary>
          {error.message}
        </details>
      )}
    </div>
  );
}

export function FieldError({
  error,
  field,
  id,
}: {
  error: ApiError | undefined;
  field: string;
  id?: string;
}) {
  const { t } = useI18n();
  const sent = error?.forField(field);
  if (!sent) return null;
  const message = fieldText(sent, t);
  return (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  );
}

export function Success({ children }: { children: React.ReactNode }) {
  return (
    <p className="success" role="status" aria-live="polite">
      {children}
    </p>
  );
}

export function Progress({ value, label }: { value: number; label: string }) {
  return (
    <div className="progress">
      <progress max={1} value={value} aria-label={label} />
      <span>{Math.round(value * 100)} %</span>
    </div>
  );
}

/** A form's end: its error in words, "saved" once it is, and the save button, busy while the write runs. */
export function SaveFooter({
  busy,
  error,
  saved,
}: {
  busy: boolean;
  error: ApiError | undefined;
  saved: boolean;
}) {
  const { t } = useI18n();
  return (
    <>
      <ErrorMessage error={error} />
      {saved && <Success>{t('common.saved')}</Success>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </>
  );
}
