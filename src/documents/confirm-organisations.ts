// Confirming a draft's organisations: each extracted name becomes a registered organisation or an
// existing one, or is left out, as the person decided.
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { OrganisationCreate } from '../organisations/organisations.schema.ts';
import { organisationsService } from '../organisations/organisations.service.ts';
import { errors } from '../server/errors.ts';
import type { OrganisationDecision } from './confirm.schema.ts';
import type { Role, Run, Settled } from './confirm-run.ts';

const sameOrganisation = (o: { name: string; acronym?: string }, d: OrganisationDecision) =>
  o.name.toLowerCase() === d.name.toLowerCase() ||
  (!!o.acronym && o.acronym.toLowerCase() === (d.acronym ?? d.name).toLowerCase());

/**
 * The record's organisations as registry ids: a decision if there is one, else the draft's match
 * (or one registered since). Proposed organisations nobody accepted are left out, never created.
 */
export async function settleOrganisations(run: Run, decisions: OrganisationDecision[]) {
  const { tx, viewer } = run;
  const orgs = run.record.organisations ?? [];
  decisions.forEach((d, i) => {
    if (!orgs.some((o) => sameOrganisation(o, d)))
      throw errors.invalidField(`organisations.${i}.name`, `"${d.name}" is not among record.organisations`);
  });
  const settled: Settled[] = [];
  const unnamed: { name: string; role: Role }[] = [];
  for (const org of orgs) {
    const j = decisions.findIndex((d) => sameOrganisation(org, d));
    const decision = decisions[j];
    if (decision?.action === 'skip') {
      run.result.organisations_left_out.push(org.name);
      continue;
    }
    if (decision?.action === 'match') {
      const row = await organisationsRepository.findById(tx, decision.org_id);
      if (!row) throw errors.invalidField(`organisations.${j}.org_id`, 'is not a registered organisation');
      settled.push({ org_id: row.id, name: row.name, role: org.role });
      continue;
    }
    if (decision?.action === 'create') {
      const input = OrganisationCreate.safeParse({
        name: decision.name,
        acronym: decision.acronym ?? org.acronym,
        type: decision.type,
        country: decision.country,
      });
      if (!input.success)
        throw errors.invalidField(`organisations.${j}`, input.error.issues[0]?.message ?? 'is not valid');
      const created = await organisationsService.createIn(tx, viewer, input.data);
      run.result.created.organisations.push(created.id);
      settled.push({ org_id: created.id, name: created.name, role: org.role });
      continue;
    }
    const row =
      (org.id ? await organisationsRepository.findById(tx, org.id) : undefined) ??
      (await organisationsRepository.findByAnyName(tx, org.name)) ??
      (org.acronym ? await organisationsRepository.findByAnyName(tx, org.acronym) : undefined);
    if (row) settled.push({ org_id: row.id, name: row.name, role: org.role });
    else {
      unnamed.push({ name: org.name, role: org.role });
      run.result.organisations_left_out.push(org.name);
    }
  }
  return { settled, unnamed };
}

/** Updates the project named (or the owner's project with the record's code), else creates one. */
