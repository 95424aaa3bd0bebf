/**
 * How package managers read their command lines, for the rules that judge them (pinning, caches, prompts): which
 * command is an install, which of its options take a value, which words are the packages. Built on shell.ts's one
 * argument reader.
 */
import type { Once } from '../../engine/types';
import type { DockerfileModel, DockerInstruction } from './parse';
import { type CommandArgs, commandArgs, readArgs, type ShellCommand, type ShellWord } from './shell';
import { commandsNamed } from './util';

/** A package manager command found in a RUN, read with its options. */
export interface ToolCommand {
  ins: DockerInstruction;
  cmd: ShellCommand;
  /** The subcommand (`install`). */
  sub: ShellWord;
  /** The tool's arguments (after `pip` in `python -m pip`). */
  args: CommandArgs;
  /** The positionals after the subcommand. */
  packages: ShellWord[];
}

/** pip's options that take a value (global and `install` ones). */
export const PIP_OPTIONS_WITH_VALUE = [
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--src',
  '--upgrade-strategy',
  '--trusted-host',
  '--cache-dir',
  '--progress-bar',
  '--global-option',
  '--config-settings',
  '-C',
  '--report',
  '--log',
  '--timeout',
  '--retries',
  '--proxy',
  '--cert',
  '--client-cert',
  '--exists-action',
  '--no-binary',
  '--only-binary',
  '--root-user-action',
  '--keyring-provider',
  '--python',
  '--use-feature',
  '--use-deprecated',
  '-b',
  '--build',
];

const PYTHON = /^python(\d+(\.\d+)?)?$/;
const PIP = /^pip(\d+(\.\d+)?)?$/;

