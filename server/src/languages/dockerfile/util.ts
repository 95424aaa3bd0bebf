/** Helpers shared by the Dockerfile rules. */
import type { RuleContext } from '../../engine/types';
import type { DockerfileModel, DockerInstruction, DockerWord, Stage } from './parse';
import { runCommandsOf } from './parse';
import { commandArgs, type ShellCommand, type ShellWord } from './shell';

export type Ctx = RuleContext<DockerfileModel>;

/** Every RUN command (ONBUILD triggers included) whose base name is one of `names`. */
export function commandsNamed(
  model: DockerfileModel,
  names: string[],
  instructions?: DockerInstruction[],
): { ins: DockerInstruction; cmd: ShellCommand; index: number }[] {
  if (instructions) return [...runCommandsOf(instructions)].filter((x) => names.includes(x.cmd.name));
  if (names.length === 1) return model.commandsByName.get(names[0]) ?? [];
  const out = names.flatMap((n) => model.commandsByName.get(n) ?? []);
  return out.sort((a, b) => a.cmd.start - b.cmd.start);
}

/** The first positional argument (the subcommand), e.g. `install` in `apt-get -q install`. */
export function subcommandOf(cmd: ShellCommand, flagsWithValue: readonly string[] = []): ShellWord | undefined {
  return commandArgs(cmd, { withValue: flagsWithValue }).first;
}

/** Whether the command has one of the long options (`--x`, `--x=v`, names without dashes) or short letters. */
export function hasFlag(cmd: ShellCommand, long: string[], short = ''): boolean {
  return commandArgs(cmd).has(...long.map((l) => '--' + l), ...[...short].map((c) => '-' + c));
}

/** Positional arguments after `after` (skipping options and the values of options that take one). */
export function packagesAfter(
  cmd: ShellCommand,
  after: ShellWord | undefined,
  flagsWithValue: readonly string[] = [],
): ShellWord[] {
  const p = commandArgs(cmd, { withValue: flagsWithValue }).positionals;
  return after ? p.slice(p.indexOf(after) + 1) : p;
}

