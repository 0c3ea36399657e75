#!/usr/bin/env node
// Anchor: yaml-language-server (the engine of Red Hat's YAML extension) with Peakend's schemas,
// configured as the extension associates them (`yamlValidation` in package.json), validating every
// workspace file in turn. Prints one JSON line: files, diagnostics, errors.
//
// Usage: node bench/anchors/yls.mjs <workspace folder>

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';

const root = process.argv[2];
const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');
const KINDS = ['journey', 'touchpoints', 'standards', 'personas', 'config'];
const fileMatch = (k) => (k === 'config' ? ['peakend.yaml', 'peakend.yml'] : [`*.${k}.yaml`, `*.${k}.yml`]);
const kindOf = (name) => (name === 'peakend.yaml' || name === 'peakend.yml' ? 'config' : /\.(journey|touchpoints|standards|personas)\.ya?ml$/.exec(name)?.[1]);

function walk(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && kindOf(e.name)) out.push(p);
  }
  return out;
}

const yls = getLanguageService({
  schemaRequestService: async (uri) => readFileSync(fileURLToPath(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (rel, resource) => new URL(rel, resource).href },
  telemetry: { send() {}, sendTrack() {}, sendError() {} },
});
yls.configure({
  validate: true,
  hover: false,
  completion: false,
  format: false,
  isKubernetes: false,
  customTags: [],
  yamlVersion: '1.2',
  schemas: KINDS.map((k) => ({ uri: pathToFileURL(join(schemaDir, `${k}.schema.json`)).href, fileMatch: fileMatch(k) })),
});

let diagnostics = 0;
let errors = 0;
let version = 0;
const files = walk(root, []);
for (const file of files) {
  const doc = TextDocument.create(pathToFileURL(file).href, 'yaml', ++version, readFileSync(file, 'utf8'));
  const d = await yls.doValidation(doc, false);
  diagnostics += d.length;
  errors += d.filter((x) => x.severity === 1).length;
}
console.log(JSON.stringify({ files: files.length, diagnostics, errors }));
