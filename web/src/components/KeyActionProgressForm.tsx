// Dated progress on one key action, recorded by an editor of the organisation responsible for it:
// where the action stands now, what was done, and the evidence (a link or a Tacit document).
import { useState } from 'react';
import { api, getAll } from '../api/client.ts';
import { useLoad, useSubmit } from '../api/hooks.ts';
import type { DocumentSummary, Recommendation } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorMessage, FieldError } from './Status.tsx';
import { useEnumLabel } from './Tags.tsx';

/** Where progress can take a key action (the signed link's page offers the same). */
export const PROGRESS_STATUSES = ['in_progress', 'completed', 'no_longer_applicable'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export function ProgressStatusSelect({
  title,
  value,
  onChange,
}: {
  title: string;
  value: ProgressStatus;
  onChange: (status: ProgressStatus) => void;
}) {
  const label = useEnumLabel();
  return (
    <label>
      {title}
      <select value={value} onChange={(e) => onChange(e.target.value as ProgressStatus)}>
        {PROGRESS_STATUSES.map((s) => (
          <option key={s} value={s}>
            {label('actionStatus', s)}
          </option>
        ))}
      </select>
    </label>
  );
}
const today = () => new Date().toISOString().slice(0, 10);

export function KeyActionProgressForm({
  recommendation,
  index,
  onSaved,
}: {
  recommendation: Recommendation;
  index: number;
  onSaved: (r: Recommendation) => void;
}) {
  const { t } = useI18n();
  const label = useEnumLabel();
  const action = recommendation.key_actions[index]!;
  const [status, setStatus] = useState<ProgressStatus>('in_progress');
  const [comment, setComment] = useState('');
  const [reportedOn, setReportedOn] = useState(today());
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [documentId, setDocumentId] = useState('');
  // Evidence among the documents of the recommendation's project, as far as the user may see them.
  const projectId = recommendation.project_id;
  const documents = useLoad(
    projectId ? () => getAll<DocumentSummary>('/documents', { project_id: projectId }) : null,
    [projectId],
  );

  const { busy, error, submit } = useSubmit(
    () =>
      api<Recommendation>('POST', `/recommendations/${recommendation.id}/key-actions/${index}/progress`, {
        status,
        comment,
        reported_on: reportedOn || undefined,
        evidence_url: evidenceUrl.trim() || undefined,
        evidence_document_id: documentId || undefined,
      }),
    (updated) => {
      setComment('');
      setEvidenceUrl('');
      setDocumentId('');
      onSaved(updated);
    },
  );

  return (
    <form
      className="form progress-form"
      onSubmit={submit}
      aria-label={t('followUp.progressOn', { action: action.text })}
    >
      <p className="small">
        <strong>
          #{index + 1} {action.text}
        </strong>{' '}
        · {label('actionStatus', action.status)}
      </p>
      <div className="form-row">
        <ProgressStatusSelect title={t('followUp.newStatus')} value={status} onChange={setStatus} />
        <label>
          {t('followUp.reportedOn')}
          <input
            type="date"
            value={reportedOn}
            max={today()}
            onChange={(e) => setReportedOn(e.target.value)}
          />
          <FieldError error={error} field="reported_on" />
        </label>
      </div>
      <label>
        {t('followUp.comment')}
        <textarea required rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        <FieldError error={error} field="comment" />
      </label>
      <div className="form-row">
        <label>
          {t('followUp.evidenceUrl')}
          <input type="url" value={evidenceUrl} onChange={(e) => setEvidenceUrl(e.target.value)} />
          <FieldError error={error} field="evidence_url" />
        </label>
        {projectId && (
          <label>
            {t('followUp.evidenceDocument')}
            <select value={documentId} onChange={(e) => setDocumentId(e.target.value)}>
              <option value="">—</option>
              {(documents.data ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.title ?? d.filename}
                </option>
              ))}
            </select>
            <FieldError error={error} field="evidence_document_id" />
          </label>
        )}
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('followUp.recordProgress')}
        </button>
      </div>
    </form>
  );
}

/** The progress forms of a card, drawn only while opened: a closed card repeats none of its actions. */
export function RecordProgress({
  recommendation,
  indexes,
  initiallyOpen,
  onSaved,
}: {
  recommendation: Recommendation;
  indexes: number[];
  initiallyOpen: boolean;
  onSaved: (r: Recommendation) => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('followUp.recordProgress')}</summary>
      {open &&
        indexes.map((i) => (
          <KeyActionProgressForm key={i} recommendation={recommendation} index={i} onSaved={onSaved} />
        ))}
    </details>
  );
}
