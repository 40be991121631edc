// Reviews: periodic scorings of a project, each score stored with its scale.
// The HTTP routes: parsed by the schemas, answered by the service.
import { recordRoutes } from '../records/records.routes.ts';
import { Review, ReviewCreate, ReviewListQuery, ReviewUpdate } from './reviews.schema.ts';
import { reviewsService } from './reviews.service.ts';

export const reviewRoutes = recordRoutes({
  tag: 'reviews',
  noun: 'review',
  service: reviewsService,
  Create: ReviewCreate,
  Update: ReviewUpdate,
  Response: Review,
  ListQuery: ReviewListQuery,
});
