import type { TextModel } from '../text-model.ts';

export type DocumentFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export interface ReadResult {
  format: DocumentFormat;
  /** Character encoding of the source for text formats; null where the container fixes it. */
  encoding: string | null;
  model: TextModel;
}
