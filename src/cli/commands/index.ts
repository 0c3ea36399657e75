import { analyze } from './analyze';
import { audit } from './audit';
import { check } from './check';
import { checklist } from './checklist';
import { diff } from './diff';
import { render } from './render';
import type { Command } from './types';

/** Every `peakend` subcommand, in the order `peakend --help` lists them. */
export const COMMANDS: readonly Command[] = [check, analyze, render, checklist, audit, diff];

export function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
export type { Command } from './types';
