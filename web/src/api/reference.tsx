// Country and theme names in the interface language, from the reference endpoints.
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { get } from './client.ts';
import type { CountryRef, ThemeRef } from './types.ts';

interface Reference {
  countries: CountryRef[];
  themes: ThemeRef[];
  countryName(code: string | null | undefined): string;
  themeLabel(slug: string): string;
}

const ReferenceContext = createContext<Reference | null>(null);

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [countries, setCountries] = useState<CountryRef[]>([]);
  const [themes, setThemes] = useState<ThemeRef[]>([]);
  useEffect(() => {
    let live = true;
    void Promise.all([
      get<CountryRef[]>('/reference/countries', { lang }),
      get<ThemeRef[]>('/reference/themes', { lang }),
    ]).then(
      ([c, t]) => {
        if (!live) return;
        setCountries([...c].sort((a, b) => a.name.localeCompare(b.name, lang)));
        setThemes(t);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [lang]);
  const value = useMemo<Reference>(() => {
    const countryByCode = new Map(countries.map((c) => [c.code, c.name]));
    const themeBySlug = new Map(themes.map((t) => [t.slug, t.label]));
    return {
      countries,
      themes,
      countryName: (code) => (code ? (countryByCode.get(code) ?? code) : '—'),
      themeLabel: (slug) => themeBySlug.get(slug) ?? slug,
    };
  }, [countries, themes]);
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const ctx = useContext(ReferenceContext);
  if (!ctx) throw new Error('useReference outside ReferenceProvider');
  return ctx;
}
