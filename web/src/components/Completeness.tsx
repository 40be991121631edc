// A record's completeness: its score, and the elements it misses in the reader's language.
import type { Project } from '../api/types.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.tsx';
import { Badge } from './Tags.tsx';

/** The name of a completeness element (reference/completeness.json) in the interface language. */
export function useElementLabel() {
  const { t } = useI18n();
  return (key: string) => t(`quality.element.${key}` as MessageKey);
}

export function CompletenessSummary({ completeness: c }: { completeness: Project['completeness'] }) {
  const { t } = useI18n();
  const element = useElementLabel();
  return (
    <div className="completeness">
      <p>
        <meter min={0} max={100} low={50} high={75} optimum={100} value={c.score} aria-hidden="true" />{' '}
        <strong>{t('quality.score', { score: c.score })}</strong>{' '}
        {c.incomplete && <Badge tone="warn">{t('quality.incomplete')}</Badge>}
      </p>
      {c.missing.length > 0 && (
        <p className="small">
          {t('quality.missing')}:{' '}
          {c.missing
            .map((m) => `${element(m.key)} (${t(`quality.group.${m.group}` as MessageKey)})`)
            .join(', ')}
        </p>
      )}
      {c.withheld.length > 0 && (
        <p className="small muted">
          {t('quality.withheld')}: {c.withheld.map(element).join(', ')}
        </p>
      )}
    </div>
  );
}
