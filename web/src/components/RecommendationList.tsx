// Recommendations in a list, in the order the server gives (overdue first), each as the one card.
import type { Recommendation } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { RecommendationCard } from './RecommendationCard.tsx';

export function RecommendationList({ items, compact }: { items: Recommendation[]; compact?: boolean }) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="muted">{t('recommendations.none')}</p>;
  return (
    <ul className="rec-list">
      {items.map((r) => (
        <RecommendationCard key={r.id} r={r} compact clamp={compact} />
      ))}
    </ul>
  );
}
