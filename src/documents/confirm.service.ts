// Confirming a document's draft: the values a person accepted (or corrected) become registry
// records in ONE transaction — accepted organisations, the project, then by kind the review(s),
// evaluation, recommendations, lessons or meeting — and the document is marked confirmed. Any
// refusal on the way rolls everything back. A confirmed document answers 409 to a second
// confirmation: later changes go to the records themselves.
import { assertRoleIn } from '../access/permissions.ts';
import { narrowestVisibility, type Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database, Queryable } from '../db/client.ts';
import { EvaluationCreate } from '../evaluations/evaluations.schema.ts';
import { evaluationsService } from '../evaluations/evaluations.service.ts';
import type { ExtractedOrganisation, ExtractionRecord } from '../ingest/extraction-record.ts';
import { LessonCreate } from '../lessons/lessons.schema.ts';
import { lessonsService } from '../lessons/lessons.service.ts';
import { MeetingCreate } from '../meetings/meetings.schema.ts';
import { meetingsService } from '../meetings/meetings.service.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { OrganisationCreate } from '../organisations/organisations.schema.ts';
import { organisationsService } from '../organisations/organisations.service.ts';
import { projectsRepository } from '../projects/projects.repository.ts';
import { ProjectCreate, type ProjectListQuery, ProjectUpdate } from '../projects/projects.schema.ts';
import { projectsService } from '../projects/projects.service.ts';
import { assertVisibleToWriter } from '../projects/visible-to-writer.ts';
import { RecommendationCreate } from '../recommendations/recommendations.schema.ts';
import { recommendationsService } from '../recommendations/recommendations.service.ts';
import { ReviewCreate, ReviewUpdate } from '../reviews/reviews.schema.ts';
import { reviewsService } from '../reviews/reviews.service.ts';
import { errors } from '../server/errors.ts';
import type { Confirmation, ConfirmBody, OrganisationDecision } from './confirm.schema.ts';
import { documentsRepository, type ExtractionRow } from './documents.repository.ts';
import {
  CURRENT_REVIEW_PATHS,
  currentReview,
  EVALUATION_PATHS,
  earlierReviews,
  evaluationFields,
  MEETING_PATHS,
  meetingFields,
  meetingRole,
  PROJECT_PATHS,
  parseAs,
  participantRole,
  projectFields,
} from './record-mapping.ts';

type Role = ExtractedOrganisation['role'];
type Settled = { org_id: string; name: string; role: Role };

/** What one confirmation is doing: its transaction, who asks, the document and the tally. */
interface Run {
  tx: Queryable;
  viewer: Viewer;
  doc: ExtractionRow;
  record: ExtractionRecord;
  /** Fields every record created here shares. */
  owned: { owner_org_id: string; visibility: string };
  result: Confirmation;
}

const idOf = (response: unknown) => (response as { id: string }).id;

const sameOrganisation = (o: { name: string; acronym?: string }, d: OrganisationDecision) =>
  o.name.toLowerCase() === d.name.toLowerCase() ||
  (!!o.acronym && o.acronym.toLowerCase() === (d.acronym ?? d.name).toLowerCase());

/**
 * The record's organisations as registry ids: a decision if there is one, else the draft's match
 * (or one registered since). Proposed organisations nobody accepted are left out, never created.
 */
async function settleOrganisations(run: Run, decisions: OrganisationDecision[]) {
  const { tx, viewer } = run;
  const orgs = run.record.organisations ?? [];
  decisions.forEach((d, i) => {
    if (!orgs.some((o) => sameOrganisation(o, d)))
      throw errors.invalidField(`organisations.${i}.name`, `"${d.name}" is not among record.organisations`);
  });
  const settled: Settled[] = [];
  const unnamed: { name: string; role: Role }[] = [];
  for (const org of orgs) {
    const j = decisions.findIndex((d) => sameOrganisation(org, d));
    const decision = decisions[j];
    if (decision?.action === 'skip') {
      run.result.organisations_left_out.push(org.name);
      continue;
    }
    if (decision?.action === 'match') {
      const row = await organisationsRepository.findById(tx, decision.org_id);
      if (!row) throw errors.invalidField(`organisations.${j}.org_id`, 'is not a registered organisation');
      settled.push({ org_id: row.id, name: row.name, role: org.role });
      continue;
    }
    if (decision?.action === 'create') {
      const input = OrganisationCreate.safeParse({
        name: decision.name,
        acronym: decision.acronym ?? org.acronym,
        type: decision.type,
        country: decision.country,
      });
      if (!input.success)
        throw errors.invalidField(`organisations.${j}`, input.error.issues[0]?.message ?? 'is not valid');
      const created = await organisationsService.createIn(tx, viewer, input.data);
      run.result.created.organisations.push(created.id);
      settled.push({ org_id: created.id, name: created.name, role: org.role });
      continue;
    }
    const row =
      (org.id ? await organisationsRepository.findById(tx, org.id) : undefined) ??
      (await organisationsRepository.findByAnyName(tx, org.name)) ??
      (org.acronym ? await organisationsRepository.findByAnyName(tx, org.acronym) : undefined);
    if (row) settled.push({ org_id: row.id, name: row.name, role: org.role });
    else {
      unnamed.push({ name: org.name, role: org.role });
      run.result.organisations_left_out.push(org.name);
    }
  }
  return { settled, unnamed };
}

