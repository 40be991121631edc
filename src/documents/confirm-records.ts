// Confirming a draft's records under its project: reviews, the evaluation, recommendations,
// lessons and the meeting, each through its kind's service.
import { EvaluationCreate } from '../evaluations/evaluations.schema.ts';
import { evaluationsService } from '../evaluations/evaluations.service.ts';
import { LessonCreate } from '../lessons/lessons.schema.ts';
import { lessonsService } from '../lessons/lessons.service.ts';
import { MeetingCreate } from '../meetings/meetings.schema.ts';
import { meetingsService } from '../meetings/meetings.service.ts';
import { projectsRepository } from '../projects/projects.repository.ts';
import type { ProjectListQuery } from '../projects/projects.schema.ts';
import { assertVisibleToWriter } from '../projects/visible-to-writer.ts';
import { RecommendationCreate } from '../recommendations/recommendations.schema.ts';
import { recommendationsService } from '../recommendations/recommendations.service.ts';
import { ReviewCreate, ReviewUpdate } from '../reviews/reviews.schema.ts';
import { reviewsService } from '../reviews/reviews.service.ts';
import type { settleOrganisations } from './confirm-organisations.ts';
import { idOf, type Run } from './confirm-run.ts';
import {
  CURRENT_REVIEW_PATHS,
  currentReview,
  EVALUATION_PATHS,
  earlierReviews,
  evaluationFields,
  MEETING_PATHS,
  meetingFields,
  meetingRole,
  parseAs,
} from './record-mapping.ts';

export async function writeRecommendations(
  run: Run,
  projectId: string | null,
  source: { type: 'review' | 'evaluation'; id: string },
) {
  const recorded = await recommendationsService.repository.listVisible(run.tx, run.viewer, {
    source_id: source.id,
    limit: 500,
  });
  for (const [i, r] of (run.record.recommendations ?? []).entries()) {
    // Confirming a report on a review already recorded adds only the recommendations it lacks.
    if (recorded.some((x) => x.text === r.text)) continue;
    const input = {
      ...run.owned,
      project_id: projectId,
      source_type: source.type,
      source_id: source.id,
      number: r.number,
      text: r.text,
      category: r.category,
      country: r.country,
    };
    const paths = Object.fromEntries(Object.keys(input).map((k) => [k, `recommendations.${i}.${k}`]));
    const created = await recommendationsService.createIn(
      run.tx,
      run.viewer,
      parseAs(RecommendationCreate, input, paths),
    );
    run.result.created.recommendations.push(idOf(created));
  }
}

/** The review of this year (created, or updated if a review of that year exists) and of earlier years not yet recorded. */
export async function writeReviews(run: Run, projectId: string) {
  const { tx, viewer, doc } = run;
  const existing = await reviewsService.repository.listVisible(tx, viewer, {
    project_id: projectId,
    limit: 200,
  });
  const byPeriod = new Map(existing.filter((r) => r.period_label).map((r) => [r.period_label as string, r]));
  const common = { ...run.owned, project_id: projectId, document_id: doc.id };
  for (const earlier of earlierReviews(run.record)) {
    if (byPeriod.has(earlier.period_label as string)) continue;
    const input = parseAs(ReviewCreate, { ...earlier, ...common }, { overall_score: 'score_history' });
    run.result.created.reviews.push(idOf(await reviewsService.createIn(tx, viewer, input)));
  }
  const current = currentReview(run.record);
  const same = current.period_label ? byPeriod.get(current.period_label as string) : undefined;
  let reviewId: string;
  if (same) {
    const input = parseAs(
      ReviewUpdate,
      { ...current, document_id: doc.id, version: same.version },
      CURRENT_REVIEW_PATHS,
    );
    reviewId = idOf(await reviewsService.updateIn(tx, viewer, same.id, input));
    run.result.updated.reviews.push(reviewId);
  } else {
    const input = parseAs(ReviewCreate, { ...current, ...common }, CURRENT_REVIEW_PATHS);
    reviewId = idOf(await reviewsService.createIn(tx, viewer, input));
    run.result.created.reviews.push(reviewId);
  }
  await writeRecommendations(run, projectId, { type: 'review', id: reviewId });
}

