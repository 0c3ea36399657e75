/** The document kinds Peakend reads, and the format version this release writes and reads. */
export const DOCUMENT_KINDS = ['journey', 'touchpoints', 'standards', 'personas', 'config'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const FORMAT_VERSION = 1;

export function isDocumentKind(v: unknown): v is DocumentKind {
  return typeof v === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(v);
}

/** The kind a file's name announces: `x.journey.yaml` → journey, `peakend.yaml` → config. */
export function kindFromFileName(path: string): DocumentKind | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (base === 'peakend.yaml' || base === 'peakend.yml') return 'config';
  const m = /\.(journey|touchpoints|standards|personas)\.ya?ml$/.exec(base);
  return m ? (m[1] as DocumentKind) : undefined;
}
