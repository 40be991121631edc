// Sign-in with e-mail and password; the server sets an HttpOnly session cookie.
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useSubmit } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import { ErrorMessage, FieldError } from '../components/Status.tsx';
import { useI18n } from '../i18n/index.tsx';

export function SignInPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(
    () => session.signIn(email, password),
    () => navigate('/'),
  );

  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.intro')}</p>
      <form onSubmit={submit} className="form">
        <ErrorMessage error={error} />
        <label>
          {t('signIn.email')}
          <input
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
          <FieldError error={error} field="email" />
        </label>
        <label>
          {t('signIn.password')}
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <FieldError error={error} field="password" />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
