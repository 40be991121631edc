// The draft's outcome with its score, output scores and score history (score and risk per year),
// each value editable and linked to its source.
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import type { DraftRecord } from './OrganisationDecision.tsx';

export function DraftScores({
  record,
  set,
  focus,
  source,
}: {
  record: DraftRecord;
  set: (patch: Partial<DraftRecord>) => void;
  focus: (key: string) => () => void;
  source: (key: string) => ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      {record.outcome && (
        <div className="form-row">
          <div className="field">
            <label>
              {t('project.outcome')}
              <textarea
                rows={3}
                value={record.outcome.statement ?? ''}
                onFocus={focus('outcome')}
                onChange={(e) => set({ outcome: { ...record.outcome, statement: e.target.value } })}
              />
            </label>
            {source('outcome')}
          </div>
          <label className="score-input">
            {t('project.outcomeScore')}
            <input
              value={record.outcome.score ?? ''}
              onFocus={focus('outcome.score')}
              onChange={(e) => set({ outcome: { ...record.outcome, score: e.target.value || undefined } })}
            />
          </label>
        </div>
      )}
      {(record.outputs ?? []).length > 0 && (
        <fieldset>
          <legend>{t('contribute.outputs')}</legend>
          {(record.outputs ?? []).map((o, i) => (
            <div className="form-row" key={`out-${o.number ?? i}`}>
              <div className="field">
                <label>
                  {o.number}. {t('contribute.fieldTitle')}
                  <input
                    value={o.title}
                    onFocus={focus(`outputs.${i}`)}
                    onChange={(e) => {
                      const outputs = [...(record.outputs ?? [])];
                      outputs[i] = { ...o, title: e.target.value };
                      set({ outputs });
                    }}
                  />
                </label>
                {source(`outputs.${i}`)}
              </div>
              <label className="score-input">
                {t('contribute.score')}
                <input
                  value={o.score ?? ''}
                  onFocus={focus(`outputs.${i}.score`)}
                  onChange={(e) => {
                    const outputs = [...(record.outputs ?? [])];
                    outputs[i] = { ...o, score: e.target.value || undefined };
                    set({ outputs });
                  }}
                />
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {(record.score_history ?? []).length > 0 && (
        <fieldset>
          <legend>
            {t('project.scoreHistory')} {source('score_history')}
          </legend>
          {(record.score_history ?? []).map((h, i) => (
            <div className="form-row" key={`sh-${h.period}`}>
              <label>
                {t('project.period')}
                <input value={h.period} readOnly onFocus={focus('score_history')} />
              </label>
              <label className="score-input">
                {t('contribute.score')}
                <input
                  value={h.score ?? ''}
                  onFocus={focus('score_history')}
                  onChange={(e) => {
                    const score_history = [...(record.score_history ?? [])];
                    score_history[i] = { ...h, score: e.target.value || undefined };
                    set({ score_history });
                  }}
                />
              </label>
              <label className="score-input">
                {t('contribute.yearRisk')}
                <input
                  value={h.risk ?? ''}
                  onFocus={focus('score_history')}
                  onChange={(e) => {
                    const score_history = [...(record.score_history ?? [])];
                    score_history[i] = { ...h, risk: e.target.value || undefined };
                    set({ score_history });
                  }}
                />
              </label>
            </div>
          ))}
        </fieldset>
      )}
    </>
  );
}
