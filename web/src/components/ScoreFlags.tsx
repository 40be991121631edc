// The flags the rules of practice raise from a project's reviews (improvement plan, at risk, risk
// rising), each explained in the interface language, as GET /projects/{id}/scores gives them.
import { get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import type { ProjectScores } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { Badge } from './Tags.tsx';

export function ScoreFlags({ projectId }: { projectId: string }) {
  const { t, lang } = useI18n();
  const scores = useLoad(() => get<ProjectScores>(`/projects/${projectId}/scores`), [projectId]);
  const flags = scores.data?.flags ?? [];
  if (!flags.length) return null;
  return (
    <div className="score-flags">
      <h3>{t('scores.flags')}</h3>
      <ul>
        {flags.map((f) => (
          <li key={`${f.review_id}-${f.rule}`}>
            <Badge tone={f.rule === 'improvement_plan' ? 'warn' : 'danger'}>{f.period}</Badge>{' '}
            {f.explanation[lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}
