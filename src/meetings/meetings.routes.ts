// Meetings: who met, about which projects, with the figures and tools they quoted. Organisations
// are resolved to registered ones where a name, acronym or alias matches; others stay as named.
// The HTTP routes: parsed by the schemas, answered by the service.
import { recordRoutes } from '../records/records.routes.ts';
import { Meeting, MeetingCreate, MeetingListQuery, MeetingUpdate } from './meetings.schema.ts';
import { meetingsService } from './meetings.service.ts';

export const meetingRoutes = recordRoutes({
  tag: 'meetings',
  noun: 'meeting',
  service: meetingsService,
  Create: MeetingCreate,
  Update: MeetingUpdate,
  Response: Meeting,
  ListQuery: MeetingListQuery,
});