/** `pip install`, `pip3 install`, `python -m pip install` (not pipx, not pipenv). */
export function pipInstalls(model: DockerfileModel, instructions?: DockerInstruction[]): ToolCommand[] {
  const names = ['pip', 'pip2', 'pip3', 'python', 'python2', 'python3'];
  for (const v of ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14']) names.push('pip' + v, 'python' + v);
  const out: ToolCommand[] = [];
  for (const x of commandsNamed(model, names, instructions)) {
    let words = x.cmd.argv.slice(1);
    if (PYTHON.test(x.cmd.name)) {
      const m = words.findIndex((w) => w.value === '-m');
      if (m < 0 || !PIP.test(words[m + 1]?.value ?? '')) continue;
      words = words.slice(m + 2);
    } else if (!PIP.test(x.cmd.name)) continue;
    const args = readArgs(words, { withValue: PIP_OPTIONS_WITH_VALUE });
    if (args.first?.value !== 'install') continue;
    out.push(Object.assign({}, x, { sub: args.first, args, packages: args.operands }));
  }
  return out;
}

/** `pipx install` (pipx installs an application in its own virtual environment). */
export function pipxInstalls(model: DockerfileModel): ToolCommand[] {
  const out: ToolCommand[] = [];
  for (const x of commandsNamed(model, ['pipx'])) {
    const args = commandArgs(x.cmd, {
      withValue: ['--python', '--pip-args', '--suffix', '--index-url', '-i', '--preinstall', '--spec'],
    });
    if (args.first?.value !== 'install') continue;
    out.push(Object.assign({}, x, { sub: args.first, args, packages: args.operands }));
  }
  return out;
}

/** Schemes of pip's version control URLs (`git+https://…@ref`). */
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/i;

/**
 * Whether a pip requirement names a fixed version: a version specifier, a version control URL with `@ref` after
 * its path, a wheel or sdist file, or any other path or URL (a local or downloaded package).
 */
export function pipPinned(req: string): boolean {
  if (/==|>=|<=|!=|~=|[<>]/.test(req)) return true;
  if (VCS.test(req)) {
    const path = req.replace(/^[^:]+:\/*[^/]*/, ''); // after the host (a user@ there is not a ref)
    return path.includes('@');
  }
  return /\.(whl|tar\.gz|zip|tgz)$/.test(req) || req.includes('/');
}

/** How pip reads a boolean from the environment (`PIP_NO_CACHE_DIR=off`): undefined when it is neither. */
export function pipBoolean(value: string): boolean | undefined {
  const v = value.replace(/^["']|["']$/g, '').toLowerCase();
  if (['1', 'true', 'on', 'yes', 'y', 't'].includes(v)) return true;
  if (['0', 'false', 'off', 'no', 'n', 'f'].includes(v)) return false;
  return undefined;
}

/** npm's options that take a value (as the next word when not written `--opt=value`). */
export const NPM_OPTIONS_WITH_VALUE = [
  '--loglevel',
  '--prefix',
  '-C',
  '--registry',
  '--cache',
  '--userconfig',
  '--globalconfig',
  '-w',
  '--workspace',
  '--tag',
  '--save-prefix',
  '--omit',
  '--include',
  '--install-strategy',
  '--before',
  '--otp',
  '--auth-type',
  '--scope',
  '--location',
  '--script-shell',
  '--cpu',
  '--os',
  '--libc',
];

const NPM_INSTALL = [
  'install',
  'i',
  'add',
  'in',
  'ins',
  'inst',
  'insta',
  'instal',
  'isnt',
  'isnta',
  'isntal',
  'isntall',
];

/** `npm install <packages>` (and its aliases); the subcommand is the first positional, as npm reads it. */
export function npmInstalls(model: DockerfileModel): ToolCommand[] {
  const out: ToolCommand[] = [];
  for (const x of commandsNamed(model, ['npm'])) {
    const args = commandArgs(x.cmd, { withValue: NPM_OPTIONS_WITH_VALUE });
    if (!args.first || !NPM_INSTALL.includes(args.first.value)) continue;
    out.push(Object.assign({}, x, { sub: args.first, args, packages: args.operands }));
  }
  return out;
}

/**
 * Whether an npm package spec is fixed: `name@version` (a scope's `@` aside), a git URL or GitHub shorthand with a
 * `#ref`, a tarball (file or URL) or a folder.
 */
export function npmPinned(spec: string): boolean {
  if (/^(git(\+[a-z]+)?:|github:|gitlab:|bitbucket:|gist:)/i.test(spec)) return spec.includes('#');
  if (/^(\.{0,2}\/|~\/|file:|https?:)/.test(spec) || /\.(tar|tar\.gz|tgz)$/.test(spec)) return true;
  const name = spec.startsWith('@') ? spec.slice(1) : spec;
  if (name.includes('@')) return true;
  // user/repo is GitHub shorthand (a scope's package is @scope/name)
  if (!spec.startsWith('@') && spec.includes('/')) return spec.includes('#');
  return false;
}

/** Options of yum and dnf that take a value. */
export const RPM_OPTIONS_WITH_VALUE = [
  '-c',
  '--config',
  '--installroot',
  '--releasever',
  '--repo',
  '--repoid',
  '--enablerepo',
  '--disablerepo',
  '--setopt',
  '-x',
  '--exclude',
  '-d',
  '--debuglevel',
  '-e',
  '--errorlevel',
  '--rpmverbosity',
  '--forcearch',
  '--destdir',
  '--downloaddir',
  '--comment',
  '--advisory',
  '--bz',
  '--cve',
  '--sec-severity',
  '--color',
  '-R',
  '--randomwait',
  '--repofrompath',
];

/**
 * `yum|dnf install <packages>` and `yum|dnf module install <module[:stream]>`: the packages (or modules) each
 * command installs.
 */
export function rpmInstalls(model: DockerfileModel, names: string[]): (ToolCommand & { module: boolean })[] {
  const out: (ToolCommand & { module: boolean })[] = [];
  for (const x of commandsNamed(model, names)) {
    const args = commandArgs(x.cmd, { withValue: RPM_OPTIONS_WITH_VALUE });
    const [first, second] = args.positionals;
    if (first?.value === 'install')
      out.push(Object.assign({}, x, { sub: first, args, packages: args.operands, module: false }));
    else if (first?.value === 'module' && second?.value === 'install')
      out.push(Object.assign({}, x, { sub: second, args, packages: args.positionals.slice(2), module: true }));
  }
  return out;
}

/** Whether an rpm package (`name-version`), module (`name:stream`) or file names a fixed version. */
export function rpmPinned(spec: string, module: boolean): boolean {
  if (module) return spec.includes(':');
  return /-\d/.test(spec) || spec.endsWith('.rpm') || spec.includes('/') || spec.startsWith('@');
}

/** apt-get's options that take a value. */
export const APT_OPTIONS_WITH_VALUE = ['-o', '-c', '-t', '--target-release', '--option', '--config-file'];

/** `apt-get install <packages>` (not a simulation, `-s`, which installs nothing), read once per check. */
export function aptInstalls(ctx: Once & { model: DockerfileModel }): ToolCommand[] {
  return ctx.once('dockerfile:apt-installs', () => {
    const out: ToolCommand[] = [];
    for (const x of commandsNamed(ctx.model, ['apt-get'])) {
      const args = commandArgs(x.cmd, { withValue: APT_OPTIONS_WITH_VALUE });
      if (args.first?.value !== 'install') continue;
      if (args.has('-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon')) continue;
      out.push(Object.assign({}, x, { sub: args.first, args, packages: args.operands }));
    }
    return out;
  });
}

/** apk's options that take a value. */
export const APK_OPTIONS_WITH_VALUE = [
  '-t',
  '--virtual',
  '-X',
  '--repository',
  '-p',
  '--root',
  '--arch',
  '--cache-dir',
  '--keys-dir',
  '--repositories-file',
];

/** `apk add <packages>`, read once per check. */
export function apkAdds(ctx: Once & { model: DockerfileModel }): ToolCommand[] {
  return ctx.once('dockerfile:apk-adds', () => {
    const out: ToolCommand[] = [];
    for (const x of commandsNamed(ctx.model, ['apk'])) {
      const args = commandArgs(x.cmd, { withValue: APK_OPTIONS_WITH_VALUE });
      if (args.first?.value === 'add')
        out.push(Object.assign({}, x, { sub: args.first, args, packages: args.operands }));
    }
    return out;
  });
}
