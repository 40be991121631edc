// Country and theme names in the interface language, and the fixed lists forms offer (rating scale,
// criteria, organisation types), from the reference endpoints: the web app copies no server list.
import { createContext, type ReactNode, useContext, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { get } from './client.ts';
import type { CountryRef, ReferenceListsRef, ThemeRef } from './types.ts';

interface Reference {
  countries: CountryRef[];
  themes: ThemeRef[];
  /** The fixed lists; empty until read. */
  lists: ReferenceListsRef;
  countryName(code: string | null | undefined): string;
  themeLabel(slug: string): string;
}

const ReferenceContext = createContext<Reference | null>(null);
const NO_LISTS: ReferenceListsRef = {
  six_point: [],
  six_point_weak: [],
  evaluation_criteria: [],
  organisation_types: [],
};

export function ReferenceProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [countries, setCountries] = useState<CountryRef[]>([]);
  const [themes, setThemes] = useState<ThemeRef[]>([]);
  const [lists, setLists] = useState<ReferenceListsRef>(NO_LISTS);
  useEffect(() => {
    void get<ReferenceListsRef>('/reference/lists').then(setLists, () => undefined);
  }, []);
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
      lists,
      countryName: (code) => (code ? (countryByCode.get(code) ?? code) : '—'),
      themeLabel: (slug) => themeBySlug.get(slug) ?? slug,
    };
  }, [countries, themes, lists]);
  return <ReferenceContext.Provider value={value}>{children}</ReferenceContext.Provider>;
}

export function useReference(): Reference {
  const ctx = useContext(ReferenceContext);
  if (!ctx) throw new Error('useReference outside ReferenceProvider');
  return ctx;
}
