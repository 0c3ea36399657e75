import { fileNameFor } from './kinds';
import { isValidId } from './model/ids';

export const TEMPLATE_KINDS = ['journey', 'touchpoints', 'standards'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface TemplateValues {
  id: string;
  title: string;
  /** A persona the new journey scores; the workspace's first persona, or "customer". */
  persona: string;
}

/**
 * Fills a file template. The ID and persona must be valid IDs; the title is written as a quoted
 * YAML string, so any text (colons, "#", quotes, Chinese) stays a title.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  for (const id of [values.id, values.persona]) {
    if (!isValidId(id)) throw new Error(`"${id}" is not a valid ID.`);
  }
  const title = JSON.stringify(values.title.replace(/[\r\n]+/g, ' ').trim() || values.id);
  return template.replace(/\$\{(id|title|persona)\}/g, (_, k: keyof TemplateValues) => (k === 'title' ? title : values[k]));
}

/** `homeowner` → `homeowner.journey.yaml` */
export function templateFileName(kind: TemplateKind, id: string): string {
  return fileNameFor(kind, id);
}
