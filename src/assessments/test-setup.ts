// Shared set-up of the assessment tests: two organisations, two assessors and an administrator
// in the first, a civil-society partner, and two overlapping projects (one per organisation).

import {
  buildMember,
  buildOrganisation,
  buildOrgWithEditor,
  type TestMember,
} from '../../test/support/factories.ts';
import type { TestApp } from '../../test/support/test-app.ts';
import { setNetworkAdmin } from '../access/network-admin.repository.ts';

export interface AssessmentWorld {
  ownerOrgId: string;
  assessor1: TestMember;
  assessor2: TestMember;
  admin: TestMember;
  outsider: TestMember;
  ngoName: string;
  project: { id: string; title: string };
  otherProject: { id: string; title: string };
}

export async function buildAssessmentWorld(app: TestApp): Promise<AssessmentWorld> {
  const { org, editor: assessor1 } = await buildOrgWithEditor(app.db);
  const assessor2 = await buildMember(app.db, org.id, 'editor');
  const admin = await buildMember(app.db, org.id, 'admin');
  // Instruments are the network's: their administrator is a network administrator.
  await setNetworkAdmin(app.db, admin.email, true);
  const { editor: outsider } = await buildOrgWithEditor(app.db);
  const ngo = await buildOrganisation(app.db, { type: 'ngo' });
  const post = async (token: string, body: Record<string, unknown>) => {
    const res = await app.request('POST', '/api/v1/projects', { token, body });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body as { id: string; title: string };
  };
  const project = await post(assessor1.token, {
    title: 'Strengthening anti-corruption investigation in Peru',
    visibility: 'network',
    countries: ['PE'],
    themes: ['corruption'],
    start: '2020-01-01',
    end: '2030-12-31',
    participants: [{ org_id: ngo.id, role: 'partner' }],
  });
  const otherProject = await post(outsider.token, {
    title: 'Anti-corruption investigation support for Peru',
    visibility: 'public',
    countries: ['PE'],
    themes: ['corruption'],
  });
  return {
    ownerOrgId: org.id,
    assessor1,
    assessor2,
    admin,
    outsider,
    ngoName: ngo.name,
    project,
    otherProject,
  };
}
