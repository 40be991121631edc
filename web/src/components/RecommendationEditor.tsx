// The responsible organisation answers a recommendation: management response, key actions with
// owners and due dates, status and a note for the history. Errors come back next to their fields.
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useSubmit } from '../api/hooks.ts';
import type {
  KeyAction,
  KeyActionStatus,
  ManagementResponse,
  Recommendation,
  RecommendationStatus,
} from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { AddRowButton, RemoveRowButton, useEditableRows } from './EditableRows.tsx';
import { FieldError, SaveFooter } from './Status.tsx';
import { useEnumLabel } from './Tags.tsx';

const RESPONSES: ManagementResponse[] = ['accepted', 'partially_accepted', 'rejected'];
const STATUSES: RecommendationStatus[] = ['open', 'in_progress', 'closed'];
const ACTION_STATUSES: KeyActionStatus[] = [
  'not_started',
  'in_progress',
  'completed',
  'no_longer_applicable',
];

interface ActionDraft {
  text: string;
  owner: string;
  due_on: string;
  status: KeyActionStatus;
}

const toDraft = (a: KeyAction): ActionDraft => ({
  text: a.text,
  owner: a.owner ?? '',
  due_on: a.due_on ?? '',
  // The schema types a stored status as a string; it was validated against ACTION_STATUSES on the way in.
  status: ACTION_STATUSES.find((s) => s === a.status) ?? 'not_started',
});
const blankAction = (): ActionDraft => ({ text: '', owner: '', due_on: '', status: 'not_started' });

export function RecommendationEditor({
  recommendation,
  onSaved,
}: {
  recommendation: Recommendation;
  onSaved: (r: Recommendation) => void;
}) {
  const { t } = useI18n();
  const label = useEnumLabel();
  const [response, setResponse] = useState(recommendation.management_response ?? '');
  const [responseText, setResponseText] = useState(recommendation.response_text ?? '');
  const [status, setStatus] = useState<RecommendationStatus>(recommendation.status);
  const actions = useEditableRows(recommendation.key_actions.map(toDraft), blankAction);
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const id = recommendation.id;
  const updateAction = actions.update;

  const { busy, error, submit } = useSubmit(
    () => {
      setSaved(false);
      return api<Recommendation>('PATCH', `/recommendations/${id}`, {
        version: recommendation.version,
        management_response: response || undefined,
        response_text: responseText || undefined,
        status,
        status_note: note || undefined,
        key_actions: actions.rows.map((a) => ({
          text: a.text,
          owner: a.owner || undefined,
          due_on: a.due_on || undefined,
          status: a.status,
        })),
      });
    },
    (updated) => {
      setSaved(true);
      setNote('');
      onSaved(updated);
    },
  );

  return (
    <form className="form" onSubmit={submit} aria-label={t('recommendations.answer')}>
      <div className="form-row">
        <label>
          {t('recommendations.response')}
          <select value={response} onChange={(e) => setResponse(e.target.value)}>
            <option value="">—</option>
            {RESPONSES.map((r) => (
              <option key={r} value={r}>
                {label('response', r)}
              </option>
            ))}
          </select>
          <FieldError error={error} field="management_response" />
        </label>
        <label>
          {t('common.status')}
          <select value={status} onChange={(e) => setStatus(e.target.value as RecommendationStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {label('recStatus', s)}
              </option>
            ))}
          </select>
          <FieldError error={error} field="status" />
        </label>
      </div>
      <label>
        {t('recommendations.responseText')}
        <textarea rows={3} value={responseText} onChange={(e) => setResponseText(e.target.value)} />
        <FieldError error={error} field="response_text" />
      </label>
      <fieldset>
        <legend>{t('recommendations.keyActions')}</legend>
        {actions.rows.map((a, i) => (
          <div key={a.key} className="form-row key-action">
            <label>
              {t('recommendations.action')}
              <input
                value={a.text}
                required
                onChange={(e) => updateAction(a.key, { text: e.target.value })}
              />
              <FieldError error={error} field={`key_actions.${i}.text`} />
            </label>
            <label>
              {t('recommendations.actionOwner')}
              <input value={a.owner} onChange={(e) => updateAction(a.key, { owner: e.target.value })} />
              <FieldError error={error} field={`key_actions.${i}.owner`} />
            </label>
            <label>
              {t('recommendations.actionDue')}
              <input
                type="date"
                value={a.due_on}
                onChange={(e) => updateAction(a.key, { due_on: e.target.value })}
              />
              <FieldError error={error} field={`key_actions.${i}.due_on`} />
            </label>
            <label>
              {t('recommendations.actionStatus')}
              <select
                value={a.status}
                onChange={(e) => updateAction(a.key, { status: e.target.value as KeyActionStatus })}
              >
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {label('actionStatus', s)}
                  </option>
                ))}
              </select>
            </label>
            <RemoveRowButton onClick={() => actions.remove(a.key)} />
          </div>
        ))}
        <AddRowButton onClick={actions.add}>{t('recommendations.addAction')}</AddRowButton>
      </fieldset>
      <label>
        {t('recommendations.statusNote')}
        <input value={note} onChange={(e) => setNote(e.target.value)} />
        <FieldError error={error} field="status_note" />
      </label>
      <SaveFooter busy={busy} error={error} saved={saved} />
    </form>
  );
}
