/** Helpers shared by the Dockerfile rules. */
import type { RuleContext } from '../../engine/types';
import type { DockerfileModel, DockerInstruction, DockerWord, Stage } from './parse';
import { runCommandsOf } from './parse';
import { commandArgs, type ShellCommand, type ShellWord } from './shell';
import { trimEndChar } from '../../text/trim';

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

/** A word without the quotes around it (`"/srv/"` → `/srv/`), as BuildKit reads COPY/ADD/WORKDIR arguments. */
export function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}

/** The dnf family: dnf, its successor dnf5, and microdnf (the minimal one in UBI images). */
export const DNF = ['dnf', 'dnf5', 'microdnf'];

/** Whether the value has a variable or command substitution (unknown at lint time). */
export function dynamic(v: string): boolean {
  return /[$`]/.test(v);
}

/** The stages that end up in the final image: the last one and the stages it builds on. */
export function finalChain(model: DockerfileModel): Stage[] {
  return stageChain(model, model.finalStage);
}

/** The RUN commands of one instruction, as a list. */
export function commandsOf(ins: DockerInstruction): ShellCommand[] {
  return ins.commands ?? [];
}

/** A `RUN --mount=...`: its type (`bind` when not given, as BuildKit defaults) and target. */
export interface RunMount {
  type: string;
  target: string;
  /** `from=`: the stage or image the mount comes from (bind and cache mounts). */
  from?: string;
}

/** The `--mount` flags of a RUN (quotes around the whole value or a field are dropped). */
export function mountsOf(ins: DockerInstruction): RunMount[] {
  const out: RunMount[] = [];
  for (const f of ins.flags) {
    if (f.name !== 'mount' || f.value === null) continue;
    let type = 'bind';
    let target = '';
    let from: string | undefined;
    for (const field of f.value.replace(/^["']|["']$/g, '').split(',')) {
      const eq = field.indexOf('=');
      const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
      const value = eq < 0 ? '' : field.slice(eq + 1).replace(/^["']|["']$/g, '');
      if (key === 'type') type = value.toLowerCase();
      else if (key === 'target' || key === 'dst' || key === 'destination') target = value;
      else if (key === 'from') from = value;
    }
    out.push(from === undefined ? { type, target } : { type, target, from });
  }
  return out;
}

/** Whether a RUN mounts a cache (or a tmpfs, which keeps nothing either) at a target that `accept`s. */
export function hasCacheMount(ins: DockerInstruction, accept: string | ((target: string) => boolean)): boolean {
  const ok = typeof accept === 'string' ? (t: string) => t.includes(accept) : accept;
  return mountsOf(ins).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && ok(m.target));
}

/**
 * The stages whose files end up in an image: the last one, and every stage another stage is built `FROM` (it may be
 * the base of a `--target`). A stage only copied from (`COPY --from`) or not used at all is not one.
 */
export function imageStages(model: DockerfileModel): Set<number> {
  const out = new Set<number>();
  if (model.finalStage) out.add(model.finalStage.index);
  for (const s of model.stages) if (s.parentStage !== undefined) out.add(s.parentStage);
  return out;
}

/** A stage and the stages it is built on, nearest first. */
export function stageChain(model: DockerfileModel, stage: Stage | undefined): Stage[] {
  const out: Stage[] = [];
  const seen = new Set<number>();
  for (
    let s = stage;
    s && !seen.has(s.index);
    s = s.parentStage !== undefined ? model.stages[s.parentStage] : undefined
  ) {
    seen.add(s.index);
    out.push(s);
  }
  return out;
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
    yield Object.assign({}, x, { sub, packages: packagesAfter(x.cmd, sub, flagsWithValue) });
  }
}

/** Whether any command of the same RUN matches. */
export function sameRunHas(ins: DockerInstruction, pred: (c: ShellCommand) => boolean): boolean {
  return (ins.commands ?? []).some(pred);
}

/**
 * The check of the "clean the package cache in the same RUN" rules (yum, dnf, zypper): each RUN that installs with
 * one of `managers` and does not clean after it (`cleans(command, install)` on a later command of the RUN; anywhere
 * in the RUN when `order` is `anywhere`) nor mounts a cache at one of the tool's `cacheDirs` (or a parent) gets one
 * report, with a suggestion that
 * appends `cleanCommand(install)` to the RUN.
 */
export function reportUncleanedCache(
  ctx: RuleContext<DockerfileModel>,
  managers: string[],
  installs: string[],
  cleans: (c: ShellCommand, install: ShellCommand) => boolean,
  cleanCommand: (install: ShellCommand) => string,
  cacheDirs: string[],
  order: 'after' | 'anywhere' = 'after',
): void {
  const seen = new Set<unknown>();
  for (const { ins, cmd } of subcommands(ctx.model, managers, installs)) {
    if (seen.has(ins)) continue;
    const commands = ins.commands ?? [];
    const from = order === 'after' ? commands.indexOf(cmd) + 1 : 0;
    // a cache mount at the tool's cache directory, inside it, or at a folder holding it
    const mounted = hasCacheMount(ins, (target) => {
      const t = trimEndChar(target, '/') || '/';
      return cacheDirs.some((d) => t === d || t.startsWith(d + '/') || d.startsWith(t === '/' ? '/' : t + '/'));
    });
    if (mounted || commands.slice(from).some((c) => cleans(c, cmd))) continue;
    seen.add(ins);
    const last = commands[commands.length - 1];
    ctx.report({
      start: cmd.start,
      end: cmd.end,
      messageId: 'noClean',
      data: { clean: cleanCommand(cmd) },
      fix:
        ins.json || ins.heredocs.length || last.via
          ? undefined
          : {
              title: 'Clean the cache in this RUN',
              safe: false,
              edits: [{ start: last.end, end: last.end, newText: ` \\\n    && ${cleanCommand(cmd)}` }],
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

/**
 * The check of the "one X per stage" rules (CMD, ENTRYPOINT, HEALTHCHECK): each later one is reported, as hadolint
 * does (so an ignore comment above the later one works), with a suggestion that deletes the one it overrides.
 */
export function reportOverridden(ctx: Ctx, keyword: string): void {
  for (const s of ctx.model.stages) {
    let previous: DockerInstruction | undefined;
    for (const ins of s.instructions) {
      if (ins.keyword !== keyword) continue;
      if (previous) {
        let end = previous.end;
        if (ctx.text[end] === '\r') end++;
        if (ctx.text[end] === '\n') end++;
        const line = ctx.lines.position(previous.start).line + 1;
        ctx.report({
          start: ins.keywordStart,
          end: ins.keywordEnd,
          messageId: 'multiple',
          data: { line },
          fix: {
            title: `Remove the overridden ${keyword} on line ${line}`,
            safe: false,
            edits: [{ start: previous.start, end, newText: '' }],
          },
        });
      }
      previous = ins;
    }
  }
}

/**
 * The value a RUN sees for a variable set by ENV (or ARG with a default) earlier in its stage or in the stages it is
 * built on: undefined when none sets it (a stage built `FROM` another inherits its ENV; an unrelated stage's does
 * not reach it).
 */
export function envBefore(model: DockerfileModel, ins: DockerInstruction, name: string): string | undefined {
  for (const s of stageChain(model, model.stages[ins.stage])) {
    const list = s.instructions;
    for (let k = list.length - 1; k >= 0; k--) {
      const i = list[k];
      if (i.start >= ins.start || (i.keyword !== 'ENV' && i.keyword !== 'ARG')) continue;
      for (let p = i.properties.length - 1; p >= 0; p--) {
        const prop = i.properties[p];
        if (prop.name === name && prop.value !== null) return prop.value;
      }
    }
  }
  return undefined;
}

/**
 * One finding for the unpinned packages of one command (hadolint reports one per instruction), over the packages'
 * words: messages `unpinned` (one package: `{{pkg}}`, `{{example}}`) and `unpinnedMany` (`{{pkgs}}`, `{{example}}`
 * for the first one), so several packages never read as one (`curl, tini=<version>`).
 */
export function reportUnpinned(ctx: Ctx, unpinned: ShellWord[], example: (pkg: string) => string): void {
  if (!unpinned.length) return;
  const names = unpinned.map((p) => p.value);
  const quoted = names.slice(0, 3).map((n) => `\`${n}\``);
  ctx.report({
    start: unpinned[0].start,
    end: unpinned[unpinned.length - 1].end,
    messageId: names.length === 1 ? 'unpinned' : 'unpinnedMany',
    data: {
      pkg: names[0],
      pkgs: quoted.join(', ') + (names.length > 3 ? `, and ${names.length - 3} more` : ''),
      example: example(names[0]),
    },
  });
}

