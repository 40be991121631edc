// Lessons learned and good practices: first the lessons that recur across projects, grouped by the
// server with what ties each group and its sources; then every lesson once, with its project.
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { get, getAll } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { Lesson, Project, RecurringGroups } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters';
import { ThemeFilter } from '../components/FilterSelects.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { Badge, useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';

export function LessonsPage() {
  const { t, lang } = useI18n();
  const { themeLabel, countryName } = useReference();
  const session = useSession();
  const label = useEnumLabel();
  const [params, set] = useUrlFilters();
  const type = params.get('type') ?? '';
  const theme = params.get('theme') ?? '';
  const lessons = useLoad(
    () => getAll<Lesson>('/lessons', { type, theme }),
    [type, theme, session.me?.user_id],
  );
  const projects = useLoad(() => getAll<Project>('/projects'), [session.me?.user_id]);
  const titles = useMemo(() => new Map((projects.data ?? []).map((p) => [p.id, p.title])), [projects.data]);
  const recurring = useLoad(
    () => get<RecurringGroups>('/lessons/recurring', { type, theme }),
    [type, theme, session.me?.user_id],
  );
  return (
    <div className="page">
      <h1>{t('lessons.title')}</h1>
      <p className="lead">{t('lessons.lead')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('common.filters')}>
        <label>
          {t('lessons.type')}
          <select value={type} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('common.any')}</option>
            <option value="lesson">{label('lessonType', 'lesson')}</option>
            <option value="good_practice">{label('lessonType', 'good_practice')}</option>
          </select>
        </label>
        <ThemeFilter value={theme} onChange={(v) => set('theme', v)} />
      </form>
      <ErrorMessage error={lessons.error} />
      {lessons.loading && <Loading />}
      {lessons.data?.length === 0 && <p className="muted">{t('common.none')}</p>}
      <section className="card recurring" aria-labelledby="recurring-title">
        <h2 id="recurring-title">{t('lessons.recurring')}</h2>
        <p className="muted small">{t('lessons.recurringLead')}</p>
        <ErrorMessage error={recurring.error} />
        {recurring.data?.groups.length === 0 && <p className="muted">{t('lessons.noRecurring')}</p>}
        {recurring.data?.groups.map((g) => (
          <article key={g.sources[0]!.id} className="recurring-group">
            <h3 className="h3">
              {g.label[lang]} <span className="muted small">{t('lessons.projects', { n: g.projects })}</span>
            </h3>
            <p className="small">
              {t('lessons.tiedBy')}:{' '}
              {[
                ...g.ties.concepts.map((c) => c.label[lang]),
                ...g.ties.themes.map((th) => themeLabel(th.key)),
                ...g.ties.words.map((w) => `“${w.word}”`),
              ].join(' · ')}
            </p>
            <ul className="plain-list">
              {g.sources.map((src) => (
                <li key={src.id}>
                  {src.text}
                  <div className="muted small">
                    {t('lessons.source')}: {label('source', src.source_type)}
                    {src.project && (
                      <>
                        {' '}
                        · <Link to={`/projects/${src.project.id}`}>{src.project.title}</Link>
                      </>
                    )}{' '}
                    · {src.owner_org.name}
                  </div>
                </li>
              ))}
            </ul>
          </article>
        ))}
      </section>
      <section className="card">
        <h2>{t('lessons.all')}</h2>
        <ul className="plain-list">
          {(lessons.data ?? []).map((l) => (
            <li key={l.id}>
              <Badge tone={l.type === 'good_practice' ? 'ok' : undefined}>
                {label('lessonType', l.type)}
              </Badge>{' '}
              {l.text}
              <div className="muted small">
                {t('lessons.source')}: {label('source', l.source_type)}
                {l.project_id && (
                  <>
                    {' '}
                    · <Link to={`/projects/${l.project_id}`}>{titles.get(l.project_id) ?? l.project_id}</Link>
                  </>
                )}
                {l.themes.length > 0 && ` · ${l.themes.map(themeLabel).join(', ')}`}
                {l.countries.length > 0 && ` · ${l.countries.map(countryName).join(', ')}`} ·{' '}
                {l.owner_org.name}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