/** Updates the project named (or the owner's project with the record's code), else creates one. */
async function writeProject(run: Run, projectId: string | undefined, settled: Settled[]): Promise<string> {
  const { tx, viewer, record, doc } = run;
  const fields = projectFields(record);
  const participants = settled.map((o) => ({ org_id: o.org_id, role: participantRole(o.role) }));
  // The same project reported on again (next year's review, the brief in another format) is
  // recognised by its code, or failing a code by its exact title, and updated.
  const target =
    projectId ??
    (record.project_code
      ? await projectsRepository.findIdByCode(tx, doc.owner_org_id, record.project_code)
      : record.title
        ? await projectsRepository.findIdByTitle(tx, doc.owner_org_id, record.title)
        : undefined);
  if (target) {
    const current = await projectsRepository.findVisible(tx, viewer, target);
    if (!current) throw errors.invalidField('project_id', `no project ${target} exists that you can see`);
    // An existing project keeps its own title and code; the rest is refreshed from the document.
    const { title: _title, code: _code, ...rest } = fields;
    const merged = [
      ...current.participants.map((p) => ({ org_id: p.org_id, role: p.role })),
      ...participants,
    ];
    const unique = merged.filter(
      (p, i) => merged.findIndex((q) => q.org_id === p.org_id && q.role === p.role) === i,
    );
    const input = parseAs(
      ProjectUpdate,
      { ...rest, participants: unique, version: current.version },
      PROJECT_PATHS,
    );
    await projectsService.updateIn(tx, viewer, target, input);
    run.result.project = { id: target, action: 'updated' };
    return target;
  }
  if (!fields.title)
    throw errors.invalidField(
      'record.title',
      'is needed to create a project: give the title, or the project_id of a project to update',
    );
  const input = parseAs(ProjectCreate, { ...fields, participants, ...run.owned }, PROJECT_PATHS);
  const project = await projectsService.createIn(tx, viewer, input);
  run.result.project = { id: project.id, action: 'created' };
  return project.id;
}

async function writeRecommendations(
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
async function writeReviews(run: Run, projectId: string) {
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

async function writeEvaluation(run: Run, projectId: string) {
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
async function findMentionedProject(run: Run, name: string): Promise<string | undefined> {
  const query = { q: name, limit: 10 } as ProjectListQuery;
  const rows = await projectsRepository.listVisible(run.tx, run.viewer, query);
  const wanted = name.trim().toLowerCase();
  const hits = rows.filter((p) => p.code?.toLowerCase() === wanted || p.title.toLowerCase() === wanted);
  return hits.length === 1 ? hits[0]!.id : undefined;
}

async function writeMeeting(
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

async function assertProjectVisible(run: Run, projectId: string | null) {
  await assertVisibleToWriter(run.tx, run.viewer, projectId);
}

/**
 * What the records a confirmation creates may be seen by: the visibility asked for, else the owner
 * organisation's default for records, never wider than the document they were read from.
 */
async function visibilityOfRecords(tx: Queryable, doc: ExtractionRow, body: ConfirmBody) {
  if (body.visibility) return body.visibility;
  const orgDefault = await organisationsService.visibilityFor(tx, doc.owner_org_id, undefined, 'records');
  return narrowestVisibility(orgDefault, doc.visibility);
}

async function confirmIn(tx: Queryable, viewer: Viewer, id: string, body: ConfirmBody) {
  const doc = await documentsRepository.lockForConfirm(tx, viewer, id);
  if (!doc) throw errors.notFound('document', id);
  assertRoleIn(viewer, doc.owner_org_id, 'editor');
  if (doc.status === 'confirmed') {
    throw errors.conflict(
      'already_confirmed',
      'This document was confirmed already; change the records it created instead.',
      { project_id: doc.project_id, confirmation: doc.extraction?.confirmation ?? null },
    );
  }
  if (doc.version !== body.version) throw errors.staleVersion('document', body.version, doc.version);
  const run: Run = {
    tx,
    viewer,
    doc,
    record: body.record,
    owned: { owner_org_id: doc.owner_org_id, visibility: await visibilityOfRecords(tx, doc, body) },
    result: {
      confirmed_at: new Date().toISOString(),
      project: null,
      created: {
        organisations: [],
        reviews: [],
        evaluations: [],
        recommendations: [],
        lessons: [],
        meetings: [],
      },
      updated: { reviews: [], evaluations: [] },
      organisations_left_out: [],
    },
  };
  const orgs = await settleOrganisations(run, body.organisations);
  let projectId: string | null = body.project_id ?? doc.project_id;
  switch (body.record.kind) {
    case 'annual_review':
      projectId = await writeProject(run, projectId ?? undefined, orgs.settled);
      await writeReviews(run, projectId);
      break;
    case 'evaluation':
      projectId = await writeProject(run, projectId ?? undefined, orgs.settled);
      await writeEvaluation(run, projectId);
      break;
    case 'meeting_report':
      await assertProjectVisible(run, projectId);
      projectId = await writeMeeting(run, projectId, orgs);
      break;
    default:
      await assertProjectVisible(run, projectId);
  }
  const draft = doc.extraction?.draft;
  await documentsRepository.markConfirmed(tx, doc.id, {
    kind: body.record.kind,
    title: body.record.title ?? null,
    projectId,
    extraction: {
      ...(draft ? { draft } : {}),
      confirmed_record: body.record,
      confirmation: run.result,
    },
  });
  await recordAudit(tx, viewer, {
    action: 'confirm',
    entityType: 'document',
    entityId: doc.id,
    orgId: doc.owner_org_id,
    details: { project: run.result.project, created: run.result.created },
  });
  return run.result;
}

export const confirmService = {
  /** Confirms a document's (corrected) record into registry records, all or nothing. */
  confirm(db: Database, viewer: Viewer, id: string, body: ConfirmBody): Promise<Confirmation> {
    return db.transaction((tx) => confirmIn(tx, viewer, id, body));
  },
};
