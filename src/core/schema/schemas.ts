import { KINDS } from '../kinds';
import type { DocumentKind } from '../model/kinds';

/** The JSON Schemas that define each document kind; the same files serve yaml-language-server. */
export const SCHEMAS = Object.fromEntries(Object.entries(KINDS).map(([kind, spec]) => [kind, spec.schema])) as Record<DocumentKind, object>;
