// Shapes of the Tacit JSON API as the web app reads them, taken from the API's own zod schemas
// (src/**/*.schema.ts), so there is one declaration. Every import here is `import type`: the build
// erases it, and nothing of the server (zod included) reaches the bundle.
import type { z } from 'zod';
import type {
  Assessment as AssessmentSchema,
  AssessmentSummary as AssessmentSummarySchema,
  Comparison as ComparisonSchema,
  Prefill as PrefillSchema,
} from '../../../src/assessments/assessments.schema.ts';
import type { AuditEntry as AuditEntrySchema } from '../../../src/audit/audit.schema.ts';
import type { Me as MeSchema, Role as RoleSchema } from '../../../src/auth/auth.schema.ts';
import type {
  GapsResponse as GapsResponseSchema,
  MapResponse as MapResponseSchema,
  MatrixResponse as MatrixResponseSchema,
  Overlap as OverlapSchema,
  SummaryResponse,
  TimelineResponse as TimelineResponseSchema,
} from '../../../src/coordination/coordination.schema.ts';
import type { CountryBrief as CountryBriefSchema } from '../../../src/countries/countries.schema.ts';
import type {
  ConfirmReply as ConfirmReplySchema,
  DocumentExtraction as DocumentExtractionSchema,
  UploadReply as UploadReplySchema,
} from '../../../src/documents/confirm.schema.ts';
import type {
  Document as DocumentSchema,
  DocumentSummary as DocumentSummarySchema,
} from '../../../src/documents/documents.schema.ts';
import type { CriteriaPortfolio as CriteriaPortfolioSchema } from '../../../src/evaluations/criteria.schema.ts';
import type { Evaluation as EvaluationSchema } from '../../../src/evaluations/evaluations.schema.ts';
import type { ImportJob as ImportJobSchema } from '../../../src/iati/iati.schema.ts';
import type {
  Instrument as InstrumentSchema,
  InstrumentSummary as InstrumentSummarySchema,
} from '../../../src/instruments/instruments.schema.ts';
import type { Lesson as LessonSchema } from '../../../src/lessons/lessons.schema.ts';
import type {
  MemberAdded as MemberAddedSchema,
  Member as MemberSchema,
} from '../../../src/members/members.schema.ts';
import type { MergeResult as MergeResultSchema } from '../../../src/merges/merges.schema.ts';
import type {
  DuplicateCandidates as DuplicateCandidatesSchema,
  Organisation as OrganisationSchema,
} from '../../../src/organisations/organisations.schema.ts';
import type {
  ProjectListItem as ProjectListItemSchema,
  Project as ProjectSchema,
} from '../../../src/projects/projects.schema.ts';
import type { OrganisationQuality as OrganisationQualitySchema } from '../../../src/quality/quality.schema.ts';
import type { ImplementationRate as ImplementationRateSchema } from '../../../src/recommendations/follow-up.schema.ts';
import type {
  KeyActionStatus as KeyActionStatusSchema,
  ManagementResponse as ManagementResponseSchema,
  Recommendation as RecommendationSchema,
  RecommendationStatus as RecommendationStatusSchema,
} from '../../../src/recommendations/recommendations.schema.ts';
import type { RecurringGroups as RecurringGroupsSchema } from '../../../src/recurring/recurring.schema.ts';
import type {
  ReferenceItem,
  ReferenceLists,
  ReferenceTheme,
} from '../../../src/reference/reference.schema.ts';
import type {
  DigestPreferences as DigestPreferencesSchema,
  Digest as DigestSchema,
  LinkedAction as LinkedActionSchema,
} from '../../../src/reminders/reminders.schema.ts';
import type { Review as ReviewSchema } from '../../../src/reviews/reviews.schema.ts';
import type {
  ProjectScores as ProjectScoresSchema,
  ScoreFlag as ScoreFlagSchema,
  ScorePortfolio as ScorePortfolioSchema,
} from '../../../src/scores/scores.schema.ts';
import type { FacetValue as FacetValueType, SearchResponse } from '../../../src/search/search.schema.ts';
import type {
  listOf,
  RecordVisibility as RecordVisibilitySchema,
  Visibility as VisibilitySchema,
} from '../../../src/server/schemas.ts';
import type {
  ApiToken as ApiTokenSchema,
  TokenCreated as TokenCreatedSchema,
} from '../../../src/tokens/tokens.schema.ts';
import type {
  DeletedRecord as DeletedRecordSchema,
  TrashPage as TrashPageSchema,
} from '../../../src/trash/trash.schema.ts';

/** A value as JSON.stringify sends it: a Date in a response schema arrives as an ISO string. */
type Json<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Json<U>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

