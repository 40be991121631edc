// The two ratings of how far a recommendation is implemented, side by side: the responsible
// organisation's own and the owner's validation, a disagreement marked in words, not hidden. With
// `onRated`, each side can be rated by the organisation whose it is, and only by it.
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useSubmit } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { Recommendation } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorMessage } from './Status.tsx';
import { useEnumLabel } from './Tags.tsx';

const RATINGS = ['complete', 'high', 'substantial', 'moderate', 'negligible', 'not_rated'] as const;
type Kind = 'self' | 'validation';

/** The organisations whose editors give the self-rating: those of the key actions, else the owner. */
export const selfRaters = (r: Recommendation) =>
  r.responsible_org_ids.length ? [...new Set(r.responsible_org_ids)] : [r.owner_org.id];

function RatingForm({
  r,
  kind,
  onRated,
}: {
  r: Recommendation;
  kind: Kind;
  onRated: (r: Recommendation) => void;
}) {
  const { t } = useI18n();
  const label = useEnumLabel();
  const current = kind === 'self' ? r.self_rating : r.validation_rating;
  const [rating, setRating] = useState<string>(current?.rating ?? 'not_rated');
  const [comment, setComment] = useState('');

  const { busy, error, submit } = useSubmit(
    () =>
      api<Recommendation>('POST', `/recommendations/${r.id}/ratings`, {
        kind,
        rating,
        comment: comment.trim() || undefined,
      }),
    (updated) => {
      setComment('');
      onRated(updated);
    },
  );

  return (
    <form className="form rating-form" onSubmit={submit}>
      <label>
        {t('followUp.rating')}
        <select value={rating} onChange={(e) => setRating(e.target.value)}>
          {RATINGS.map((v) => (
            <option key={v} value={v}>
              {label('implementation', v)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('followUp.ratingComment')}
        <input value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <ErrorMessage error={error} />
      <button type="submit" disabled={busy}>
        {busy ? t('common.saving') : t('followUp.rate')}
      </button>
    </form>
  );
}

export function ImplementationRatings({
  r,
  onRated,
}: {
  r: Recommendation;
  onRated?: (r: Recommendation) => void;
}) {
  const { t, formatDate } = useI18n();
  const session = useSession();
  const label = useEnumLabel();
  const sides: { kind: Kind; title: string; editable: boolean }[] = [
    {
      kind: 'self',
      title: t('recommendations.selfRating'),
      editable: selfRaters(r).some((org) => session.canEdit(org)),
    },
    {
      kind: 'validation',
      title: t('recommendations.validationRating'),
      editable: session.canEdit(r.owner_org.id),
    },
  ];
  return (
    <section
      className={`ratings-side small${r.ratings_disagree ? ' disagree' : ''}`}
      aria-label={t('recommendations.ratings')}
    >
      {r.ratings_disagree && (
        <p className="warn" role="note">
          {t('followUp.disagree', {
            self: label('implementation', r.self_rating?.rating),
            validation: label('implementation', r.validation_rating?.rating),
          })}
        </p>
      )}
      <div className="grid-2">
        {sides.map(({ kind, title, editable }) => {
          const rating = kind === 'self' ? r.self_rating : r.validation_rating;
          return (
            <div key={kind} className="rating-side" data-kind={kind}>
              <h4>{title}</h4>
              <p>
                <strong>{rating ? label('implementation', rating.rating) : t('followUp.notYetRated')}</strong>
              </p>
              {rating && (
                <p className="muted">
                  {rating.org.name} · {formatDate(rating.rated_at)}
                  {rating.comment && ` · ${rating.comment}`}
                </p>
              )}
              {onRated && editable && <RatingForm r={r} kind={kind} onRated={onRated} />}
            </div>
          );
        })}
      </div>
    </section>
  );
}
