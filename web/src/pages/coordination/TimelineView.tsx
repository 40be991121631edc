// The timeline: one chart and one time axis for every project in view, each project once however
// many countries it covers (a regional project is one bar, not one per country), grouped by its
// first country in the reader's alphabetical order; a bar opens its project.
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { get } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import { useReference } from '../../api/reference.tsx';
import { useSession } from '../../api/session.tsx';
import type { TimelineResult } from '../../api/types.ts';
import { EChart } from '../../charts/EChart.tsx';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useCollator } from './scale.tsx';

interface Bar {
  id: string;
  title: string;
  start: number;
  end: number;
  countries: string[];
  period: string;
}

type RenderApi = {
  value(i: number): number;
  coord(v: number[]): number[];
  size(v: number[]): number[];
};

export function TimelineView({ filters }: { filters: Record<string, string> }) {
  const { t, formatDate } = useI18n();
  const { countryName } = useReference();
  const collator = useCollator();
  const session = useSession();
  const navigate = useNavigate();
  const timeline = useLoad(
    () => get<TimelineResult>('/coordination/timeline', filters),
    [JSON.stringify(filters), session.me?.user_id],
  );
  const view = useMemo(() => {
    const now = new Date().toISOString().slice(0, 10);
    const bars = new Map<string, Bar>();
    for (const c of timeline.data?.countries ?? []) {
      for (const p of c.projects) {
        if (!p.start && !p.end) continue;
        const known = bars.get(p.id);
        if (known) {
          known.countries.push(countryName(c.country));
          continue;
        }
        const until = p.ongoing || !p.end ? now : p.end;
        bars.set(p.id, {
          id: p.id,
          title: p.title,
          start: Date.parse(p.start ?? p.end ?? now),
          end: Date.parse(until),
          countries: [countryName(c.country)],
          period: `${formatDate(p.start)} – ${p.ongoing ? t('project.ongoing') : formatDate(p.end)}`,
        });
      }
    }
    for (const b of bars.values()) b.countries.sort(collator.compare);
    const rows = [...bars.values()].sort(
      (a, b) => collator.compare(a.countries[0] ?? '', b.countries[0] ?? '') || a.start - b.start,
    );
    const countries = [...new Set(rows.flatMap((r) => r.countries))].sort(collator.compare);
    return { rows, countries };
  }, [timeline.data, countryName, collator, formatDate, t]);

  const option = useMemo(() => {
    const { rows } = view;
    return {
      tooltip: {
        formatter: (p: { dataIndex: number }) => {
          const r = rows[p.dataIndex];
          return r ? `${r.title}<br>${r.countries.join(', ')}<br>${r.period}` : '';
        },
      },
      grid: { left: 8, right: 24, top: 30, bottom: 8, containLabel: true },
      // One axis for all rows, on top so that it stays in sight above a long list.
      xAxis: { type: 'time' as const, position: 'top' as const },
      yAxis: {
        type: 'category' as const,
        data: rows.map((r) => `${r.title} (${r.countries.join(', ')})`),
        inverse: true,
        axisLabel: { interval: 0, width: 300, overflow: 'truncate' as const },
      },
      series: [
        {
          type: 'custom' as const,
          encode: { x: [1, 2], y: 0 },
          data: rows.map((r, i) => [i, r.start, r.end, r.id]),
          renderItem: (_params: unknown, api: RenderApi) => {
            const start = api.coord([api.value(1), api.value(0)]);
            const end = api.coord([api.value(2), api.value(0)]);
            const h = (api.size([0, 1])[1] ?? 20) * 0.6;
            return {
              type: 'rect',
              shape: {
                x: start[0],
                y: (start[1] ?? 0) - h / 2,
                width: Math.max(2, (end[0] ?? 0) - (start[0] ?? 0)),
                height: h,
              },
              style: { fill: '#2b6cb0' },
            };
          },
        },
      ],
    };
  }, [view]);

  return (
    <section className="card">
      <ErrorMessage error={timeline.error} />
      {timeline.loading && <Loading />}
      {timeline.data && (
        <EChart
          option={option as never}
          height={Math.max(160, view.rows.length * 28 + 70)}
          label={t('coordination.timelineLabel', { country: view.countries.join(', ') })}
          onClick={(p) => {
            const id = (p.data as unknown[] | undefined)?.[3];
            if (typeof id === 'string') navigate(`/projects/${id}`);
          }}
        />
      )}
    </section>
  );
}
