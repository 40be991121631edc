// The country and theme pickers every filter bar has, named in the interface language.
import { useReference } from '../api/reference.tsx';
import { useI18n } from '../i18n/index.tsx';

interface FilterProps {
  value: string | undefined;
  onChange(value: string): void;
}

export function CountryFilter({ value, onChange }: FilterProps) {
  const { t } = useI18n();
  const { countries } = useReference();
  return (
    <label>
      {t('common.country')}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.any')}</option>
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ThemeFilter({ value, onChange }: FilterProps) {
  const { t } = useI18n();
  const { themes } = useReference();
  return (
    <label>
      {t('common.theme')}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('common.any')}</option>
        {themes.map((th) => (
          <option key={th.slug} value={th.slug}>
            {th.label}
          </option>
        ))}
      </select>
    </label>
  );
}
