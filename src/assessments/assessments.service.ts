// Rules for assessments: an instrument version applied to a project, an organisation or a
// country; one sheet per assessor, then an agreed one; every score checked against its
// question's scale. Owner-only by default, and read only through the access filter.
import { withheldFields } from '../access/filter.ts';
import { assertRoleIn, ownerOrgFor } from '../access/permissions.ts';
import type { Viewer } from '../access/viewer.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { auditService, snapshot } from '../audit/audit.service.ts';
import type { Database, Queryable } from '../db/client.ts';
import type { InstrumentDefinition } from '../instruments/definition.schema.ts';
import { instrumentsRepository } from '../instruments/instruments.repository.ts';
import { instrumentsService } from '../instruments/instruments.service.ts';
import { SCALES } from '../instruments/scales.ts';
import type { SheetResult } from '../instruments/scoring.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { projectsRepository } from '../projects/projects.repository.ts';
import { AppError, errors, type FieldProblem } from '../server/errors.ts';
import { withhold } from '../sharing/sharing.schema.ts';
import { type Sharing, sharingService } from '../sharing/sharing.service.ts';
import { trashService } from '../trash/trash.service.ts';
import { type AssessmentRow, assessmentsRepository as repo } from './assessments.repository.ts';
import type { AssessmentCreate, AssessmentUpdate, SheetBody } from './assessments.schema.ts';
import { prefillFor } from './prefill.ts';
import { assessmentHeader, assessmentView, auditedRecord, resultsTable, toCsv } from './results.ts';

async function visible(db: Queryable, viewer: Viewer, id: string): Promise<AssessmentRow> {
  const row = await repo.findVisible(db, viewer, id);
  if (!row) throw errors.notFound('assessment', id);
  return row;
}

const definitionOf = (db: Queryable, row: AssessmentRow) =>
  instrumentsService.definitionOf(db, row.instrument_id, row.instrument_version);

/** The assessment as this viewer may see it: a shared one's share list is its owner's alone. */
async function view(db: Queryable, viewer: Viewer, row: AssessmentRow) {
  const whole = assessmentView(row, await definitionOf(db, row), await repo.scoresOf(db, [row.id]));
  return withhold(whole, withheldFields(viewer, row));
}

/** Every score names a question of the instrument version and a value on that question's scale. */
function checkSheet(def: InstrumentDefinition, body: SheetBody): void {
  const questions = new Map(def.areas.flatMap((a) => a.questions.map((q) => [q.id, q] as const)));
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  body.scores.forEach((s, i) => {
    const q = questions.get(s.question);
    if (!q)
      problems.push({
        field: `body.scores.${i}.question`,
        message: `"${s.question}" is not a question of this instrument version`,
      });
    else if (seen.has(s.question))
      problems.push({ field: `body.scores.${i}.question`, message: `"${s.question}" is scored twice` });
    else if (q.scale !== 'free_text' && !SCALES[q.scale].values.some((v) => v.name === s.value)) {
      const allowed = SCALES[q.scale].values.map((v) => v.name).join(', ');
      problems.push({
        field: `body.scores.${i}.value`,
        message: `"${s.value}" is not on the ${q.scale} scale of question ${s.question}; use one of ${allowed}`,
      });
    } else if (q.scale !== 'free_text' && s.value.length > 64)
      problems.push({ field: `body.scores.${i}.value`, message: 'is too long' });
    seen.add(s.question);
  });
  if (problems.length) throw errors.validation(`${problems[0]!.field}: ${problems[0]!.message}`, problems);
}

async function subjectColumns(db: Queryable, viewer: Viewer, subject: AssessmentCreate['subject']) {
  if (subject.type === 'country') return { projectId: null, organisationId: null, country: subject.code };
  if (subject.type === 'project') {
    if (!(await projectsRepository.findVisible(db, viewer, subject.id)))
      throw errors.invalidField('body.subject.id', 'no project with this id exists, or you may not see it');
    return { projectId: subject.id, organisationId: null, country: null };
  }
  if (!(await organisationsRepository.findById(db, subject.id)))
    throw errors.invalidField('body.subject.id', 'no organisation with this id exists');
  return { projectId: null, organisationId: subject.id, country: null };
}

