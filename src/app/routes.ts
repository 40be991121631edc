// Every resource's routes, mounted under /api/v1. One line per resource.
import { assessmentRoutes } from '../assessments/assessments.routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { coordinationRoutes } from '../coordination/coordination.routes.ts';
import { countryRoutes } from '../countries/countries.routes.ts';
import { documentRoutes } from '../documents/documents.routes.ts';
import { criteriaRoutes } from '../evaluations/criteria.routes.ts';
import { evaluationRoutes } from '../evaluations/evaluations.routes.ts';
import { iatiRoutes } from '../iati/iati.routes.ts';
import { instrumentRoutes } from '../instruments/instruments.routes.ts';
import { lessonRoutes } from '../lessons/lessons.routes.ts';
import { meetingRoutes } from '../meetings/meetings.routes.ts';
import { memberRoutes } from '../members/members.routes.ts';
import { mergeRoutes } from '../merges/merges.routes.ts';
import { organisationRoutes } from '../organisations/organisations.routes.ts';
import { projectRoutes } from '../projects/projects.routes.ts';
import { publisherRoutes } from '../publishers/publishers.routes.ts';
import { qualityRoutes } from '../quality/quality.routes.ts';
import { recommendationFollowUpRoutes } from '../recommendations/follow-up.routes.ts';
import { recommendationRoutes } from '../recommendations/recommendations.routes.ts';
import { recurringRoutes } from '../recurring/recurring.routes.ts';
import { referenceRoutes } from '../reference/reference.routes.ts';
import { reminderRoutes } from '../reminders/reminders.routes.ts';
import { reviewRoutes } from '../reviews/reviews.routes.ts';
import { scoreRoutes } from '../scores/scores.routes.ts';
import { searchRoutes } from '../search/search.routes.ts';
import type { AppContext, RoutePlugin } from '../server/context.ts';
import { tokenRoutes } from '../tokens/tokens.routes.ts';
import { trashRoutes } from '../trash/trash.routes.ts';

const resources: [string, RoutePlugin][] = [
  ['/auth', authRoutes],
  ['/organisations', organisationRoutes],
  ['/projects', projectRoutes],
  ['/documents', documentRoutes],
  ['/reviews', reviewRoutes],
  ['/evaluations', evaluationRoutes],
  ['/evaluations', criteriaRoutes],
  ['/recommendations', recommendationRoutes],
  ['/recommendations', recommendationFollowUpRoutes],
  ['/lessons', lessonRoutes],
  ['/meetings', meetingRoutes],
  ['/reference', referenceRoutes],
  ['/search', searchRoutes],
  ['/coordination', coordinationRoutes],
  ['/countries', countryRoutes],
  ['', memberRoutes],
  ['', mergeRoutes],
  ['', publisherRoutes],
  ['/tokens', tokenRoutes],
  ['/audit', auditRoutes],
  ['', iatiRoutes],
  ['', scoreRoutes],
  ['', recurringRoutes],
  ['/reminders', reminderRoutes],
  ['/instruments', instrumentRoutes],
  ['/assessments', assessmentRoutes],
  ['/trash', trashRoutes],
  ['/quality', qualityRoutes],
];

export function mountedRoutes(ctx: AppContext) {
  return resources.map(([prefix, plugin]) => ({ prefix: `/api/v1${prefix}`, plugin: plugin(ctx) }));
}
