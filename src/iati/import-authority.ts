// Which activities an IATI upload may write. The file's reporting-org @ref is the uploader's word
// only, so an upload made for an organisation may create or update an activity only under a
// publisher ref a network administrator verified for that organisation, or update a project the
// organisation already owns. An existing project the uploader may not see is treated as if it
// were missing, so the answer never tells it apart from an identifier nobody holds: under a
// verified ref the activity is created as the uploader's own (import keys are unique per
// publisher, migration 110), as it would be for an unused identifier.
import type { ExistingActivity } from './iati.repository.ts';
import type { PreparedActivity } from './prepare.ts';

export interface UploaderAuthority {
  /** The organisation the upload is made for: it owns what the upload creates. */
  orgId: string;
  /** Publisher refs verified for that organisation (organisation_publisher_refs). */
  verifiedRefs: ReadonlySet<string>;
}

export interface Refusal {
  rule: 'publisher-not-verified' | 'not-owner' | 'in-trash';
  message: string;
}

/**
 * The project an incoming activity is about, among those holding its identifier. For an upload:
 * its organisation's own project, else an imported activity it may see or that its publisher
 * published (import keys are unique per publisher); other organisations' own records that carry
 * the identifier, and their hidden activities of other publishers, are answered as missing, so the
 * upload creates its organisation's project beside them. For the operator's import: the imported
 * activity of the same publisher, else any imported activity, else a project its publisher owns,
 * else any holder (reported as a duplicate when its publisher differs).
 */
export function matchExisting(
  holders: ExistingActivity[],
  p: Pick<PreparedActivity, 'publisher'>,
  authority: UploaderAuthority | undefined,
): ExistingActivity | undefined {
  if (authority)
    return (
      holders.find((h) => h.owner_org_id === authority.orgId) ??
      holders.find((h) => h.import_key !== null && h.visible) ??
      holders.find((h) => h.import_key !== null && h.publisher === p.publisher)
    );
  return (
    holders.find((h) => h.import_key !== null && h.publisher === p.publisher) ??
    holders.find((h) => h.import_key !== null) ??
    holders.find((h) => h.publisher === p.publisher) ??
    holders[0]
  );
}

/**
 * Why the activity may not be written for this uploader (none: the operator's import), or
 * undefined when it may. A project in the trash is never written: an import would otherwise bring
 * it back unasked, or update what its owner removed. Its owner (and the operator) are told to
 * restore it first; anyone else gets the answer they would get for a hidden project (an update
 * under the same verified publisher is written into it, and it stays in the trash).
 */
export function refusalFor(
  authority: UploaderAuthority | undefined,
  p: Pick<PreparedActivity, 'identifier' | 'publisher'>,
  old: ExistingActivity | undefined,
): Refusal | undefined {
  if (old?.deleted && (!authority || old.owner_org_id === authority.orgId)) return inTrash(p, old);
  if (!authority) return undefined;
  const verified = p.publisher !== null && authority.verifiedRefs.has(p.publisher);
  const samePublisher = old !== undefined && old.publisher === p.publisher;
  if (old?.visible) {
    if (old.owner_org_id === authority.orgId || (verified && samePublisher)) return undefined;
    return {
      rule: 'not-owner',
      message:
        `not written: the project with iati-identifier "${p.identifier}" belongs to another organisation, ` +
        `and ${p.publisher ? `reporting-org ref "${p.publisher}"` : 'this activity, which has no reporting-org ref,'} ` +
        'is not verified for yours [rule: not-owner]',
    };
  }
  // A hidden `old` is only ever one of the same publisher (matchExisting): its verified publisher
  // updates it, anyone else is refused exactly as for an identifier nobody holds.
  // A deleted one is no different to them: their verified publisher's update is written into it and
  // it stays in the trash, exactly as for a hidden one, so nothing tells them it was deleted.
  return verified ? undefined : unverified(p.publisher);
}

function inTrash(p: Pick<PreparedActivity, 'identifier'>, old: ExistingActivity): Refusal {
  return {
    rule: 'in-trash',
    message:
      `not written: the project with iati-identifier "${p.identifier}" (${old.project_id}) is in the trash; ` +
      `restore it first (POST /api/v1/trash/project/${old.project_id}/restore, or the deleted records page), ` +
      'then import again [rule: in-trash]',
  };
}

function unverified(publisher: string | null): Refusal {
  const how =
    'a network administrator verifies an organisation\'s refs (POST /api/v1/organisations/{id}/publisher-refs, or "tacit org verify-publisher")';
  return {
    rule: 'publisher-not-verified',
    message: publisher
      ? `not written: reporting-org ref "${publisher}" is not verified for your organisation; ${how} [rule: publisher-not-verified]`
      : `not written: the activity has no reporting-org ref; send the "publisher" field with a ref verified for your organisation (${how}) [rule: publisher-not-verified]`,
  };
}
