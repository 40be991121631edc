// Recommendations in a list, overdue first, with their response and status.
import { Link } from 'react-router-dom';
import type { Recommendation } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { Badge, useEnumLabel } from './Tags.tsx';

export function sortOverdueFirst(items: Recommendation[]): Recommendation[] {
  const rank = (r: Recommendation) => (r.overdue ? 0 : r.status === 'closed' ? 2 : 1);
  return [...items].sort((a, b) => rank(a) - rank(b) || (a.number ?? 0) - (b.number ?? 0));
}

export function RecommendationList({ items, compact }: { items: Recommendation[]; compact?: boolean }) {
  const { t } = useI18n();
  const label = useEnumLabel();
  if (items.length === 0) return <p className="muted">{t('recommendations.none')}</p>;
  return (
    <ul className="rec-list">
      {sortOverdueFirst(items).map((r) => (
        <li key={r.id} className={r.overdue ? 'overdue' : undefined}>
          <div className="rec-head">
            {r.overdue && <Badge tone="danger">{t('recommendations.overdue')}</Badge>}
            <Badge tone={r.status === 'closed' ? 'ok' : 'info'}>{label('recStatus', r.status)}</Badge>
            {r.management_response && <Badge>{label('response', r.management_response)}</Badge>}
            {r.number !== null && <span className="muted small">#{r.number}</span>}
            {r.category && <span className="muted small">{r.category}</span>}
          </div>
          <p className={compact ? 'clamp-2' : undefined}>{r.text}</p>
          <Link to={`/recommendations?open=${r.id}`} className="small">
            {t('recommendations.openOne')}
          </Link>
        </li>
      ))}
    </ul>
  );
}
