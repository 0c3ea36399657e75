import type { YAMLMap } from 'yaml';
import journeySchema from '../../schemas/journey.schema.json';
import touchpointsSchema from '../../schemas/touchpoints.schema.json';
import standardsSchema from '../../schemas/standards.schema.json';
import personasSchema from '../../schemas/personas.schema.json';
import configSchema from '../../schemas/config.schema.json';
import type { PeakendConfig } from './config/config';
import type { Extractor } from './model/extract';
import { readScale } from './model/scale';
import type { DocumentKind } from './model/kinds';
import type { FileModel } from './model/types';

/** How a kind's files are written; each format has its file extensions. */
export type FileFormat = 'yaml';

export const FORMAT_EXTENSIONS: Record<FileFormat, readonly string[]> = { yaml: ['.yaml', '.yml'] };

export interface KindSpec {
  format: FileFormat;
  /** File names that announce the kind by their ending (`x.journey.yaml`), compared without letter case. */
  endings: readonly string[];
  /** Whole file names that announce the kind (`peakend.yaml`), compared without letter case. */
  names: readonly string[];
  /** The JSON Schema of the kind; the same file (schemas/<kind>.schema.json) serves yaml-language-server. */
  schema: object;
  /** Reads the kind's entities out of a parsed document into its file model. */
  extract(x: Extractor, root: YAMLMap, model: FileModel, config: PeakendConfig): void;
}

/**
 * The one table of document kinds. The include globs, the config file names, the file-name → kind
 * mapping, template file names and the extension's activation, selector and file watching derive
 * from it; test/core/kinds.test.ts holds package.json to it.
 */
export const KINDS: Readonly<Record<DocumentKind, KindSpec>> = {
  journey: {
    format: 'yaml',
    endings: ['.journey.yaml', '.journey.yml'],
    names: [],
    schema: journeySchema,
    extract(x, root, model, config) {
      const def = x.def('journey', root, 'title');
      if (def) model.def = def;
      const own = readScale((model.value as { scale?: unknown } | null)?.scale).scale;
      model.journey = x.journey(root, own ?? config.scale, model.def?.id);
    },
  },
  touchpoints: {
    format: 'yaml',
    endings: ['.touchpoints.yaml', '.touchpoints.yml'],
    names: [],
    schema: touchpointsSchema,
    extract(x, root, model) {
      const def = x.def('inventory', root, 'title');
      if (def) model.def = def;
      model.touchpoints = x.touchpoints(root);
      listEnd(x, root, model, 'touchpoints');
    },
  },
  standards: {
    format: 'yaml',
    endings: ['.standards.yaml', '.standards.yml'],
    names: [],
    schema: standardsSchema,
    extract(x, root, model) {
      const def = x.def('standards-set', root, 'title');
      if (def) model.def = def;
      model.standards = x.standards(root);
      listEnd(x, root, model, 'standards');
    },
  },
  personas: {
    format: 'yaml',
    endings: ['.personas.yaml', '.personas.yml'],
    names: [],
    schema: personasSchema,
    extract(x, root, model) {
      model.personas = x.personas(root);
      listEnd(x, root, model, 'personas');
    },
  },
  config: {
    format: 'yaml',
    endings: [],
    names: ['peakend.yaml', 'peakend.yml'],
    schema: configSchema,
    extract(x, root, model) {
      model.ruleSettings = x.ruleSettings(root);
    },
  },
};

function listEnd(x: Extractor, root: YAMLMap, model: FileModel, key: string): void {
  const end = x.listEnd(root, key);
  if (end) model.listEnd = end;
}

const ENTRIES = Object.entries(KINDS) as [DocumentKind, KindSpec][];

/** The kind a file's name announces: `x.journey.yaml` → journey, `peakend.yaml` → config. */
export function kindFromFileName(path: string): DocumentKind | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  for (const [kind, spec] of ENTRIES) {
    if (spec.names.includes(base) || spec.endings.some((e) => base.endsWith(e))) return kind;
  }
  return undefined;
}

/** Globs of the files a kind's name announces, below any folder: `**∕*.journey.yaml`, `**∕peakend.yaml`. */
export function kindGlobs(kind: DocumentKind): string[] {
  const spec = KINDS[kind];
  return [...spec.endings.map((e) => `**/*${e}`), ...spec.names.map((n) => `**/${n}`)];
}

/** Every kind's globs, in table order: what the extension activates on and serves. */
export const KIND_GLOBS: readonly string[] = ENTRIES.flatMap(([kind]) => kindGlobs(kind));

/** The globs of files that join a workspace by their ending (config files are found by name instead). */
export const ENDING_GLOBS: readonly string[] = ENTRIES.flatMap(([, spec]) => spec.endings.map((e) => `**/*${e}`));

/** The file names of the workspace config. */
export const CONFIG_NAMES: readonly string[] = KINDS.config.names;

/** Every extension a kind's file may have (`.yaml`, `.yml`): what the extension watches on disk. */
export const KIND_EXTENSIONS: readonly string[] = [...new Set(ENTRIES.flatMap(([, spec]) => FORMAT_EXTENSIONS[spec.format]))];

/** The name a new file of the kind gets: `homeowner` → `homeowner.journey.yaml`. */
export function fileNameFor(kind: DocumentKind, id: string): string {
  const spec = KINDS[kind];
  return spec.endings.length ? `${id}${spec.endings[0]}` : spec.names[0]!;
}
