// Response shapes of /api/v1/reference: the controlled vocabularies, labelled in one language.
import { z } from 'zod';

/** A country or a currency: its code and its name. */
export const ReferenceItem = z.object({ code: z.string(), name: z.string() });

export const ReferenceTheme = z.object({
  slug: z.string(),
  label: z.string(),
  dac_codes: z.array(z.string()),
});

export const ReferenceDacCode = ReferenceItem.extend({ category: z.string().nullable() });

/** The fixed lists a form offers, as the server checks them (their labels are the web app's words). */
export const ReferenceLists = z.object({
  six_point: z.array(z.string()).describe('The six-point rating scale of evaluation findings, best first'),
  six_point_weak: z
    .array(z.string())
    .describe(
      'Its lower half (moderately unsatisfactory or below): what the criteria portfolio counts as weak',
    ),
  evaluation_criteria: z.array(z.string()).describe('The criteria an evaluation finding is about'),
  organisation_types: z.array(z.string()).describe('The types of organisation in the directory'),
});
