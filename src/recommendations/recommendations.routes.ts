// Recommendations and their follow-through: management response, key actions with owners and
// due dates, a status history, and "overdue" derived from the key actions (never stored stale).
// The HTTP routes: parsed by the schemas, answered by the service.
import { recordRoutes } from '../records/records.routes.ts';
import {
  Recommendation,
  RecommendationCreate,
  RecommendationListQuery,
  RecommendationUpdate,
} from './recommendations.schema.ts';
import { recommendationsService } from './recommendations.service.ts';

export const recommendationRoutes = recordRoutes({
  tag: 'recommendations',
  noun: 'recommendation',
  service: recommendationsService,
  Create: RecommendationCreate,
  Update: RecommendationUpdate,
  Response: Recommendation,
  ListQuery: RecommendationListQuery,
  order: 'overdue first, then open, closed last; newest first within each',
});
