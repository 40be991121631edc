// An evaluation's findings per criterion (the six DAC criteria plus partnerships, human rights and
// gender, design), each with its optional rating on the six-point scale; the owner's editors edit
// them in place, and the server's complaint about a field shows next to it.
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useSubmit } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { Evaluation } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { AddRowButton, RemoveRowButton, useEditableRows } from './EditableRows.tsx';
import { FieldError, SaveFooter } from './Status.tsx';
import { Badge, useEnumLabel } from './Tags.tsx';

interface Draft {
  criterion: string;
  text: string;
  rating: string;
}
const toDraft = (f: Evaluation['findings'][number]): Draft => ({
  criterion: f.criterion,
  text: f.text,
  rating: f.rating ?? '',
});

function FindingsEditor({ evaluation, onSaved }: { evaluation: Evaluation; onSaved: () => void }) {
  const { t } = useI18n();
  const label = useEnumLabel();
  const { lists } = useReference();
  const drafts = useEditableRows(evaluation.findings.map(toDraft), () => ({
    criterion: 'relevance',
    text: '',
    rating: '',
  }));
  const update = drafts.update;
  const [saved, setSaved] = useState(false);

  const { busy, error, submit } = useSubmit(
    () =>
      api('PATCH', `/evaluations/${evaluation.id}`, {
        version: evaluation.version,
        findings: drafts.rows.map((d) => ({
          criterion: d.criterion,
          text: d.text,
          rating: d.rating || null,
        })),
      }),
    () => {
      setSaved(true);
      onSaved();
    },
  );

  return (
    <form className="form" onSubmit={submit} aria-label={t('evaluation.editFindings')}>
      {drafts.rows.map((d, i) => (
        <fieldset key={d.key} className="finding">
          <legend>{t('evaluation.finding', { n: i + 1 })}</legend>
          <div className="form-row">
            <label>
              {t('criteria.criterion')}
              <select value={d.criterion} onChange={(e) => update(d.key, { criterion: e.target.value })}>
                {lists.evaluation_criteria.map((c) => (
                  <option key={c} value={c}>
                    {label('criterion', c)}
                  </option>
                ))}
              </select>
              <FieldError error={error} field={`findings.${i}.criterion`} />
            </label>
            <label>
              {t('evaluation.rating')}
              <select value={d.rating} onChange={(e) => update(d.key, { rating: e.target.value })}>
                <option value="">{t('evaluation.notRated')}</option>
                {lists.six_point.map((r) => (
                  <option key={r} value={r}>
                    {label('sixPoint', r)}
                  </option>
                ))}
              </select>
              <FieldError error={error} field={`findings.${i}.rating`} />
            </label>
          </div>
          <label>
            {t('evaluation.findingText')}
            <textarea
              rows={3}
              required
              value={d.text}
              onChange={(e) => update(d.key, { text: e.target.value })}
            />
            <FieldError error={error} field={`findings.${i}.text`} />
          </label>
          <RemoveRowButton onClick={() => drafts.remove(d.key)} />
        </fieldset>
      ))}
      <AddRowButton onClick={drafts.add}>{t('evaluation.addFinding')}</AddRowButton>
      <SaveFooter busy={busy} error={error} saved={saved} />
    </form>
  );
}

export function EvaluationFindings({ evaluation, onSaved }: { evaluation: Evaluation; onSaved: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const label = useEnumLabel();
  const { lists } = useReference();
  return (
    <>
      {evaluation.findings.map((f) => (
        <p key={`${f.criterion}-${f.text.slice(0, 30)}`} className="prose small">
          <strong>{label('criterion', f.criterion)}:</strong> {f.text}{' '}
          {f.rating && (
            <Badge tone={lists.six_point_weak.includes(f.rating) ? 'warn' : 'ok'}>
              {label('sixPoint', f.rating)}
            </Badge>
          )}
        </p>
      ))}
      {session.canEdit(evaluation.owner_org.id) && (
        <details>
          <summary>{t('evaluation.editFindings')}</summary>
          <FindingsEditor key={evaluation.version} evaluation={evaluation} onSaved={onSaved} />
        </details>
      )}
    </>
  );
}
