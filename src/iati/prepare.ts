// The CPU half of an IATI import: reads a file and turns each activity into what the writer
// needs — validated, mapped, its source hashed and gzipped — with the issues found on
// the way. It touches no database, so it runs in a worker thread (prepare-worker.ts) while the
// main thread writes the batch before.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readActivity } from './activity.ts';
import { type ActivityRows, activityRows } from './activity-rows.ts';
import { type MappedProject, mapActivity, type OrgCandidate, orgCandidate } from './map.ts';
import { type ReadActivity, readIatiActivities } from './reader.ts';
import { hasErrors, type ValidationIssue, validateActivitiesRoot, validateActivity } from './validate.ts';
import type { XmlElement } from './xml.ts';

export interface ImportIssue {
  file: string;
  /** Position of the activity in its file (from 0); absent for file-level issues. */
  activity?: number;
  identifier?: string;
  severity: 'error' | 'warning';
  rule: string;
  element?: string;
  message: string;
}

/** An activity ready to write: what the writer decides on, and its rows as JSON text. */
export interface PreparedActivity {
  /** The iati-identifier, or 'sha256:<hash>' when the publisher left it empty. */
  key: string;
  identifier: string;
  /** The reporting-org ref: the same identifier from another publisher is not merged. */
  publisher: string | null;
  lastUpdated?: string;
  /** Hash of the source as the file has it: an unchanged activity is not written again. */
  hash: string;
  /** The reporting organisation, which owns the project. */
  owner: OrgCandidate;
  participants: MappedProject['participants'];
  /** Mapping warnings, reported only if the activity is written. */
  warnings: string[];
  rows: ActivityRows;
  file: string;
  index: number;
}

/** What one stretch of a file gave: its activities in file order, and the issues found in them. */
export interface PreparedChunk {
  file: string;
  activities: PreparedActivity[];
  issues: ImportIssue[];
  read: number;
  rejected: number;
  /** True on a file's last chunk. */
  fileDone: boolean;
}

export interface PrepareOptions {
  /** Expected reporting-org ref: other publishers' activities are rejected; missing refs get it. */
  publisher?: string;
  /** Activities per chunk at most. */
  chunkSize?: number;
  /** The name to report the file by (an upload's own name), when not the file's. */
  name?: string;
}

/** Reads one file in chunks of prepared activities; a malformed file ends with its issue. */
export async function* prepareFile(
  file: string,
  options: PrepareOptions = {},
): AsyncGenerator<PreparedChunk> {
  const name = options.name || path.basename(file);
  const chunkSize = options.chunkSize ?? 100;
  let chunk = emptyChunk(name);
  let rootErrors = false;
  /** Complete activities read from this file. */
  let count = 0;
  const onRoot = (root: XmlElement) => {
    const issues = validateActivitiesRoot(root);
    for (const v of issues) chunk.issues.push(fromValidation(name, undefined, undefined, v));
    rootErrors = hasErrors(issues);
  };
  try {
    for await (const read of readIatiActivities(file, { onRoot })) {
      chunk.read++;
      count++;
      const prepared = prepareActivity(read, name, rootErrors, options.publisher, chunk.issues);
      if (prepared) chunk.activities.push(prepared);
      else chunk.rejected++;
      if (chunk.read >= chunkSize) {
        yield chunk;
        chunk = emptyChunk(name);
      }
    }
  } catch (err) {
    // A malformed or truncated file stops where it breaks: the activities before are imported
    // (batches commit as they go), and the issue says where it broke; the importer ends the job
    // as failed with this message.
    // A file with no complete activity is simply not IATI XML; one that breaks off later says where.
    // The file is named by the issue's `file`, not in its message, so it is printed once.
    const reason = (err as Error).message;
    chunk.issues.push(
      count === 0
        ? { file: name, severity: 'error', rule: 'well-formed', message: reason }
        : {
            file: name,
            activity: count,
            severity: 'error',
            rule: 'well-formed',
            message:
              `breaks off at activity #${count}, after ${count} complete activities (${reason}): ` +
              'the activities before were imported, nothing after was read. The file is truncated or damaged; upload it whole again.',
          },
    );
  }
  chunk.fileDone = true;
  yield chunk;
}

const emptyChunk = (file: string): PreparedChunk => ({
  file,
  activities: [],
  issues: [],
  read: 0,
  rejected: 0,
  fileDone: false,
});

/** The activity ready to write, or undefined when it is rejected (its issues say why). */
function prepareActivity(
  read: ReadActivity,
  file: string,
  rootErrors: boolean,
  publisher: string | undefined,
  out: ImportIssue[],
): PreparedActivity | undefined {
  const reject = (issue?: Omit<ImportIssue, 'file' | 'activity' | 'severity'>) => {
    if (issue) out.push({ file, activity: read.index, severity: 'error', ...issue });
    return undefined;
  };
  // 1.0x files (and bare <iati-activity> documents, which have no version) predate the 2.03 schema.
  const legacy = read.version === '' || read.version.startsWith('1.');
  const issues = legacy ? [] : validateActivity(read.element);
  const activity = readActivity(read.element, read.version);
  for (const v of issues) out.push(fromValidation(file, read.index, activity.identifier, v));
  if (legacy && !activity.identifier) {
    return reject({
      rule: 'minOccurs=1',
      element: 'iati-activity/iati-identifier',
      message: 'iati-activity: an activity must have an iati-identifier [rule: minOccurs=1]',
    });
  }
  if (rootErrors || hasErrors(issues)) return reject();
  if (publisher) {
    if (!activity.reportingOrg.ref) activity.reportingOrg.ref = publisher;
    else if (activity.reportingOrg.ref !== publisher) {
      return reject({
        identifier: activity.identifier,
        rule: 'publisher',
        element: 'iati-activity/reporting-org',
        message: `reporting-org @ref "${activity.reportingOrg.ref}" is not the expected publisher "${publisher}" [rule: publisher]`,
      });
    }
  }
  // The activity as the file has it (serialising the tree again cost as much as parsing it),
  // encoded once for both the hash and gzip (each would otherwise encode the string itself).
  const xml = Buffer.from(read.source);
  const hash = createHash('sha256').update(xml).digest('hex');
  const key = activity.identifier || `sha256:${hash}`;
  const mapped = mapActivity(activity);
  return {
    key,
    identifier: activity.identifier,
    publisher: activity.reportingOrg.ref ?? null,
    lastUpdated: activity.lastUpdated,
    hash,
    owner: orgCandidate(activity.reportingOrg, activity.lang, true) ?? {
      name: 'Unknown IATI publisher',
      type: 'other',
    },
    participants: mapped.participants,
    warnings: mapped.warnings,
    rows: activityRows(activity, mapped, {
      key,
      gzBase64: gzipSync(xml, { level: 3 }).toString('base64'),
      hash,
      file,
    }),
    file,
    index: read.index,
  };
}

export function fromValidation(
  file: string,
  activity: number | undefined,
  identifier: string | undefined,
  v: ValidationIssue,
): ImportIssue {
  return {
    file,
    activity,
    identifier: identifier || undefined,
    severity: v.severity,
    rule: v.rule,
    element: v.element,
    message: v.message,
  };
}
