// Interface language (English, Spanish, French): the chosen language is remembered in localStorage,
// and dates, numbers and money are formatted with Intl for it. The data's own language is shown as is.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';
import { formatMessage } from './format.ts';
import { fr } from './fr.ts';
import { readerLocale } from './locale.ts';

export type Lang = 'en' | 'es' | 'fr';
export const LANGS: { code: Lang; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'es', label: 'Español' },
  { code: 'fr', label: 'Français' },
];
const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, es, fr };
const STORAGE_KEY = 'tacit.lang';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  formatDate(iso: string | null | undefined): string;
  formatDateTime(iso: string | null | undefined): string;
  formatNumber(n: number): string;
  formatMoney(amount: number, currency: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'es' || stored === 'fr') return stored;
  const nav = navigator.language.slice(0, 2);
  return nav === 'es' || nav === 'fr' ? nav : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const messages = CATALOGUES[lang];
    const locale = readerLocale(lang);
    const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTimeFmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const numberFmt = new Intl.NumberFormat(locale);
    const parse = (iso: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00` : iso);
    return {
      lang,
      setLang,
      t: (key, params) => formatMessage(messages[key] ?? key, params, lang, (n) => numberFmt.format(n)),
      formatDate: (iso) => {
        if (!iso) return '—';
        if (/^\d{4}$/.test(iso)) return iso;
        if (/^\d{4}-\d{2}$/.test(iso))
          return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short' }).format(
            parse(`${iso}-01`),
          );
        const d = parse(iso);
        return Number.isNaN(d.getTime()) ? iso : dateFmt.format(d);
      },
      formatDateTime: (iso) => (iso ? dateTimeFmt.format(new Date(iso)) : '—'),
      formatNumber: (n) => numberFmt.format(n),
      formatMoney: (amount, currency) => {
        try {
          return new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            maximumFractionDigits: 0,
          }).format(amount);
        } catch {
          return `${numberFmt.format(amount)} ${currency}`;
        }
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
