// Where an invited person lands from the link an administrator sends: they choose a password, join, and
// are signed in. The token travels in the address's fragment (#token=…), which the browser never sends
// to the server, so it stays out of access logs and Referer headers.
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { ApiError, api } from '../api/client.ts';
import { useSubmit } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import { ErrorMessage, FieldError, Success } from '../components/Status.tsx';
import { useI18n } from '../i18n/index.tsx';

/** The link to this page for an invitation token (shown to the administrator who invited). */
export function invitationLink(token: string): string {
  return `${window.location.origin}/invitation#token=${encodeURIComponent(token)}`;
}

export function InvitationPage() {
  const { t } = useI18n();
  const session = useSession();
  const token = new URLSearchParams(useLocation().hash.slice(1)).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [joined, setJoined] = useState<{ email: string; signedIn: boolean }>();

  const { busy, error, submit } = useSubmit(async () => {
    if (password !== confirmation)
      throw new ApiError(0, 'mismatch', t('invitation.mismatch'), [
        { field: 'confirmation', message: t('invitation.mismatch') },
      ]);
    const { email } = await api<{ email: string }>('POST', '/auth/accept-invitation', { token, password });
    // The password is chosen; signing in is a convenience, and the sign-in page remains if it fails.
    const signedIn = await session.signIn(email, password).then(
      () => true,
      () => false,
    );
    return { email, signedIn };
  }, setJoined);

  if (joined)
    return (
      <section className="narrow">
        <h1>{t('invitation.title')}</h1>
        <Success>
          {t(joined.signedIn ? 'invitation.joinedSignedIn' : 'invitation.joined', { email: joined.email })}
        </Success>
        <p>
          {joined.signedIn ? (
            <Link to="/">{t('invitation.start')}</Link>
          ) : (
            <Link to="/sign-in">{t('nav.signIn')}</Link>
          )}
        </p>
      </section>
    );

  const refused = error?.forField('token');
  return (
    <section className="narrow">
      <h1>{t('invitation.title')}</h1>
      <p className="muted">{t('invitation.intro')}</p>
      {!token ? (
        <div className="error" role="alert">
          {t('invitation.noToken')}
        </div>
      ) : (
        <form onSubmit={submit} className="form">
          {refused ? (
            <div className="error" role="alert">
              <strong>{t('invitation.refused')}</strong> {refused}
            </div>
          ) : (
            error?.code !== 'mismatch' && <ErrorMessage error={error} />
          )}
          <label>
            {t('invitation.password')}
            <input
              type="password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
            <FieldError error={error} field="password" />
          </label>
          <label>
            {t('invitation.confirmation')}
            <input
              type="password"
              autoComplete="new-password"
              required
              value={confirmation}
              onChange={(e) => setConfirmation(e.target.value)}
            />
            <FieldError error={error} field="confirmation" />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? t('invitation.busy') : t('invitation.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
