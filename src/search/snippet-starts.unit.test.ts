import { describe, expect, it } from 'vitest';
import { snippetStarts } from './search.repository.ts';

describe('snippetStarts', () => {
  it('looks for each stem at the start of a word, less its last letter, accents allowed', () => {
    expect(snippetStarts("'polici'")).toBe('\\m(?:p[oòóôõöøOÒÓÔÕÖØ]l[iìíîïIÌÍÎÏ][cçCÇ])');
    // Short stems are kept whole; the same beginning is looked for once.
    expect(snippetStarts("'nca' | 'peru' | 'peru'")).toBe(
      '\\m(?:[nñNÑ][cçCÇ][aàáâãäåAÀÁÂÃÄÅ]|p[eèéêëEÈÉÊË]r[uùúûüUÙÚÛÜ])',
    );
  });

  it('escapes what a regular expression would read as an operator', () => {
    expect(snippetStarts("'covid-19' & 'h.r'")).toBe('\\m(?:[cçCÇ][oòóôõöøOÒÓÔÕÖØ]v[iìíîïIÌÍÎÏ]d\\-1|h\\.r)');
    expect(snippetStarts("'o''brien'")).toBe("\\m(?:[oòóôõöøOÒÓÔÕÖØ]'br[iìíîïIÌÍÎÏ][eèéêëEÈÉÊË])");
  });
});
