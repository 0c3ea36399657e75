import journey from '../../../schemas/journey.schema.json';
import touchpoints from '../../../schemas/touchpoints.schema.json';
import standards from '../../../schemas/standards.schema.json';
import personas from '../../../schemas/personas.schema.json';
import config from '../../../schemas/config.schema.json';
import type { DocumentKind } from '../model/kinds';

/** The JSON Schemas that define each document kind; the same files serve yaml-language-server. */
export const SCHEMAS: Record<DocumentKind, object> = { journey, touchpoints, standards, personas, config };