export async function writeEvaluation(run: Run, projectId: string) {
  const { tx, viewer, doc, record } = run;
  const title = record.title ?? doc.title ?? doc.filename;
  const input = parseAs(
    EvaluationCreate,
    { ...evaluationFields(record, title), ...run.owned, project_id: projectId, document_id: doc.id },
    EVALUATION_PATHS,
  );
  // The project's evaluation of the same title (the brief in another format) is updated, not repeated.
  const existing = (
    await evaluationsService.repository.listVisible(tx, viewer, { project_id: projectId, limit: 200 })
  ).find((e) => String(e.title).toLowerCase() === title.toLowerCase());
  let evaluationId: string;
  if (existing) {
    const { owner_org_id: _owner, ...changes } = input;
    evaluationId = idOf(
      await evaluationsService.updateIn(tx, viewer, existing.id, { ...changes, version: existing.version }),
    );
    run.result.updated.evaluations.push(evaluationId);
  } else {
    evaluationId = idOf(await evaluationsService.createIn(tx, viewer, input));
    run.result.created.evaluations.push(evaluationId);
  }
  await writeRecommendations(run, projectId, { type: 'evaluation', id: evaluationId });
  const learned = await lessonsService.repository.listVisible(tx, viewer, {
    source_id: evaluationId,
    limit: 500,
  });
  for (const [i, lesson] of (record.lessons ?? []).entries()) {
    if (learned.some((x) => x.text === lesson.text)) continue;
    const lessonInput = parseAs(
      LessonCreate,
      {
        ...run.owned,
        project_id: projectId,
        type: lesson.type,
        text: lesson.text,
        themes: record.themes,
        countries: record.countries,
        source_type: 'evaluation',
        source_id: evaluationId,
      },
      { text: `lessons.${i}.text`, type: `lessons.${i}.type` },
    );
    run.result.created.lessons.push(idOf(await lessonsService.createIn(tx, viewer, lessonInput)));
  }
}

/** A visible project whose code or title is exactly the name a meeting report mentions. */
export async function findMentionedProject(run: Run, name: string): Promise<string | undefined> {
  const query = { q: name, limit: 10 } as ProjectListQuery;
  const rows = await projectsRepository.listVisible(run.tx, run.viewer, query);
  const wanted = name.trim().toLowerCase();
  const hits = rows.filter((p) => p.code?.toLowerCase() === wanted || p.title.toLowerCase() === wanted);
  return hits.length === 1 ? hits[0]!.id : undefined;
}

export async function writeMeeting(
  run: Run,
  projectId: string | null,
  orgs: Awaited<ReturnType<typeof settleOrganisations>>,
) {
  const { tx, viewer, doc, record } = run;
  const mentioned = [];
  for (const p of record.projects_mentioned ?? []) {
    mentioned.push({
      name: p.name,
      project_id: (await findMentionedProject(run, p.name)) ?? null,
      period: p.period ? { start: p.period.start, end: p.period.end } : undefined,
    });
  }
  const linked = projectId ?? mentioned.find((m) => m.project_id)?.project_id ?? null;
  const input = parseAs(
    MeetingCreate,
    {
      ...meetingFields(record, record.title ?? doc.title ?? doc.filename),
      ...run.owned,
      project_id: linked,
      document_id: doc.id,
      // Organisations not in the registry stay in the meeting by name; none is created unasked.
      organisations: [
        ...orgs.settled.map((o) => ({ org_id: o.org_id, role: meetingRole(o.role) })),
        ...orgs.unnamed.map((o) => ({ name: o.name, role: meetingRole(o.role) })),
      ],
      projects_mentioned: mentioned,
    },
    MEETING_PATHS,
  );
  run.result.created.meetings.push(idOf(await meetingsService.createIn(tx, viewer, input)));
  return linked;
}

export async function assertProjectVisible(run: Run, projectId: string | null) {
  await assertVisibleToWriter(run.tx, run.viewer, projectId);
}

/**
 * What the records a confirmation creates may be seen by: the visibility asked for, else the owner
 * organisation's default for records, never wider than the document they were read from.
 */
