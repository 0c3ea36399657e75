import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { Script } from 'node:vm';
import { bytesOf, readCacheFile, replaceCacheFile, sha256 } from './cacheFile';

/**
 * Runs a CommonJS bundle as Node's loader would, compiled with V8's code cache for it when there
 * is one: the bytecode of every function a run of the bundle compiled, so that a run neither
 * parses the bundle's 1.6 MB nor compiles a function (a schema validator is a large one) when it is
 * first called. The cache file starts with the SHA-256 of the bundle it was made from: V8 itself
 * compares only the source's length, and would run a stale cache's code for an edited bundle of the
 * same length. V8 then takes the cache only if the same V8 made it with the same flags; otherwise
 * the bundle is compiled as usual (`cacheAccepted` false), so a missing, stale, foreign or damaged
 * cache costs only its read.
 */
export function runWithCodeCache(file: string, cacheFile: string): CodeCacheRun {
  const bytes = readFileSync(file);
  const hash = sha256(bytes);
  const cache = readCache(cacheFile);
  const cachedData = cache && cache.toString('latin1', 0, HASH_BYTES) === hash ? cache.subarray(HASH_BYTES) : undefined;
  const script = new Script(Module.wrap(bytes.toString('utf8')), { filename: file, cachedData });
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const module = new Module(file);
  module.filename = file;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return { cacheAccepted: cachedData !== undefined && !script.cachedDataRejected, script, hash };
}

/** A bundle run by `runWithCodeCache`: whether V8 took the cache, the script, and the hash of the source it compiled. */
export interface CodeCacheRun {
  cacheAccepted: boolean;
  script: Script;
  hash: string;
}

/** Larger than any cache of Peakend's bundles (about 1 MB): never read whole. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;
/** The bundle's SHA-256 in hex, first in the file. */
const HASH_BYTES = 64;

/** A regular file's bytes (never a FIFO or device put in its place, which could block the start). */
function readCache(cacheFile: string): Buffer | undefined {
  const data = readCacheFile(cacheFile, MAX_CACHE_BYTES)?.data;
  return data && data.length > HASH_BYTES ? data : undefined;
}

/**
 * Writes the code cache of a bundle that has run (every function it compiled so far), after the
 * hash of the source it was compiled from, replacing the file at once (`replaceCacheFile`); false
 * when it could not.
 */
export function writeCodeCache(run: CodeCacheRun, cacheFile: string): boolean {
  return replaceCacheFile(dirname(cacheFile), basename(cacheFile), bytesOf([run.hash, run.script.createCachedData()]));
}
