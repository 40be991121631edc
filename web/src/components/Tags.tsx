// Small shared pieces: country and theme chips, status badges, visibility, vocabulary names.
import { Link } from 'react-router-dom';
import { useReference } from '../api/reference.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.tsx';
import {
  AUDIT_ACTION_NAMES,
  DAC_NAMES,
  REGION_NAMES,
  RISK_NAMES,
  vocabularyName,
} from '../i18n/vocabulary.ts';

/** Country chips that list the country's projects, or (`to="brief"`) open its country brief. */
export function CountryChips({ codes, to = 'projects' }: { codes: string[]; to?: 'projects' | 'brief' }) {
  const { countryName } = useReference();
  return (
    <>
      {codes.map((c) => (
        <Link key={c} to={to === 'brief' ? `/countries/${c}` : `/projects?country=${c}`} className="chip">
          {countryName(c)}
        </Link>
      ))}
    </>
  );
}

export function ThemeChips({ slugs }: { slugs: string[] }) {
  const { themeLabel } = useReference();
  return (
    <>
      {slugs.map((s) => (
        <Link key={s} to={`/projects?theme=${s}`} className="chip chip-theme">
          {themeLabel(s)}
        </Link>
      ))}
    </>
  );
}

/** A value from one of the API's enumerations, translated when the interface knows it. */
export function useEnumLabel() {
  const { t } = useI18n();
  return (group: string, value: string | null | undefined): string => {
    if (!value) return '—';
    const key = `enum.${group}.${value}` as MessageKey;
    const text = t(key);
    return text === key || text === undefined ? value.replace(/_/g, ' ') : text;
  };
}

export function Badge({
  tone,
  children,
}: {
  tone?: 'danger' | 'ok' | 'warn' | 'info';
  children: React.ReactNode;
}) {
  return <span className={`badge ${tone ? `badge-${tone}` : ''}`}>{children}</span>;
}

/** Region names, risk ratings, audit actions and DAC purpose codes in the interface language. */
export function useVocabulary() {
  const { lang } = useI18n();
  return {
    region: (name: string) => vocabularyName(REGION_NAMES, name, lang),
    risk: (value: string | null | undefined) => (value ? vocabularyName(RISK_NAMES, value, lang) : '—'),
    auditAction: (action: string) => vocabularyName(AUDIT_ACTION_NAMES, action, lang),
    dac: (code: string, english: string | null | undefined) =>
      DAC_NAMES[code] && lang !== 'en' ? vocabularyName(DAC_NAMES, code, lang) : (english ?? ''),
  };
}
