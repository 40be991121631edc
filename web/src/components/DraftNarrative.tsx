// The parts of a draft that are saved as text: themes (shown for checking, each one kept or left
// out), and the recommendations, progress and lessons, each item editable or removable before the
// confirmation saves it. Nothing extracted is saved without having been shown here.
import type { ReactNode } from 'react';
import { useReference } from '../api/reference.tsx';
import { useI18n } from '../i18n/index.tsx';
import type { DraftRecord } from './OrganisationDecision.tsx';

type TextItems = 'recommendations' | 'progress' | 'lessons';

export function DraftNarrative({
  record,
  original,
  set,
  focus,
  source,
}: {
  record: DraftRecord;
  /** The themes as extracted: a theme left out stays listed, unticked, so it can be taken back. */
  original: DraftRecord;
  set: (patch: Partial<DraftRecord>) => void;
  focus: (key: string) => () => void;
  source: (key: string) => ReactNode;
}) {
  const { t } = useI18n();
  const { themeLabel } = useReference();
  const kept = new Set(record.themes ?? []);
  const offered = [...new Set([...(original.themes ?? []), ...(record.themes ?? [])])];
  const sections: [TextItems, string][] = [
    ['recommendations', t('contribute.recommendations')],
    ['progress', t('contribute.progress')],
    ['lessons', t('contribute.lessons')],
  ];
  return (
    <>
      {offered.length > 0 && (
        <fieldset>
          <legend>{t('contribute.themes')}</legend>
          {offered.map((slug) => (
            <label key={slug} className="checkbox">
              <input
                type="checkbox"
                checked={kept.has(slug)}
                onChange={(e) =>
                  set({
                    themes: offered.filter((s) => (s === slug ? e.target.checked : kept.has(s))),
                  })
                }
              />{' '}
              {themeLabel(slug)}
            </label>
          ))}
        </fieldset>
      )}
      {sections.map(([key, legend]) => {
        const items = (record[key] ?? []) as { text: string }[];
        if (!items.length) return null;
        const update = (list: { text: string }[]) => set({ [key]: list } as Partial<DraftRecord>);
        return (
          <fieldset key={key}>
            <legend>{legend}</legend>
            {items.map((item, i) => (
              <div className="field" key={`${key}-${i.toString()}`}>
                <label>
                  {legend} {i + 1}
                  <textarea
                    rows={3}
                    value={item.text}
                    onFocus={focus(`${key}.${i}`)}
                    onChange={(e) =>
                      update(items.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))
                    }
                  />
                </label>
                {source(`${key}.${i}`)}
                <button
                  type="button"
                  className="link-button small"
                  onClick={() => update(items.filter((_, j) => j !== i))}
                >
                  {t('contribute.removeItem')}
                </button>
              </div>
            ))}
          </fieldset>
        );
      })}
    </>
  );
}
