// Loads the demo registry that ships in demo/: the records a careful reader makes of four public
// documents, their organisations (with their sharing defaults), two demo users, and a small public
// IATI file. Everything goes through the same services and validation as the API, so records that
// name no visibility get their organisation's default. Running it twice adds nothing.
import fs from 'node:fs';
import path from 'node:path';
import { systemViewer, type Viewer } from '../access/viewer.ts';
import { authRepository } from '../auth/auth.repository.ts';
import { authService } from '../auth/auth.service.ts';
import type { Database } from '../db/client.ts';
import { UploadFields } from '../documents/documents.schema.ts';
import { documentsService } from '../documents/documents.service.ts';
import { EvaluationCreate } from '../evaluations/evaluations.schema.ts';
import { evaluationsService } from '../evaluations/evaluations.service.ts';
import { iatiImportService } from '../iati/import.service.ts';
import { LessonCreate } from '../lessons/lessons.schema.ts';
import { lessonsService } from '../lessons/lessons.service.ts';
import { MeetingCreate } from '../meetings/meetings.schema.ts';
import { meetingsService } from '../meetings/meetings.service.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { OrganisationCreate, OrganisationUpdate } from '../organisations/organisations.schema.ts';
import { organisationsService } from '../organisations/organisations.service.ts';
import { DEMO_DIR } from '../paths.ts';
import { ProjectCreate } from '../projects/projects.schema.ts';
import { projectsService } from '../projects/projects.service.ts';
import { RecommendationCreate } from '../recommendations/recommendations.schema.ts';
import { recommendationsService } from '../recommendations/recommendations.service.ts';
import { ReviewCreate } from '../reviews/reviews.schema.ts';
import { reviewsService } from '../reviews/reviews.service.ts';
import { demoRepository } from './demo.repository.ts';

type Json = Record<string, unknown>;
interface DemoDocument {
  file: string;
  kind: string;
  title: string;
  visibility: string;
  owner?: string;
}
interface DemoRecord extends Json {
  document?: string;
  recommendations?: Json[];
  lessons?: Json[];
}
interface DemoRegistry {
  password: string;
  organisations: Json[];
  users: { email: string; name: string; org: string; role: 'admin' | 'editor' | 'viewer' }[];
  projects: {
    owner: string;
    project: Json;
    documents?: DemoDocument[];
    reviews?: DemoRecord[];
    evaluations?: DemoRecord[];
    meetings?: DemoRecord[];
  }[];
  documents: DemoDocument[];
  iati: { file: string }[];
}

export interface SeedSummary {
  organisations: number;
  users: number;
  projects: number;
  records: number;
  iatiActivities: number;
}

async function orgId(db: Database, name: string): Promise<string> {
  const org = await organisationsRepository.findByAnyName(db, name);
  if (!org) throw new Error(`Demo data names an organisation that is not in it: ${name}`);
  return org.id;
}

async function uploadDemoDocument(db: Database, viewer: Viewer, doc: DemoDocument, projectId?: string) {
  const bytes = fs.readFileSync(path.join(DEMO_DIR, 'documents', doc.file));
  const fields = UploadFields.parse({
    kind: doc.kind,
    title: doc.title,
    visibility: doc.visibility,
    project_id: projectId,
  });
  const { document } = await documentsService.upload(
    db,
    viewer,
    { filename: doc.file, mediaType: 'text/plain', bytes },
    fields,
  );
  return document.id;
}

/** Recommendations and lessons drawn from one review, evaluation or meeting. */
async function seedFindings(
  db: Database,
  viewer: Viewer,
  record: DemoRecord,
  source: { type: string; id: string; projectId: string },
) {
  let n = 0;
  for (const rec of record.recommendations ?? []) {
    const body = {
      ...rec,
      project_id: source.projectId,
      source_type: source.type,
      source_id: source.id,
    };
    await recommendationsService.create(db, viewer, RecommendationCreate.parse(body));
    n++;
  }
  for (const lesson of record.lessons ?? []) {
    const body = {
      ...lesson,
      project_id: source.projectId,
      source_type: source.type,
      source_id: source.id,
    };
    await lessonsService.create(db, viewer, LessonCreate.parse(body));
    n++;
  }
  return n;
}

/** Called after each step of the demo load: an organisation, a user, a project with its records, a document, an IATI file. */
export type SeedProgress = (done: number, total: number, what: string) => void;

const readDemo = () =>
  JSON.parse(fs.readFileSync(path.join(DEMO_DIR, 'registry.json'), 'utf8')) as DemoRegistry;