/** What the web app receives for a response schema. */
type Reply<S extends z.ZodType> = Json<z.output<S>>;

export type Visibility = z.output<typeof VisibilitySchema>;
export type RecordVisibility = z.output<typeof RecordVisibilitySchema>;
export type Role = z.output<typeof RoleSchema>;
export type Me = Reply<typeof MeSchema>;

/** One page of a list endpoint (listOf in src/server/schemas.ts). */
export type Page<T> = Omit<Reply<ReturnType<typeof listOf>>, 'items'> & { items: T[] };

export type Organisation = Reply<typeof OrganisationSchema>;
export type OrganisationDuplicates = Reply<typeof DuplicateCandidatesSchema>;
export type MergeResult = Reply<typeof MergeResultSchema>;
export type Project = Reply<typeof ProjectSchema>;
export type ProjectListItem = Reply<typeof ProjectListItemSchema>;
export type OrganisationQuality = Reply<typeof OrganisationQualitySchema>;

export type Review = Reply<typeof ReviewSchema>;
export type Evaluation = Reply<typeof EvaluationSchema>;
export type Lesson = Reply<typeof LessonSchema>;

export type KeyActionStatus = z.output<typeof KeyActionStatusSchema>;
export type ManagementResponse = z.output<typeof ManagementResponseSchema>;
export type RecommendationStatus = z.output<typeof RecommendationStatusSchema>;
export type Recommendation = Reply<typeof RecommendationSchema>;
export type RecurringGroups = Reply<typeof RecurringGroupsSchema>;
export type KeyAction = Recommendation['key_actions'][number];

export type DocumentSummary = Reply<typeof DocumentSummarySchema>;
export type TacitDocument = Reply<typeof DocumentSchema>;
export type UploadReply = Reply<typeof UploadReplySchema>;
export type DocumentExtraction = Reply<typeof DocumentExtractionSchema>;
export type ExtractionRecord = NonNullable<DocumentExtraction['draft']>['record'];
export type ConfirmReply = Reply<typeof ConfirmReplySchema>;

export type CountryRef = Reply<typeof ReferenceItem>;
export type ThemeRef = Reply<typeof ReferenceTheme>;
export type ReferenceListsRef = Reply<typeof ReferenceLists>;

export type SearchResult = Reply<typeof SearchResponse>;
export type SearchHit = SearchResult['items'][number];
export type FacetValue = FacetValueType;
export type FacetName = keyof SearchResult['facets'];

export type RegistrySummary = Reply<typeof SummaryResponse>;
export type Overlap = Reply<typeof OverlapSchema>;
export type MatrixResult = Reply<typeof MatrixResponseSchema>;
export type GapsResult = Reply<typeof GapsResponseSchema>;
export type TimelineResult = Reply<typeof TimelineResponseSchema>;
export type MapResult = Reply<typeof MapResponseSchema>;
export type CountryBrief = Reply<typeof CountryBriefSchema>;

export type Member = Reply<typeof MemberSchema>;
export type MemberAdded = Reply<typeof MemberAddedSchema>;
export type ApiToken = Reply<typeof ApiTokenSchema>;
export type TokenCreated = Reply<typeof TokenCreatedSchema>;
export type AuditEntry = Reply<typeof AuditEntrySchema>;
export type DeletedRecord = Reply<typeof DeletedRecordSchema>;
export type TrashPage = Reply<typeof TrashPageSchema>;

/** An IATI import's progress (POST /imports/iati, GET /imports/iati/{id}). */
export type ImportJob = Reply<typeof ImportJobSchema>;

export type ProjectScores = Reply<typeof ProjectScoresSchema>;
export type ScoreFlag = Reply<typeof ScoreFlagSchema>;
export type ScorePortfolio = Reply<typeof ScorePortfolioSchema>;
export type ImplementationRate = Reply<typeof ImplementationRateSchema>;
export type CriteriaPortfolio = Reply<typeof CriteriaPortfolioSchema>;
export type Digest = Reply<typeof DigestSchema>;
export type DigestPreferences = Reply<typeof DigestPreferencesSchema>;
export type LinkedAction = Reply<typeof LinkedActionSchema>;
export type InstrumentSummary = Reply<typeof InstrumentSummarySchema>;
export type Instrument = Reply<typeof InstrumentSchema>;
export type Assessment = Reply<typeof AssessmentSchema>;
export type AssessmentSummary = Reply<typeof AssessmentSummarySchema>;
export type AssessmentPrefill = Reply<typeof PrefillSchema>;
export type AssessmentComparison = Reply<typeof ComparisonSchema>;