/** The shell a RUN's shell form runs in, from the stage's SHELL (or a `# hadolint shell=` comment). */
export interface RunShell {
  /** The shell command line, e.g. `["/bin/bash", "-o", "pipefail", "-c"]`; `["/bin/sh", "-c"]` by default. */
  argv: string[];
  /** Its program's base name, lower-cased, without `.exe`: `sh`, `bash`, `pwsh`, `cmd`. */
  name: string;
  /** A POSIX shell (not PowerShell or cmd): shell checks apply. */
  posix: boolean;
  /** `-o pipefail` is set (counted only for shells that have it: bash, zsh, ash, ksh). */
  pipefail: boolean;
}

const NON_POSIX = /^(pwsh|powershell|cmd)/;
const PIPEFAIL_SHELLS = new Set(['bash', 'zsh', 'ash', 'ksh', 'mksh']);

/** Reads a shell command line (a SHELL instruction's strings, or a pragma's words). */
export function runShell(argv: string[]): RunShell {
  const program = (argv[0] ?? '')
    .replace(/^.*[/\\]/, '')
    .toLowerCase()
    .replace(/\.exe$/, '');
  const name = program === 'env' && argv[1] ? (argv[1].replace(/^.*[/\\]/, '').toLowerCase() ?? '') : program;
  const posix = !NON_POSIX.test(name);
  let pipefail = false;
  if (PIPEFAIL_SHELLS.has(name))
    for (let k = 1; k < argv.length; k++)
      if (/^-[a-zA-Z]*o$/.test(argv[k]) && argv[k + 1] === 'pipefail') pipefail = true;
  return { argv, name, posix, pipefail };
}

