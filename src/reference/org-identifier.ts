// IATI organisation identifiers and types, checked against the codelists shipped in reference/:
// an identifier is {registration agency}-{number issued by that agency}, e.g. XM-DAC-41146.
import path from 'node:path';
import { REFERENCE_DIR } from '../paths.ts';
import { readCodelist } from './codelist.ts';

const read = new Map<string, string[]>();
const codes = (name: string): string[] => {
  let list = read.get(name);
  if (!list) {
    list = readCodelist(path.join(REFERENCE_DIR, 'codelists', `${name}.xml`)).map((i) => i.code);
    read.set(name, list);
  }
  return list;
};

/** What is wrong with an IATI organisation identifier, or undefined when it is well formed. */
export function orgIdentifierProblem(ref: string): string | undefined {
  if (/[\s/?#&|%]/.test(ref)) return 'must not contain spaces or any of / ? # & | %';
  // Agency codes contain a hyphen themselves (XM-DAC), so the longest one the identifier starts with wins.
  const agency = codes('OrganisationRegistrationAgency')
    .filter((code) => ref.startsWith(`${code}-`) && ref.length > code.length + 1)
    .sort((a, b) => b.length - a.length)[0];
  if (!agency)
    return 'must be {registration agency}-{number}, the agency a code of the IATI OrganisationRegistrationAgency codelist (e.g. XM-DAC-41146, GB-CHC-1234567)';
  return undefined;
}

/** Whether a code is an IATI OrganisationType (10 government, 40 multilateral, 21 international NGO …). */
export function isOrgType(code: string): boolean {
  return codes('OrganisationType').includes(code);
}
