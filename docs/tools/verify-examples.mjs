#!/usr/bin/env node
// Verifies the examples in Peakend's docs against the real CLI, and refreshes the outputs shown.
//
//   node docs/tools/verify-examples.mjs            # check: exit 1 if any shown output differs
//   node docs/tools/verify-examples.mjs --update   # rewrite the outputs shown in the docs
//   node docs/tools/verify-examples.mjs --keep     # leave the workspaces in $TMPDIR/peakend-docs
//
// Needs iconv (for the GBK example) and, when run as root, setpriv (checks run as "nobody" so
// that the unreadable-file example is really unreadable).
// Build first (node scripts/build.mjs). The docs mark their examples with HTML comments, which
// Markdown renderers hide:
//   <!-- file: WS/path [encoding=gbk|utf16le] -->   the fenced block below is the file WS/path
//   <!-- setup: WS $ shell command -->              run in WS after its files are written
//   <!-- check: WS [args…] -->                      the fenced block below is the output of
//                                                   `peakend check --no-color [args…]` run in WS
//   <!-- analyze: WS [args…] -->                    the same for `peakend analyze --no-color [args…]`
//   <!-- fixes: WS [rule-id] | title | title … -->  the quick-fix titles the findings in WS (of that
//                                                   rule) offer, in order
// Each WS is a temporary workspace folder under the system temp folder; it is deleted afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = resolve(docsDir, '..', 'bin', 'peakend.js');
const update = process.argv.includes('--update');
const keep = process.argv.includes('--keep');
const tmp = process.env.TMPDIR ?? '/tmp';
// A folder of its own for each run, so that two runs at once never delete each other's workspaces.
const root = keep ? join(tmp, 'peakend-docs') : mkdtempSync(join(tmp, 'peakend-docs-'));
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

const mdFiles = [join(docsDir, 'formats.md'), join(docsDir, 'analysis.md')].filter((f) => existsSync(f)).concat(...readdirSync(join(docsDir, 'rules')).filter((f) => f.endsWith('.md')).map((f) => join(docsDir, 'rules', f)));

if (keep) {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
}
chmodSync(root, 0o755);

/** Reads the fenced block that starts at or after line i; returns its content and line span. */
function fenceAfter(lines, i) {
  let start = i;
  while (start < lines.length && lines[start].trim() === '') start++;
  const m = /^(\s*)(`{3,})/.exec(lines[start] ?? '');
  if (!m) throw new Error(`expected a fenced block at line ${start + 1}`);
  let end = start + 1;
  while (end < lines.length && !lines[end].startsWith(m[1] + m[2])) end++;
  const body = lines.slice(start + 1, end).map((l) => (l.startsWith(m[1]) ? l.slice(m[1].length) : l));
  return { start, end, text: body.join('\n') + '\n' };
}

const docs = mdFiles.map((path) => ({ path, lines: readFileSync(path, 'utf8').split('\n'), checks: [], fixes: [] }));
const setups = [];
const seenFiles = new Map();

for (const doc of docs) {
  doc.lines.forEach((line, i) => {
    let m;
    if ((m = /^\s*<!-- file: (\S+?)\/(\S+)(?: encoding=(\w+))? -->/.exec(line))) {
      const [, ws, rel, encoding] = m;
      const { text } = fenceAfter(doc.lines, i + 1);
      const key = `${ws}/${rel}`;
      if (seenFiles.has(key) && seenFiles.get(key) !== text) throw new Error(`${doc.path}:${i + 1}: ${key} is shown twice with different content`);
      seenFiles.set(key, text);
      const target = join(root, ws, rel);
      mkdirSync(dirname(target), { recursive: true });
      let bytes;
      if (encoding === 'gbk') bytes = execFileSync('iconv', ['-f', 'utf-8', '-t', 'gbk'], { input: text });
      else if (encoding === 'utf16le') bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      else bytes = Buffer.from(text, 'utf8');
      writeFileSync(target, bytes);
    } else if ((m = /^\s*<!-- setup: (\S+) \$ (.*) -->/.exec(line))) {
      setups.push({ ws: m[1], command: m[2] });
    } else if ((m = /^\s*<!-- (check|analyze): (\S+)((?: \S+)*) -->/.exec(line))) {
      const fence = fenceAfter(doc.lines, i + 1);
      doc.checks.push({ command: m[1], ws: m[2], args: m[3].trim() ? m[3].trim().split(' ') : [], ...fence, at: i + 1 });
    } else if ((m = /^\s*<!-- fixes: (\S+)(?: ([a-z][a-z0-9-]*))?((?: \| [^|]+?)*) -->/.exec(line))) {
      doc.fixes.push({ ws: m[1], rule: m[2], titles: m[3].split(' | ').map((s) => s.trim()).filter(Boolean), at: i + 1 });
    }
  });
}

// Let an unprivileged user read everything, so that `chmod 000` in a setup really makes a file unreadable.
spawnSync('chmod', ['-R', 'a+rX', root]);
for (const s of setups) {
  mkdirSync(join(root, s.ws), { recursive: true });
  const r = spawnSync('bash', ['-c', s.command], { cwd: join(root, s.ws), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`setup in ${s.ws} failed: ${r.error ?? r.stderr}`);
}

const env = { ...process.env };
for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'PEAKEND_LANG', 'NO_COLOR']) delete env[k];

function run(ws, args, command = 'check') {
  const cmd = ['node', cli, command, '--no-color', ...args];
  // As root every file is readable; run as "nobody" so that file permissions apply as for any user.
  const argv = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', ...cmd] : cmd;
  const r = spawnSync(argv[0], argv.slice(1), { cwd: join(root, ws), encoding: 'utf8', env });
  if (r.status === 2) throw new Error(`peakend failed in ${ws}: ${r.stderr}`);
  return r.stdout;
}

let failures = 0;
for (const doc of docs) {
  let changed = false;
  for (const c of [...doc.checks].reverse()) {
    const actual = run(c.ws, c.args, c.command);
    if (actual === c.text) continue;
    if (update) {
      doc.lines.splice(c.start + 1, c.end - c.start - 1, ...actual.replace(/\n$/, '').split('\n'));
      changed = true;
    } else {
      failures++;
      console.log(`${doc.path}:${c.at}: output of "peakend ${c.command} ${c.args.join(' ')}" in ${c.ws} differs\n--- shown\n${c.text}--- actual\n${actual}`);
    }
  }
  for (const f of doc.fixes) {
    const findings = JSON.parse(run(f.ws, ['--format', 'json']));
    const titles = findings.filter((x) => !f.rule || x.ruleId === f.rule).flatMap((x) => (x.fixes ?? []).map((y) => y.title));
    if (JSON.stringify(titles) !== JSON.stringify(f.titles)) {
      failures++;
      console.log(`${doc.path}:${f.at}: quick fixes in ${f.ws} differ\n--- shown\n${f.titles.join(' | ')}\n--- actual\n${titles.join(' | ')}`);
    }
  }
  if (changed) writeFileSync(doc.path, doc.lines.join('\n'));
}

if (!keep) rmSync(root, { recursive: true, force: true });
const total = docs.reduce((n, d) => n + d.checks.length + d.fixes.length, 0);
console.log(failures ? `${failures} of ${total} example outputs differ` : update ? `${total} example outputs refreshed` : `${total} example outputs match`);
if (!update) console.log(`docs: ${total - failures} passed, ${failures} failed`);
process.exitCode = failures ? 1 : 0;
