// The states a record of organisation A may be in that others must not see, as data for the
// cross-organisation test: owner-only, shared with a named organisation that is not the reader,
// public with fields withheld, and deleted. Each fills the World with the ids it produced.
import { randomBytes } from 'node:crypto';
import type { TestMember } from './factories.ts';
import { type TestApp, uploadFile } from './test-app.ts';

const hex = () => randomBytes(4).toString('hex');
/** In the content of A's private records: no reply to anyone else may contain it. */
export const MARK = `zqxmark${hex()}`;
/** In the withheld fields of A's public records: no reply to anyone else may contain it. */
export const WITHHELD = `zqxwithheld${hex()}`;
export const WITHHELD_AMOUNT = 913_377;
/** In A's deleted records: no reply to anyone, A included, may contain it (but A's trash and audit trail). */
export const DELETED = `zqxdeleted${hex()}`;

export type RecordKind =
  | 'project'
  | 'document'
  | 'review'
  | 'evaluation'
  | 'recommendation'
  | 'lesson'
  | 'meeting'
  | 'assessment';
/** Ids per resource. */
export type Ids = Record<RecordKind, string[]>;
export const noIds = (): Ids => ({
  project: [],
  document: [],
  review: [],
  evaluation: [],
  recommendation: [],
  lesson: [],
  meeting: [],
  assessment: [],
});

export interface World {
  t: TestApp;
  owner: TestMember;
  ownerOrg: string;
  /** The organisation A shares with by name: not one of the readers the test checks. */
  sharedWithOrg: string;
  /** Ids others may not see: each must answer as a missing one. */
  hidden: Ids;
  /** Ids of deleted records: everyone, A included, gets the answer a missing one gets. */
  deleted: Ids;
  /** Public records with withheld fields: others see them, with those fields named and null. */
  restricted: { kind: RecordKind; id: string; fields: string[] }[];
}

export interface PrivateRecordKind {
  name: string;
  create(w: World): Promise<void>;
}

async function post(w: World, path: string, body: Record<string, unknown>): Promise<string> {
  const res = await w.t.request('POST', path, { token: w.owner.token, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

async function upload(w: World, text: string, fields: Record<string, string>): Promise<string> {
  const doc = await uploadFile(w.t, `brief-${hex()}.txt`, Buffer.from(`${text}\n`), {
    token: w.owner.token,
    fields,
  });
  if (doc.status !== 201) throw new Error(`upload: ${doc.status} ${JSON.stringify(doc.body)}`);
  return doc.body.id;
}

async function patch(w: World, path: string, body: Record<string, unknown>): Promise<void> {
  const current = await w.t.request('GET', path, { token: w.owner.token });
  const res = await w.t.request('PATCH', path, {
    token: w.owner.token,
    body: { ...body, version: current.body.version },
  });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
}

async function remove(w: World, path: string): Promise<void> {
  const res = await w.t.request('DELETE', path, { token: w.owner.token });
  if (res.status !== 204) throw new Error(`DELETE ${path}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A project with one record of every kind and a document, all with `sharing`, their text marked. */
async function projectWithEverything(w: World, into: Ids, mark: string, sharing: Record<string, unknown>) {
  const project = await post(w, '/api/v1/projects', {
    title: `Programme ${mark} against trafficking`,
    description: `Description ${mark}`,
    ...sharing,
    countries: [{ code: 'PE' }],
    themes: ['organised-crime'],
    budget: [{ amount: 777_123, currency: 'USD' }],
  });
  into.project.push(project);
  const owned = { project_id: project, ...sharing };
  into.review.push(
    await post(w, '/api/v1/reviews', { ...owned, period_label: '2024/25', narrative: `Review ${mark}` }),
  );
  into.evaluation.push(await post(w, '/api/v1/evaluations', { ...owned, title: `Evaluation ${mark}` }));
  into.recommendation.push(
    await post(w, '/api/v1/recommendations', { ...owned, text: `Recommendation ${mark}`, number: 1 }),
  );
  into.lesson.push(await post(w, '/api/v1/lessons', { ...owned, text: `Lesson ${mark}`, countries: ['PE'] }));
  into.meeting.push(await post(w, '/api/v1/meetings', { ...owned, title: `Meeting ${mark}` }));
  const fields = Object.fromEntries(
    Object.entries(sharing).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
  );
  into.document.push(
    await upload(w, `Confidential brief ${mark} ${hex()}.`, {
      ...fields,
      project_id: project,
      title: `Document ${mark}`,
    }),
  );
  into.assessment.push(
    await post(w, '/api/v1/assessments', {
      instrument: 'heuni-checklist',
      subject: { type: 'project', id: project },
      title: `Assessment ${mark}`,
      ...sharing,
    }),
  );
  return project;
}

export const PRIVATE_RECORD_KINDS: PrivateRecordKind[] = [
  {
    name: 'owner-only project with every kind of record and a document',
    create: async (w) => {
      await projectWithEverything(w, w.hidden, MARK, { visibility: 'owner' });
    },
  },
  {
    name: 'shared with a named organisation that is not the reader',
    create: async (w) => {
      await projectWithEverything(w, w.hidden, MARK, {
        visibility: 'shared',
        shared_with: [w.sharedWithOrg],
      });
    },
  },
  {
    name: 'public records whose budget, people, narrative, text and file are withheld',
    async create(w) {
      const project = await post(w, '/api/v1/projects', {
        title: 'Public court reform programme',
        visibility: 'public',
        countries: [{ code: 'PE' }],
        themes: ['organised-crime'],
        budget: [{ amount: WITHHELD_AMOUNT, currency: 'USD', period_start: '2024-01-01' }],
        field_visibility: { budget: 'owner' },
      });
      const meeting = await post(w, '/api/v1/meetings', {
        title: 'Public hearing on pre-trial detention',
        visibility: 'public',
        project_id: project,
        people: [{ name: `Judge ${WITHHELD}`, role: 'judge' }],
        field_visibility: { people: 'owner' },
      });
      const review = await post(w, '/api/v1/reviews', {
        project_id: project,
        visibility: 'public',
        period_label: '2023',
        narrative: `Narrative naming ${WITHHELD}`,
        field_visibility: { narrative: 'owner' },
      });
      const document = await upload(w, `Minutes of the public hearing naming ${WITHHELD}.`, {
        visibility: 'public',
        title: 'Public hearing minutes',
      });
      await patch(w, `/api/v1/documents/${document}`, { field_visibility: { text: 'owner', file: 'owner' } });
      w.restricted.push(
        { kind: 'project', id: project, fields: ['budget'] },
        { kind: 'meeting', id: meeting, fields: ['people'] },
        { kind: 'review', id: review, fields: ['narrative'] },
        { kind: 'document', id: document, fields: ['file', 'text'] },
      );
    },
  },
  {
    name: 'deleted records, public before (a project with what belongs to it, and records of their own)',
    async create(w) {
      const project = await projectWithEverything(w, w.deleted, DELETED, { visibility: 'public' });
      await remove(w, `/api/v1/projects/${project}`);
      for (const kind of ['document', 'meeting'] as const)
        await remove(w, `/api/v1/${kind}s/${w.deleted[kind][0]}`);
    },
  },
];
