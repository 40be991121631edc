// Confirming a document's draft: the values a person accepted (or corrected) become registry
// records in ONE transaction — accepted organisations, the project, then by kind the review(s),
// evaluation, recommendations, lessons or meeting — and the document is marked confirmed. Any
// refusal on the way rolls everything back. A confirmed document answers 409 to a second
// confirmation: later changes go to the records themselves.
import { isNetworkAdmin } from '../access/network-admin.repository.ts';
import { assertRoleIn } from '../access/permissions.ts';
import { narrowestVisibility, type Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import type { Database, Queryable } from '../db/client.ts';
import { organisationsService } from '../organisations/organisations.service.ts';
import { projectsRepository } from '../projects/projects.repository.ts';
import { ProjectCreate, ProjectUpdate } from '../projects/projects.schema.ts';
import { projectsService } from '../projects/projects.service.ts';
import { errors } from '../server/errors.ts';
import type { Confirmation, ConfirmBody } from './confirm.schema.ts';
import { settleOrganisations } from './confirm-organisations.ts';
import { assertProjectVisible, writeEvaluation, writeMeeting, writeReviews } from './confirm-records.ts';
import type { Run, Settled } from './confirm-run.ts';
import { documentsRepository, type ExtractionRow } from './documents.repository.ts';
import { instrumentOffers } from './instrument-offers.ts';
import { PROJECT_PATHS, parseAs, participantRole, projectFields } from './record-mapping.ts';

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

async function visibilityOfRecords(tx: Queryable, doc: ExtractionRow, body: ConfirmBody) {
  if (body.visibility) return body.visibility;
  const orgDefault = await organisationsService.visibilityFor(tx, doc.owner_org_id, undefined, 'records');
  // Records drawn from a document shared with named organisations stay with its owner unless the
  // confirmation says otherwise: the owner decides again whom each record is shared with.
  return narrowestVisibility(orgDefault, doc.visibility === 'shared' ? 'owner' : doc.visibility);
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
  const offers = instrumentOffers(body.record);
  if (offers.length && (await isNetworkAdmin(tx, viewer))) run.result.instrument_offers = offers;
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
