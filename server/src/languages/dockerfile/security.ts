/**
 * Helpers of the Dockerfile security rules (DF3xx): the `NAME=value` assignments a RUN command makes (before the
 * command, or through `export`/`env`), and the edit that removes one flag from a command.
 */
import type { OffsetEdit } from '../../engine/types';
import { credentialFile } from '../../text/container-security';
import type { DockerfileModel, DockerInstruction } from './parse';
import type { ShellCommand, ShellWord } from './shell';
import { runCommandsOf } from './parse';

export interface Assignment {
  name: string;
  value: string;
  word: ShellWord;
}

/** `NAME=value` words of a command: leading assignments, and the arguments of `export`, `env` and `declare -x`. */
export function assignmentsOf(cmd: ShellCommand): Assignment[] {
  const words = cmd.words.slice(0, cmd.words.length - cmd.argv.length);
  if (['export', 'env', 'declare', 'typeset'].includes(cmd.name)) words.push(...cmd.argv.slice(1));
  const out: Assignment[] = [];
  for (const w of words) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(w.value);
    if (m) out.push({ name: m[1], value: m[2], word: w });
  }
  return out;
}

/**
 * COPY/ADD sources of the build context whose name says they hold a credential (a private key, an `.env`, a token
 * file): the source word and what it holds. Not for `--from` copies, heredocs, URLs or sources with variables.
 */
export function* credentialCopies(
  model: DockerfileModel,
): Generator<{ ins: DockerInstruction; word: { value: string; start: number; end: number }; what: string }> {
  for (const ins of model.instructions) {
    if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
    if (ins.heredocs.length || ins.flags.some((f) => f.name === 'from')) continue;
    const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
    for (const word of words.slice(0, -1)) {
      const src = word.value;
      if (!src || /^[a-z][a-z0-9+.-]*:\/\//i.test(src) || /^git@/.test(src) || /\$/.test(src)) continue;
      const what = credentialFile(src);
      if (what) yield { ins, word, what };
    }
  }
}

/** Every RUN command of the file (ONBUILD triggers included), with its instruction. */
export function allCommands(model: DockerfileModel): { ins: DockerInstruction; cmd: ShellCommand }[] {
  return [...runCommandsOf(model.instructions)];
}

/**
 * The edit that removes a flag word (with the blank before it), or one letter of a group of short flags (`-fsSLk`
 * loses its `k`); undefined when the command came from inside `sh -c '...'` (offsets there are not exact).
 */
export function removeFlag(text: string, cmd: ShellCommand, word: ShellWord, letter?: string): OffsetEdit | undefined {
  if (cmd.via || word.quoted) return undefined;
  const src = text.slice(word.start, word.end);
  if (src !== word.value) return undefined;
  if (letter && src.length > 2) {
    const at = src.indexOf(letter, 1);
    if (at < 0) return undefined;
    return { start: word.start + at, end: word.start + at + 1, newText: '' };
  }
  let start = word.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return { start, end: word.end, newText: '' };
}

/** The words of a command that are long flags named `name` (`--name`, `--name=value`). */
export function longFlags(cmd: ShellCommand, names: string[]): ShellWord[] {
  const out: ShellWord[] = [];
  for (const w of cmd.argv.slice(1)) {
    if (w.value === '--') break;
    if (w.value.startsWith('--') && names.includes(w.value.slice(2).split('=')[0].toLowerCase())) out.push(w);
  }
  return out;
}

/** The words of a command that hold the short flag `letter` alone (`-k`) or in a group (`-fsSLk`). */
export function shortFlags(cmd: ShellCommand, letter: string): ShellWord[] {
  const out: ShellWord[] = [];
  for (const w of cmd.argv.slice(1)) {
    const v = w.value;
    if (v === '--') break;
    if (!/^-[A-Za-z0-9]+$/.test(v)) continue;
    if (v.slice(1).includes(letter)) out.push(w);
  }
  return out;
}