/** Whether the value has a variable or command substitution (unknown at lint time). */
export function dynamic(v: string): boolean {
  return /[$`]/.test(v);
}

/** The stages that end up in the final image: the last one and the stages it builds on. */
export function finalChain(model: DockerfileModel): Stage[] {
  const out: Stage[] = [];
  let s = model.finalStage;
  const seen = new Set<number>();
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    out.push(s);
    s = s.parentStage !== undefined ? model.stages[s.parentStage] : undefined;
  }
  return out;
}

/** The RUN commands of one instruction, as a list. */
export function commandsOf(ins: DockerInstruction): ShellCommand[] {
  return ins.commands ?? [];
}

/** Whether an instruction has a `--mount=type=cache` whose target contains `path`. */
export function hasCacheMount(ins: DockerInstruction, path: string): boolean {
  return ins.flags.some(
    (f) => f.name === 'mount' && f.value !== null && /type=cache/.test(f.value) && f.value.includes(path),
  );
}

/** Text of a line break followed by the indentation the instruction uses on its continued lines. */
export function lineStartOf(text: string, offset: number): number {
  const i = text.lastIndexOf('\n', offset - 1);
  return i + 1;
}

/** The line's end (before its line break). */
export function lineEndOf(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i < 0 ? text.length : text[i - 1] === '\r' ? i - 1 : i;
}

/** Inserts ` text` right after a word. */
export function insertAfter(word: { end: number }, text: string) {
  return { start: word.end, end: word.end, newText: ' ' + text };
}

/** Names of the predefined build arguments BuildKit provides without an ARG. */
export const PREDEFINED_ARGS = [
  'HTTP_PROXY',
  'http_proxy',
  'HTTPS_PROXY',
  'https_proxy',
  'FTP_PROXY',
  'ftp_proxy',
  'NO_PROXY',
  'no_proxy',
  'ALL_PROXY',
  'all_proxy',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'TARGETSTAGE',
  'BUILDKIT_SYNTAX',
  'BUILDKIT_INLINE_CACHE',
  'BUILDKIT_MULTI_PLATFORM',
  'BUILDKIT_CACHE_MOUNT_NS',
  'BUILDKIT_CONTEXT_KEEP_GIT_DIR',
  'BUILDKIT_SBOM_SCAN_CONTEXT',
  'BUILDKIT_SBOM_SCAN_STAGE',
  'SOURCE_DATE_EPOCH',
];

/** The directory of a POSIX path. */
export function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}

/** Which family a base image belongs to, for fixes that add users or packages. */
export function imageFamily(
  model: DockerfileModel,
  stage: Stage | undefined,
): 'alpine' | 'debian' | 'distroless' | 'scratch' | 'unknown' {
  const seen = new Set<number>();
  while (stage && !seen.has(stage.index)) {
    seen.add(stage.index);
    if (stage.parentStage === undefined) break;
    stage = model.stages[stage.parentStage];
  }
  if (!stage?.image) return 'unknown';
  const img = stage.image.toLowerCase();
  if (img === 'scratch') return 'scratch';
  if (img.includes('distroless') || img.includes('chainguard')) return 'distroless';
  if (img.includes('alpine')) return 'alpine';
  if (/(debian|ubuntu|bookworm|bullseye|buster|trixie|jammy|noble|focal|slim)/.test(img)) return 'debian';
  // official language images without a variant are Debian based
  if (
    /^(docker\.io\/)?(library\/)?(node|python|ruby|golang|php|openjdk|eclipse-temurin|rust|perl|postgres|nginx|httpd|maven|gradle)(:|$)/.test(
      img,
    )
  )
    return 'debian';
  return 'unknown';
}

/** Commands `<one of names> [flags] <one of subs> ...`, with the subcommand word. */
export function* subcommands(model: DockerfileModel, names: string[], subs: string[], flagsWithValue: string[] = []) {
  for (const x of commandsNamed(model, names)) {
    const sub = subcommandOf(x.cmd, flagsWithValue);
    if (!sub || !subs.includes(sub.value)) continue;
    yield { ...x, sub, packages: packagesAfter(x.cmd, sub, flagsWithValue) };
  }
}

/** Whether any command of the same RUN matches. */
export function sameRunHas(ins: DockerInstruction, pred: (c: ShellCommand) => boolean): boolean {
  return (ins.commands ?? []).some(pred);
}

/**
 * The check of the "clean the package cache in the same RUN" rules (yum, dnf, zypper): each RUN
 * that installs with one of `managers` and neither runs `cleans` nor mounts a cache over
 * /var/cache gets one report, with a suggestion that appends `cleanCommand` to the RUN.
 */
export function reportUncleanedCache(
  ctx: RuleContext<DockerfileModel>,
  managers: string[],
  installs: string[],
  cleans: (c: ShellCommand) => boolean,
  cleanCommand: string,
): void {
  const seen = new Set<unknown>();
  for (const { ins, cmd } of subcommands(ctx.model, managers, installs)) {
    if (seen.has(ins)) continue;
    seen.add(ins);
    if (sameRunHas(ins, cleans) || hasCacheMount(ins, '/var/cache')) continue;
    const last = ins.commands![ins.commands!.length - 1];
    ctx.report({
      start: cmd.start,
      end: cmd.end,
      messageId: 'noClean',
      fix:
        ins.json || ins.heredocs.length || last.via
          ? undefined
          : {
              title: 'Clean the cache in this RUN',
              safe: false,
              edits: [{ start: last.end, end: last.end, newText: ` \\\n    && ${cleanCommand}` }],
            },
    });
  }
}

/**
 * The sources of COPY/ADD that are files of the build context, as written: not `--from` another
 * stage or image, not here-documents, and not sources we cannot judge (variables, wildcards, URLs,
 * git remotes). The last word, the destination, is left out.
 */
export function* literalCopySources(model: DockerfileModel): Generator<{ ins: DockerInstruction; word: DockerWord }> {
  for (const ins of model.instructions) {
    if (
      (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') ||
      ins.heredocs.length ||
      ins.flags.some((f) => f.name === 'from')
    )
      continue;
    const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
    for (const word of words.slice(0, -1)) {
      const v = word.value;
      if (v && !dynamic(v) && !/[*?[]/.test(v) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^git@/.test(v))
        yield { ins, word };
    }
  }
}