/** Who can sign in to the demo registry, for the first start to print. */
export function demoSignIns(): { password: string; users: DemoRegistry['users'] } {
  const { password, users } = readDemo();
  return { password, users };
}

export async function seedDemo(db: Database, onProgress: SeedProgress = () => {}): Promise<SeedSummary> {
  const demo = readDemo();
  const summary: SeedSummary = { organisations: 0, users: 0, projects: 0, records: 0, iatiActivities: 0 };
  const total =
    demo.organisations.length +
    demo.users.length +
    demo.projects.length +
    demo.documents.length +
    demo.iati.length;
  let done = 0;
  const step = (what: string) => onProgress(++done, total, what);

  for (const org of demo.organisations) {
    step(`organisation ${org.name as string}`);
    if (await organisationsRepository.findByAnyName(db, org.name as string)) continue;
    const created = await organisationsService.create(db, systemViewer([]), OrganisationCreate.parse(org), {
      bootstrap: true,
    });
    const { default_visibility, default_document_visibility } = org;
    if (default_visibility || default_document_visibility) {
      const defaults = OrganisationUpdate.parse({
        default_visibility,
        default_document_visibility,
        version: created.version,
      });
      await organisationsService.update(db, systemViewer([created.id]), created.id, defaults);
    }
    summary.organisations++;
  }
  for (const u of demo.users) {
    step(`user ${u.email}`);
    const id =
      (await authRepository.findUserByEmail(db, u.email))?.id ??
      (await authService.createUser(db, { email: u.email, name: u.name, password: demo.password })).id;
    await authService.addMembership(db, id, await orgId(db, u.org), u.role);
    summary.users++;
  }

  for (const entry of demo.projects) {
    step(`project ${entry.project.title as string}`);
    const owner = await orgId(db, entry.owner);
    const viewer = systemViewer([owner]);
    if (await demoRepository.hasProject(db, owner, entry.project.title as string)) continue;
    const project = await projectsService.create(
      db,
      viewer,
      ProjectCreate.parse({ ...entry.project, owner_org_id: owner }),
    );
    summary.projects++;
    const documentIds = new Map<string, string>();
    for (const doc of entry.documents ?? [])
      documentIds.set(doc.file, await uploadDemoDocument(db, viewer, doc, project.id));
    const common = (r: DemoRecord) => {
      const { recommendations: _r, lessons: _l, document, ...fields } = r;
      return {
        ...fields,
        project_id: project.id,
        document_id: document ? documentIds.get(document) : undefined,
      };
    };
    for (const r of entry.reviews ?? []) {
      const review = (await reviewsService.create(db, viewer, ReviewCreate.parse(common(r)))) as {
        id: string;
      };
      summary.records +=
        1 +
        (await seedFindings(db, viewer, r, {
          type: 'review',
          id: review.id,
          projectId: project.id,
        }));
    }
    for (const e of entry.evaluations ?? []) {
      const evaluation = (await evaluationsService.create(db, viewer, EvaluationCreate.parse(common(e)))) as {
        id: string;
      };
      summary.records +=
        1 +
        (await seedFindings(db, viewer, e, {
          type: 'evaluation',
          id: evaluation.id,
          projectId: project.id,
        }));
    }
    for (const m of entry.meetings ?? []) {
      const meeting = (await meetingsService.create(db, viewer, MeetingCreate.parse(common(m)))) as {
        id: string;
      };
      summary.records +=
        1 +
        (await seedFindings(db, viewer, m, {
          type: 'meeting',
          id: meeting.id,
          projectId: project.id,
        }));
    }
  }

  for (const doc of demo.documents) {
    step(`document ${doc.title}`);
    const owner = await orgId(db, doc.owner!);
    if (!(await demoRepository.hasDocument(db, owner, doc.file)))
      await uploadDemoDocument(db, systemViewer([owner]), doc);
  }
  for (const { file } of demo.iati) {
    step(`IATI activities ${path.basename(file)}`);
    const report = await iatiImportService.importFiles(db, [path.join(DEMO_DIR, file)]);
    summary.iatiActivities += report.created ?? 0;
  }
  return summary;
}

/** On first start of an empty database only: an emptied registry is not refilled behind its users' backs. */
export async function seedDemoIfEmpty(
  db: Database,
  onProgress?: SeedProgress,
): Promise<SeedSummary | undefined> {
  if ((await demoRepository.countOrganisationsAndProjects(db)) > 0) return undefined;
  return seedDemo(db, onProgress);
}
