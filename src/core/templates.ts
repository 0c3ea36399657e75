import { fileNameFor } from './kinds';
import { isValidId } from './model/ids';
import { yamlScalar } from './yaml/scalar';

export const TEMPLATE_KINDS = ['journey', 'touchpoints', 'standards'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface TemplateValues {
  id: string;
  title: string;
  /** A persona the new journey scores; the workspace's first persona, or "customer". */
  persona: string;
}

/**
 * Fills a file template. The ID must be a valid ID (the caller asks for one); a persona taken from
 * the workspace that is not one falls back to "customer". The title is written as a quoted YAML
 * string, so any text (colons, "#", quotes, Chinese) stays a title; an ID that stands alone as a
 * value is quoted where YAML would read it as something else ("2026").
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  if (!isValidId(values.id)) throw new Error(`"${values.id}" is not a valid ID.`);
  const persona = isValidId(values.persona) ? values.persona : 'customer';
  const title = JSON.stringify(values.title.replace(/[\r\n]+/g, ' ').trim() || values.id);
  const raw: Record<string, string> = { id: values.id, persona };
  return template.replace(/\$\{(id|title|persona)\}(?=(-?))/g, (_, k: keyof TemplateValues, suffix: string) => {
    if (k === 'title') return title;
    // "${id}-hotline" is one longer plain scalar: text whatever the ID.
    return suffix ? raw[k]! : yamlScalar(raw[k]!);
  });
}

/** `homeowner` → `homeowner.journey.yaml` */
export function templateFileName(kind: TemplateKind, id: string): string {
  return fileNameFor(kind, id);
}