const DEFAULT_SHELL = runShell(['/bin/sh', '-c']);

/**
 * The shell of every RUN (ONBUILD triggers included): the stage's last SHELL before it, else a `# hadolint shell=`
 * comment (before the first FROM: every stage; else from there in its stage), else `/bin/sh -c`. Each FROM starts
 * over, as hadolint reads it.
 */
export function runShells(model: DockerfileModel): Map<DockerInstruction, RunShell> {
  const out = new Map<DockerInstruction, RunShell>();
  const pragmas = model.comments
    .map((c) => ({ at: c.start, m: /^hadolint\s+shell\s*=\s*(\S+)/.exec(c.content) }))
    .filter((p) => p.m)
    .map((p) => ({ at: p.at, shell: runShell([p.m![1], '-c']) }));
  const firstFrom = model.stages[0]?.start ?? Infinity;
  const global = pragmas.filter((p) => p.at < firstFrom).pop()?.shell;
  for (const s of model.stages) {
    let shell = global ?? DEFAULT_SHELL;
    let p = 0;
    const local = pragmas.filter((x) => x.at > s.start && x.at < s.end);
    for (const outer of s.instructions) {
      while (p < local.length && local[p].at < outer.start) shell = local[p++].shell;
      const ins = outer.trigger ?? outer;
      if (outer.keyword === 'SHELL' && outer.jsonArgs) shell = runShell(outer.jsonArgs.map((w) => w.value));
      else if (ins.keyword === 'RUN') out.set(ins, shell);
    }
  }
  return out;
}

/**
 * The check of hadolint's "use a BuildKit cache mount for <tool>" rules (DL3069–DL3077): each RUN that runs one of
 * the tool's commands (`uses`) without a cache or tmpfs mount whose target contains one of `targets` gets one report.
 */
export function reportMissingCacheMount(
  ctx: Ctx,
  uses: (cmd: ShellCommand) => boolean,
  targets: string[],
  example: string,
): void {
  const seen = new Set<DockerInstruction>();
  for (const outer of ctx.model.instructions) {
    const ins = outer.trigger ?? outer;
    if (ins.keyword !== 'RUN' || seen.has(ins)) continue;
    const cmd = (ins.commands ?? []).find(uses);
    if (!cmd) continue;
    seen.add(ins);
    if (hasCacheMount(ins, (t) => targets.some((x) => t.includes(x)))) continue;
    ctx.report({ start: cmd.start, end: cmd.end, messageId: 'mount', data: { mount: example } });
  }
}

/** A command named `name` with one of `args` among its arguments (as hadolint matches tool subcommands). */
export function runs(name: string, args: string[]): (cmd: ShellCommand) => boolean {
  return (cmd) => cmd.name === name && cmd.argv.slice(1).some((w) => args.includes(w.value));
}
