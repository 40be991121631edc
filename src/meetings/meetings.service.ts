// Meetings: who met, about which projects, with the figures and tools they quoted. Organisations
// are resolved to registered ones where a name, acronym or alias matches; others stay as named.
// The rules of this kind, on top of those every owned record shares (records.service.ts).
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow } from '../records/record-table.ts';
import { recordsService } from '../records/records.service.ts';
import { errors } from '../server/errors.ts';
import { type Filters, meetingsTable } from './meetings.repository.ts';

type OrgInput = { org_id?: string; name?: string; role: string };

export const meetingsService = recordsService<RecordRow, Filters, unknown>(meetingsTable, {
  toResponse: (row) => rowResponse(meetingsTable.columns, row),
  async prepare(tx, _viewer, input) {
    if (!Array.isArray(input.organisations)) return input;
    const organisations = [];
    for (const [i, o] of (input.organisations as OrgInput[]).entries()) {
      const org = o.org_id
        ? await organisationsRepository.findById(tx, o.org_id)
        : await organisationsRepository.findByAnyName(tx, o.name!);
      if (o.org_id && !org)
        throw errors.invalidField(`organisations.${i}.org_id`, 'is not a registered organisation');
      organisations.push({ org_id: org?.id ?? null, name: org?.name ?? o.name!, role: o.role });
    }
    return { ...input, organisations };
  },
});
