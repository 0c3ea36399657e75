/** The engine's public surface: what the CLI and the extension may use. */
export * from './finding';
export type { Host } from './host';
export { analyzeFile, type FileInput } from './analyze';
export { Workspace } from './workspace/workspace';
export { WorkspaceIndex } from './workspace/index';
export { openWorkspace, checkPaths, loadConfig, discoverFiles, findConfigFile, readInput } from './workspace/load';
export { defaultConfig, resolveConfig, type PeakendConfig, DEFAULT_INCLUDE } from './config/config';
export { RULES, ruleMeta, type RuleMeta } from './rules/meta';
export { renderMessage, localizeFinding, toLanguage, type Language } from './messages/render';
export { DOCUMENT_KINDS, FORMAT_VERSION, kindFromFileName, type DocumentKind } from './model/kinds';
export { applies, coverage } from './model/coverage';
export type * from './model/types';
export { SCHEMAS } from './schema/schemas';
export { ID_PATTERN, isValidId } from './model/ids';
