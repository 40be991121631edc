// The frame around every page: skip link, navigation, language switch, sign-in state.
import { type ReactNode, useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { useSession } from '../api/session.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { LANGS, type Lang, useI18n } from '../i18n/index.tsx';

const NAV: { to: string; key: MessageKey; signedInOnly?: boolean }[] = [
  { to: '/', key: 'nav.home' },
  { to: '/search', key: 'nav.search' },
  { to: '/projects', key: 'nav.projects' },
  { to: '/organisations', key: 'nav.organisations' },
  { to: '/coordination', key: 'nav.coordination' },
  { to: '/recommendations', key: 'nav.recommendations' },
  { to: '/lessons', key: 'nav.lessons' },
  { to: '/scores', key: 'nav.scores' },
  { to: '/criteria', key: 'nav.criteria' },
  { to: '/instruments', key: 'nav.instruments' },
  { to: '/assessments', key: 'nav.assessments' },
  { to: '/contribute', key: 'nav.contribute', signedInOnly: true },
  { to: '/digest', key: 'nav.digest', signedInOnly: true },
  { to: '/admin', key: 'nav.admin', signedInOnly: true },
];

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [signOutError, setSignOutError] = useState<string>();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Tacit
        </Link>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.filter((n) => !n.signedInOnly || session.signedIn).map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end={n.to === '/'}>
                  {t(n.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar-tools">
          <label className="lang-switch">
            <span className="visually-hidden">{t('nav.language')}</span>
            <select
              value={lang}
              onChange={(e) => setLang(e.target.value as Lang)}
              aria-label={t('nav.language')}
            >
              {LANGS.map((l) => (
                <option key={l.code} value={l.code}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          {session.signedIn ? (
            <>
              {session.allOrgs.length > 1 ? (
                <label className="acting-for">
                  <span className="visually-hidden">{t('nav.actingFor')}</span>
                  <select
                    aria-label={t('nav.actingFor')}
                    value={session.actingFor ?? ''}
                    onChange={(e) => {
                      session.actFor(e.target.value || null);
                      // Every page read so far was for the previous choice: read them again.
                      window.location.reload();
                    }}
                  >
                    <option value="">{t('nav.allOrganisations')}</option>
                    {session.allOrgs.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.acronym ?? o.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <span className="who" title={session.me?.email ?? ''}>
                  {session.orgs.map((o) => o.acronym ?? o.name).join(', ') || session.me?.email}
                </span>
              )}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  session.signOut().then(
                    () => navigate('/'),
                    (e: Error) => setSignOutError(e.message),
                  )
                }
              >
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            <Link to="/sign-in">{t('nav.signIn')}</Link>
          )}
        </div>
      </header>
      {signOutError && (
        <p className="error" role="alert">
          {signOutError}
        </p>
      )}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