/** The sharing the sharing service decided, as the repository's columns. */
const sharedColumns = (s: Sharing) => ({
  visibility: s.visibility,
  sharedWith: s.shared_with,
  embargoUntil: s.embargo_until,
});

interface ComparedAssessment {
  id: string;
  title: string | null;
  subject: { name: string | null };
  results: SheetResult | null;
}

export const assessmentsService = {
  async create(db: Database, viewer: Viewer, input: AssessmentCreate) {
    const ownerOrgId = ownerOrgFor(viewer, input.owner_org_id);
    return db.transaction(async (tx) => {
      const instrument = await instrumentsRepository.findByKey(tx, input.instrument);
      // A draft is missing here: it is not in the library until a network administrator publishes it.
      if (!instrument || instrument.draft)
        throw errors.invalidField(
          'body.instrument',
          `no instrument in the library has the key ${input.instrument}`,
        );
      if (instrument.retired_at && input.instrument_version === undefined)
        throw errors.invalidField(
          'body.instrument',
          'is retired; new assessments use the instruments in the library',
        );
      const version = input.instrument_version ?? instrument.current_version;
      const stored = await instrumentsRepository.findVersion(tx, instrument.id, version);
      if (!stored)
        throw errors.invalidField(
          'body.instrument_version',
          `instrument ${input.instrument} has versions 1 to ${instrument.current_version}`,
        );
      if (!stored.definition.subjects.includes(input.subject.type))
        throw errors.invalidField(
          'body.subject.type',
          `${input.instrument} assesses ${stored.definition.subjects.join(', ')}; not a ${input.subject.type}`,
        );
      const sharing = await sharingService.resolve(tx, input, undefined, 'owner');
      const id = await repo.insert(tx, {
        ownerOrgId,
        ...sharedColumns(sharing),
        instrumentId: instrument.id,
        instrumentVersion: version,
        subjectType: input.subject.type,
        ...(await subjectColumns(tx, viewer, input.subject)),
        title: input.title ?? null,
        userId: viewer.userId,
      });
      const created = await view(tx, viewer, (await repo.findVisible(tx, viewer, id))!);
      // As every kind's: a shared one adds a share entry naming the organisations.
      await auditService.created(tx, viewer, 'assessment', ownerOrgId, snapshot(auditedRecord(created)));
      return created;
    });
  },

  async get(db: Queryable, viewer: Viewer, id: string) {
    return view(db, viewer, await visible(db, viewer, id));
  },

  async list(
    db: Queryable,
    viewer: Viewer,
    q: { instrument?: string | undefined; project_id?: string | undefined; limit: number },
  ) {
    const rows = await repo.listVisible(db, viewer, q);
    return rows.map((r) =>
      withhold({ ...assessmentHeader(r), updated_at: r.updated_at }, withheldFields(viewer, r)),
    );
  },

  /** A new title or sharing, by the owner's editors, checked by the rules every kind's sharing follows. */
  async update(db: Database, viewer: Viewer, id: string, input: AssessmentUpdate) {
    return db.transaction(async (tx) => {
      const row = await visible(tx, viewer, id);
      assertRoleIn(viewer, row.owner_org_id, 'editor');
      if (row.version !== input.version) throw errors.staleVersion('assessment', input.version, row.version);
      const before = auditedRecord(await view(tx, viewer, row));
      const sharing = await sharingService.resolve(tx, input, before, row.visibility);
      const { title, version } = input;
      if (!(await repo.update(tx, id, version, { title, ...sharedColumns(sharing) })))
        throw errors.staleVersion('assessment', version, version + 1);
      const after = await view(tx, viewer, (await repo.findVisible(tx, viewer, id))!);
      await auditService.updated(tx, viewer, 'assessment', row.owner_org_id, {
        before: snapshot(before),
        after: snapshot(auditedRecord(after)),
        touched: Object.keys(input),
      });
      return after;
    });
  },

  /** Replaces the caller's own sheet, or (agreed) the agreed result; editors of the owner only. */
  async writeSheet(db: Database, viewer: Viewer, id: string, body: SheetBody, agreed: boolean) {
    return db.transaction(async (tx) => {
      const row = await visible(tx, viewer, id);
      assertRoleIn(viewer, row.owner_org_id, 'editor');
      if (!agreed && !viewer.userId)
        throw errors.forbidden('An assessor’s sheet belongs to a signed-in user.');
      checkSheet(await definitionOf(tx, row), body);
      await repo.replaceSheet(tx, id, agreed ? null : viewer.userId, body.scores);
      await recordAudit(tx, viewer, {
        action: 'update',
        entityType: 'assessment',
        entityId: id,
        orgId: row.owner_org_id,
        details: { sheet: agreed ? 'agreed' : 'assessor', scores: body.scores.length },
      });
      return view(tx, viewer, (await repo.findVisible(tx, viewer, id))!);
    });
  },

  /** Soft delete: restorable by its owner for 30 days (src/trash/). */
  async remove(db: Database, viewer: Viewer, id: string, at: Date) {
    await db.transaction(async (tx) => {
      const row = await visible(tx, viewer, id);
      assertRoleIn(viewer, row.owner_org_id, 'editor');
      await trashService.softDelete(tx, 'assessment', id, row.version, viewer, at);
      await auditService.deleted(tx, viewer, 'assessment', row.owner_org_id, snapshot(row));
    });
  },

  async prefill(db: Queryable, viewer: Viewer, id: string) {
    const row = await visible(db, viewer, id);
    return prefillFor(
      db,
      viewer,
      await definitionOf(db, row),
      row.subject_type === 'project' ? row.subject_id : null,
    );
  },

  async resultsCsv(db: Queryable, viewer: Viewer, id: string) {
    const row = await visible(db, viewer, id);
    const def = await definitionOf(db, row);
    const a = assessmentView(row, def, await repo.scoresOf(db, [id]));
    const columns = [
      ...a.assessors.map((s) => ({
        name: `assessor ${s.assessor.name ?? s.assessor.id}`,
        results: s.results,
      })),
      ...(a.agreed ? [{ name: 'agreed', results: a.agreed.results }] : []),
    ];
    return toCsv(resultsTable(def, columns));
  },

  /** Agreed results of several assessments made with one instrument version, side by side. */
  async compare(db: Queryable, viewer: Viewer, ids: string[]) {
    const unique = [...new Set(ids)];
    const rows = await repo.findManyVisible(db, viewer, unique);
    const missing = unique.find((id) => !rows.some((r) => r.id === id));
    if (missing) throw errors.notFound('assessment', missing);
    const versions = new Set(rows.map((r) => `${r.instrument_key} version ${r.instrument_version}`));
    if (versions.size > 1)
      throw new AppError(
        422,
        'different_instrument_versions',
        `Only assessments made with the same instrument version compare; these use ${[...versions].join(' and ')}.`,
        { versions: [...versions] },
      );
    const ordered = unique.map((id) => rows.find((r) => r.id === id)!);
    const def = await definitionOf(db, ordered[0]!);
    const scores = await repo.scoresOf(db, unique);
    const views = ordered.map((r) =>
      assessmentView(
        r,
        def,
        scores.filter((s) => s.assessment_id === r.id),
      ),
    );
    return {
      instrument: { key: ordered[0]!.instrument_key, version: ordered[0]!.instrument_version },
      areas: def.areas.map((a) => ({ id: a.id, title: a.title })),
      assessments: views.map((v) => ({
        id: v.id,
        title: v.title,
        subject: v.subject,
        updated_at: v.updated_at,
        results: v.agreed?.results ?? null,
      })),
      definition: def,
    };
  },

  compareCsv(c: { definition: InstrumentDefinition; assessments: ComparedAssessment[] }) {
    const columns = c.assessments.flatMap((a) =>
      a.results ? [{ name: a.title ?? a.subject.name ?? a.id, results: a.results }] : [],
    );
    return toCsv(resultsTable(c.definition, columns));
  },
};
