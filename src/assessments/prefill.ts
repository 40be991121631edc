// Pre-fills what Tacit already knows about a project, and says so: each suggestion carries its
// source and evidence, and is worked out for the person asking, from what they may see, so a
// suggestion never reveals a record hidden from them.
import type { Viewer } from '../access/viewer.ts';
import { OverlapRequest } from '../coordination/coordination.schema.ts';
import { overlapsService } from '../coordination/overlaps.service.ts';
import type { Queryable } from '../db/client.ts';
import type { InstrumentDefinition } from '../instruments/definition.schema.ts';
import { valueAtFraction } from '../instruments/scales.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import { projectsRepository } from '../projects/projects.repository.ts';
import { assessmentsRepository as repo } from './assessments.repository.ts';
import type { Prefill } from './assessments.schema.ts';

type Source = Prefill['items'][number]['source'];
type Message = Prefill['items'][number]['message'];
interface Finding {
  /** 1 fully, 0.5 partly, 0 not at all. */
  fraction: number;
  text: string;
  /** The same finding as a message key and its values, for the web app to say in its language. */
  message: Message;
  links: { record: string; id: string }[];
}

const today = () => new Date().toISOString().slice(0, 10);

async function fromOverlaps(db: Queryable, viewer: Viewer, project: ProjectRow): Promise<Finding> {
  const { items } = await overlapsService.findOverlaps(
    db,
    viewer,
    OverlapRequest.parse({ project_id: project.id, limit: 10 }),
  );
  const others = items.filter((o) => o.project.owner_org.id !== project.owner_org_id);
  if (!others.length)
    return {
      fraction: 1,
      text: 'Tacit finds no project by another organisation working in the same countries, themes or institutions.',
      message: { key: 'overlaps_none', params: {} },
      links: [],
    };
  const names = others.slice(0, 5).map((o) => `${o.project.title} (${o.project.owner_org.name})`);
  return {
    fraction: 0.5,
    text: `Tacit finds ${others.length} project${others.length === 1 ? '' : 's'} by other organisations in the same area: ${names.join('; ')}. Check that the project knows of them and works with them.`,
    message: { key: 'overlaps_found', params: { n: others.length, names: names.join('; ') } },
    links: others.slice(0, 5).map((o) => ({ record: 'project', id: o.project.id })),
  };
}

async function fromMonitoring(db: Queryable, viewer: Viewer, project: ProjectRow): Promise<Finding> {
  const m = await repo.monitoringOf(db, viewer, project.id);
  const indicators = project.indicators.length;
  const present = [m.reviews > 0, indicators > 0, m.evaluations > 0].filter(Boolean).length;
  return {
    fraction: present === 3 ? 1 : present === 0 ? 0 : 0.5,
    text: `Tacit holds ${m.reviews} review${m.reviews === 1 ? '' : 's'}, ${indicators} indicator${indicators === 1 ? '' : 's'} and ${m.evaluations} evaluation${m.evaluations === 1 ? '' : 's'} for this project.`,
    message: {
      key: 'monitoring',
      params: { reviews: m.reviews, indicators, evaluations: m.evaluations },
    },
    links: [],
  };
}

async function fromCivilSociety(db: Queryable, project: ProjectRow): Promise<Finding> {
  const ngos = await repo.civilSocietyPartnersOf(
    db,
    project.participants.map((p) => p.org_id),
  );
  if (!ngos.length)
    return {
      fraction: 0,
      text: 'No civil-society organisation is recorded among the project’s participants.',
      message: { key: 'civil_society_none', params: {} },
      links: [],
    };
  return {
    fraction: 1,
    text: `Civil-society organisations among the project’s participants: ${ngos.map((n) => n.name).join(', ')}.`,
    message: { key: 'civil_society_found', params: { names: ngos.map((n) => n.name).join(', ') } },
    links: [],
  };
}

async function fromTimetable(db: Queryable, viewer: Viewer, project: ProjectRow): Promise<Finding | null> {
  if (!project.start_date || (!project.end_date && !project.ongoing)) return null;
  const { low_scores } = await repo.monitoringOf(db, viewer, project.id);
  const period = `${project.start_date} to ${project.ongoing ? 'ongoing' : project.end_date}`;
  // For the message: the web app writes the dates and "ongoing" (end '') in its language.
  const dates = { start: project.start_date, end: project.ongoing ? '' : (project.end_date ?? '') };
  const overran =
    project.end_date && project.end_date < today() && ['active', 'pipeline'].includes(project.status);
  if (overran)
    return {
      fraction: 0,
      text: `The project ran ${period} but is still recorded as ${project.status}: it has overrun its dates.`,
      message: { key: 'timetable_overran', params: { ...dates, status: project.status } },
      links: [],
    };
  if (low_scores.length)
    return {
      fraction: 0.5,
      text: `The project runs ${period}; its reviews scored ${low_scores.join(', ')}, below expectations.`,
      message: { key: 'timetable_low_scores', params: { ...dates, scores: low_scores.join(', ') } },
      links: [],
    };
  return {
    fraction: 1,
    text: `The project runs ${period}, and no review scored it below expectations.`,
    message: { key: 'timetable_on_track', params: dates },
    links: [],
  };
}

export async function prefillFor(
  db: Queryable,
  viewer: Viewer,
  def: InstrumentDefinition,
  projectId: string | null,
): Promise<Prefill> {
  if (!projectId) return { items: [] };
  const project = await projectsRepository.findVisible(db, viewer, projectId);
  if (!project) return { items: [] };
  const findings = new Map<Source, Finding | null>();
  const find = async (source: Source) => {
    if (!findings.has(source)) {
      const f =
        source === 'overlaps'
          ? await fromOverlaps(db, viewer, project)
          : source === 'monitoring'
            ? await fromMonitoring(db, viewer, project)
            : source === 'civil_society'
              ? await fromCivilSociety(db, project)
              : await fromTimetable(db, viewer, project);
      findings.set(source, f);
    }
    return findings.get(source)!;
  };
  const items: Prefill['items'] = [];
  for (const q of def.areas.flatMap((a) => a.questions)) {
    if (!q.prefill) continue;
    const finding = await find(q.prefill);
    const value = finding && valueAtFraction(q.scale, finding.fraction);
    if (finding && value)
      items.push({
        question_id: q.id,
        value,
        source: q.prefill,
        message: finding.message,
        evidence: { text: finding.text, links: finding.links },
      });
  }
  return { items };
}
