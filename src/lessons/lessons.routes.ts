// Lessons learned and good practices, with the themes and countries they speak to.
// The HTTP routes: parsed by the schemas, answered by the service.
import { recordRoutes } from '../records/records.routes.ts';
import { Lesson, LessonCreate, LessonListQuery, LessonUpdate } from './lessons.schema.ts';
import { lessonsService } from './lessons.service.ts';

export const lessonRoutes = recordRoutes({
  tag: 'lessons',
  noun: 'lesson',
  service: lessonsService,
  Create: LessonCreate,
  Update: LessonUpdate,
  Response: Lesson,
  ListQuery: LessonListQuery,
});
