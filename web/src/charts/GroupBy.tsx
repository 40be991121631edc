// What the portfolio charts share around their chart and table: a labelled select of fixed choices
// (how to group, which kind, which scale), and the name of a group in the reader's language.
import { useReference } from '../api/reference.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.tsx';

/** A select of `options`, each named by the message `${messages}.${option}`. */
export function ChoiceSelect<T extends string>({
  label,
  value,
  options,
  messages,
  onChange,
}: {
  label: MessageKey;
  value: T;
  options: readonly T[];
  /** The prefix of the options' message keys, e.g. `followUp.by`. */
  messages: string;
  onChange: (value: T) => void;
}) {
  const { t } = useI18n();
  return (
    <label>
      {t(label)}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${messages}.${o}` as MessageKey)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** How a group of a chart grouped `by` is named: a theme by its label, others by the name the API gives. */
export function useGroupName(by: string) {
  const { t } = useI18n();
  const { themeLabel } = useReference();
  return (g: { key: string | null; label?: string | null }) =>
    g.key === null ? t('followUp.noGroup') : by === 'theme' ? themeLabel(g.key) : (g.label ?? g.key);
}
