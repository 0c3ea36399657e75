import { audit } from './audit';
import { check } from './check';
import { checklist } from './checklist';
import type { Command } from './types';

/** Every `peakend` subcommand, in the order `peakend --help` lists them. */
export const COMMANDS: readonly Command[] = [check, checklist, audit];

export function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
export type { Command } from './types';
