// Lessons learned and good practices across projects, grouped by theme, each with its project and
// source; a lesson that recurs shows under every theme it carries.
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { getAll } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { Lesson, Project } from '../api/types.ts';
import { useUrlFilters } from '../api/url-filters';
import { ThemeFilter } from '../components/FilterSelects.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { Badge, useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';

export function LessonsPage() {
  const { t } = useI18n();
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
  const groups = useMemo(() => {
    const byTheme = new Map<string, Lesson[]>();
    for (const l of lessons.data ?? [])
      for (const th of l.themes.length ? l.themes : ['']) byTheme.set(th, [...(byTheme.get(th) ?? []), l]);
    return [...byTheme.entries()]
      .map(([th, list]) => ({
        theme: th,
        list,
        projects: new Set(list.map((l) => l.project_id).filter(Boolean)).size,
      }))
      .sort((a, b) => b.projects - a.projects || b.list.length - a.list.length);
  }, [lessons.data]);

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
      {groups.map((g) => (
        <section key={g.theme || 'none'} className="card">
          <h2>
            {g.theme ? themeLabel(g.theme) : t('lessons.unthemed')}{' '}
            <span className="muted small">{t('lessons.projects', { n: g.projects })}</span>
          </h2>
          <ul className="plain-list">
            {g.list.map((l) => (
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
                      ·{' '}
                      <Link to={`/projects/${l.project_id}`}>{titles.get(l.project_id) ?? l.project_id}</Link>
                    </>
                  )}
                  {l.countries.length > 0 && ` · ${l.countries.map(countryName).join(', ')}`} ·{' '}
                  {l.owner_org.name}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
