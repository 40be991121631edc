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
