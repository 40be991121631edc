// Evaluations: independent or internal, with findings per criterion and who was consulted.
// The HTTP routes: parsed by the schemas, answered by the service.
import { recordRoutes } from '../records/records.routes.ts';
import { Evaluation, EvaluationCreate, EvaluationListQuery, EvaluationUpdate } from './evaluations.schema.ts';
import { evaluationsService } from './evaluations.service.ts';

export const evaluationRoutes = recordRoutes({
  tag: 'evaluations',
  noun: 'evaluation',
  service: evaluationsService,
  Create: EvaluationCreate,
  Update: EvaluationUpdate,
  Response: Evaluation,
  ListQuery: EvaluationListQuery,
});
