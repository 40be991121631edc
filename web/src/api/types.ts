// Shapes of the Tacit JSON API as the web app reads them (see /api/v1/openapi.json).

export type Visibility = 'public' | 'network' | 'owner';
export type Role = 'admin' | 'editor' | 'viewer';

export interface Me {
  user_id: string | null;
  email: string | null;
  memberships: { org_id: string; role: Role }[];
  scope: 'read' | 'write';
}

export interface OrgRef {
  id: string;
  name: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  acronym: string | null;
  aliases: string[];
  type: string | null;
  country: string | null;
  /** Sharing defaults: the visibility of new records and of new documents when none is chosen. */
  default_visibility: Visibility;
  default_document_visibility: Visibility;
  version: number;
}

export type ParticipantRole =
  | 'funder'
  | 'lead'
  | 'implementer'
  | 'partner'
  | 'beneficiary'
  | 'evaluator'
  | 'accountable'
  | 'extending'
  | 'counterpart'
  | 'other';

export interface Project {
  id: string;
  owner_org: OrgRef;
  visibility: Visibility;
  code: string | null;
  iati_identifier: string | null;
  title: string;
  description: string | null;
  status: string | null;
  period: { start: string | null; end: string | null; ongoing: boolean | null };
  countries: { code: string; name: string; share: number | null }[];
  regions: { name: string; code: string | null; share: number | null }[];
  themes: string[];
  dac_codes: { code: string; name: string; share: number | null }[];
  budget: { amount: number; currency: string; category: string | null; label: string | null }[];
  participants: { org_id: string | null; name: string; acronym: string | null; role: ParticipantRole }[];
  outputs: { number: number | null; title: string; description: string | null; score: string | null }[];
  outcome: { statement: string | null; score: string | null } | null;
  language: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

interface OwnedRecord {
  id: string;
  owner_org: OrgRef;
  visibility: Visibility;
  project_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface Review extends OwnedRecord {
  kind: string | null;
  period_label: string | null;
  period_start: string | null;
  period_end: string | null;
  scale: 'uk_annual_review' | 'cssf_numeric' | 'six_point' | null;
  overall_score: string | null;
  outcome_score: string | null;
  risk_rating: string | null;
  output_scores: { number?: number; title?: string; score: string }[];
  progress: { text: string; country?: string }[];
  narrative: string | null;
  document_id: string | null;
}

export interface Evaluation extends OwnedRecord {
  title: string;
  type: string | null;
  independent: boolean | null;
  evaluators: string[];
  methods: string[];
  stakeholders_total: number | null;
  stakeholders_female: number | null;
  stakeholders_male: number | null;
  completed_on: string | null;
  summary: string | null;
  findings: { criterion: string; text: string; rating?: string }[];
  document_id: string | null;
}

export type KeyActionStatus = 'not_started' | 'in_progress' | 'completed' | 'no_longer_applicable';
export type ManagementResponse = 'accepted' | 'partially_accepted' | 'rejected';
export type RecommendationStatus = 'open' | 'in_progress' | 'closed';

export interface KeyAction {
  text: string;
  owner?: string | null;
  due_on?: string | null;
  status: KeyActionStatus | 'overdue';
  completed_on?: string | null;
}

export interface Recommendation extends OwnedRecord {
  source_type: string | null;
  source_id: string | null;
  number: number | null;
  text: string;
  category: string | null;
  addressee: string | null;
  country: string | null;
  management_response: ManagementResponse | null;
  response_text: string | null;
  status: RecommendationStatus;
  key_actions: KeyAction[];
  overdue: boolean;
  history: { status: string; management_response: string | null; note: string | null; changed_at: string }[];
}

export interface Lesson extends OwnedRecord {
  type: 'lesson' | 'good_practice' | string;
  text: string;
  themes: string[];
  countries: string[];
  source_type: string | null;
  source_id: string | null;
}

export type DocumentKind =
  | 'annual_review'
  | 'evaluation'
  | 'meeting_report'
  | 'background_note'
  | 'iati'
  | 'other';

export interface DocumentSummary extends OwnedRecord {
  title: string | null;
  filename: string;
  media_type: string;
  size_bytes: number;
  kind: DocumentKind | null;
  language: string | null;
  status: 'stored' | 'extracted' | 'confirmed' | 'failed';
  text_length: number | null;
  duplicate?: boolean;
}

export interface TacitDocument extends DocumentSummary {
  text: string | null;
}

export interface ImportJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  files_done: number;
  bytes_total: number;
  bytes_done: number;
  activities_read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  error: string | null;
}

export interface CountryRef {
  code: string;
  name: string;
}

export interface ThemeRef {
  slug: string;
  label: string;
  dac_codes: string[];
}
