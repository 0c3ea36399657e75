/** The document kinds Peakend reads (their files, schemas and extractors: ../kinds.ts), and the format version this release writes and reads. */
export const DOCUMENT_KINDS = ['journey', 'touchpoints', 'standards', 'personas', 'config'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const FORMAT_VERSION = 1;

export function isDocumentKind(v: unknown): v is DocumentKind {
  return typeof v === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(v);
}
