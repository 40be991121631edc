// The one rule for linking a record or document to a project: the writer must be able to see the
// project, and a project the writer cannot see is named as missing, never as hidden.
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { errors } from '../server/errors.ts';
import { projectsRepository } from './projects.repository.ts';

export async function assertVisibleToWriter(
  db: Queryable,
  viewer: Viewer,
  projectId: string | null | undefined,
): Promise<void> {
  if (!projectId) return;
  if (!(await projectsRepository.isVisible(db, viewer, projectId)))
    throw errors.invalidField('project_id', `no project ${projectId} exists that you can see`);
}
