/**
 * The files of the build context a RUN cannot do without (a lock or requirements file: `npm ci` needs
 * `package-lock.json`), when they reach the RUN only through an earlier COPY/ADD of a folder or a wildcard of the
 * build context: the context paths each may come from. A `.dockerignore` that excludes every one of them breaks the
 * RUN (DI004), which no COPY names.
 *
 * Only what the Dockerfile shows for sure is kept: a need is dropped when the file may come another way (a COPY that
 * names it, `--from`, a URL, an archive ADD, a bind mount, a variable), when the command runs elsewhere (`cd`,
 * `--prefix`, `--cwd`, `-C`, `--dir`, `--manifest-path`), when an earlier command of the same tool (or any earlier
 * RUN naming the file) may have written it, and in RUNs with here-documents.
 */
import { compileGlob, type Glob } from '../../text/glob';
import type { DockerfileModel, DockerInstruction } from './parse';
import type { ShellCommand } from './shell';
import { dynamic } from './util';

export interface NeededFileFacts {
  /** The command, as the messages show it (`npm ci`), and its offsets in the Dockerfile. */
  command: string;
  start: number;
  end: number;
  /** 1-based line of the command. */
  line: number;
  /** The file the tool looks for, as it names it (`package-lock.json`, `requirements/prod.txt`). */
  file: string;
  /**
   * The context paths (relative to the context root, `/`-separated) the file may reach the RUN from: the RUN misses
   * it only when none of them is sent.
   */
  paths: string[];
  /**
   * Context paths that bring the file too when the source a COPY names in full is a folder (`COPY app .`, `app` a
   * folder holding the file): they count only when they exist.
   */
  ifFolder: string[];
}

/** A path in the image: absolute (`root` `/`), or under the unknown folder the stage starts in (`root` `~/`). */
interface ImagePath {
  root: string;
  segs: string[];
}

/** Resolves `p` against `base`; null when it climbs above an unknown folder. */
function resolve(base: ImagePath, p: string): ImagePath | null {
  const out: ImagePath = p.startsWith('/') ? { root: '/', segs: [] } : { root: base.root, segs: [...base.segs] };
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (out.segs.length) out.segs.pop();
      else if (out.root !== '/') return null;
    } else out.segs.push(s);
  }
  return out;
}

/** A context path's segments (a leading `/` or `./` means the context root); null when it leaves the context. */
function contextSegs(p: string): string[] | null {
  const segs: string[] = [];
  for (const s of p.split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') {
      if (!segs.length) return null;
      segs.pop();
    } else segs.push(s);
  }
  return segs;
}

const same = (a: ImagePath, b: ImagePath) =>
  a.root === b.root && a.segs.length === b.segs.length && a.segs.every((s, i) => s === b.segs[i]);

/** Whether `p` lies strictly under the folder `dir`. */
const under = (p: ImagePath, dir: ImagePath) =>
  p.root === dir.root && p.segs.length > dir.segs.length && dir.segs.every((s, i) => s === p.segs[i]);

/** What one COPY/ADD source puts where, as far as the needed files go. */
type Placement =
  /** A folder of the context: its content lands under `dest`. */
  | { kind: 'folder'; src: string[]; dest: ImagePath }
  /** Files of the context folder `src` matching `glob` land in `dest`; `folders`: the glob may match a folder too. */
  | { kind: 'wild'; src: string[]; glob: Glob; folders: boolean; dest: ImagePath }
  /** A source named in full: a file (DI002's case) lands at `dest` or in it; a folder's content lands under `dest`. */
  | { kind: 'named'; src: string[]; dest: ImagePath }
  /** Something that may put anything at `dest` or under it (`--from`, a URL, an archive, a variable). */
  | { kind: 'maybe'; dest: ImagePath };

const WILD = /[*?[]/;
const URL = /^[a-z][a-z0-9+.-]*:\/\/|^git@/i;

function placements(ins: DockerInstruction, workdir: ImagePath): Placement[] | null {
  const words = ins.json && ins.jsonArgs ? ins.jsonArgs : ins.args;
  if (words.length < 2) return [];
  const destText = words[words.length - 1].value;
  if (dynamic(destText)) return null;
  const dest = resolve(workdir, destText);
  if (!dest) return null;
  const destIsDir = destText.endsWith('/') || destText === '.' || destText.endsWith('/.') || destText === '..';
  const opaque =
    ins.heredocs.length > 0 || ins.flags.some((f) => f.name === 'from' || f.name === 'parents' || f.name === 'exclude');
  const out: Placement[] = [];
  for (const w of words.slice(0, -1)) {
    const v = w.value;
    if (opaque || dynamic(v) || URL.test(v)) {
      out.push({ kind: 'maybe', dest });
      continue;
    }
    const segs = contextSegs(v);
    if (!segs) {
      out.push({ kind: 'maybe', dest });
      continue;
    }
    const isFolder = segs.length === 0 || v.endsWith('/') || v.endsWith('/.');
    if (isFolder) {
      // `app*/`: folders matched by a wildcard, whatever they hold
      out.push(WILD.test(v) ? { kind: 'maybe', dest } : { kind: 'folder', src: segs, dest });
      continue;
    }
    const name = segs[segs.length - 1];
    const dirWild = segs.slice(0, -1).some((s) => WILD.test(s));
    // ADD unpacks local archives, whatever their name: anything but a folder may put anything there.
    if (ins.keyword === 'ADD' || dirWild || (WILD.test(name) && !destIsDir)) {
      out.push({ kind: 'maybe', dest });
      continue;
    }
    if (WILD.test(name)) {
      const glob = compileGlob(name);
      if (typeof glob === 'string') out.push({ kind: 'maybe', dest });
      // `package*.json` names files; `app*` may also match a folder, whose content would land in `dest`.
      else out.push({ kind: 'wild', src: segs.slice(0, -1), glob, folders: !name.includes('.'), dest });
      continue;
    }
    out.push({ kind: 'named', src: segs, dest });
  }
  return out;
}

/**
 * Where a file at `p` in the image comes from, by one placement: a context path (`sure`: unless the source is a
 * folder, which only the workspace tells), or 'other' (another way, or a COPY that names it).
 */
function origin(pl: Placement, p: ImagePath): { path: string; sure: boolean } | 'other' | undefined {
  const inside = () => p.segs.slice(pl.dest.segs.length);
  switch (pl.kind) {
    case 'folder':
      return under(p, pl.dest) ? { path: [...pl.src, ...inside()].join('/'), sure: true } : undefined;
    case 'wild': {
      const base = p.segs[p.segs.length - 1];
      if (p.segs.length === pl.dest.segs.length + 1 && under(p, pl.dest) && pl.glob.test(base))
        return { path: [...pl.src, base].join('/'), sure: true };
      return pl.folders && under(p, pl.dest) ? 'other' : undefined;
    }
    case 'named':
      if (same(p, pl.dest) || same(p, { root: pl.dest.root, segs: [...pl.dest.segs, pl.src[pl.src.length - 1]] }))
        return 'other';
      return under(p, pl.dest) ? { path: [...pl.src, ...inside()].join('/'), sure: false } : undefined;
    case 'maybe':
      return same(p, pl.dest) || under(p, pl.dest) ? 'other' : undefined;
  }
}

/** What a command needs: the files (relative to its folder), whether the tool also looks in the folders above. */
interface Need {
  tool: string;
  files: string[];
  walkUp: boolean;
  /** The command as the message shows it. */
  shown: string;
}

const NPM_CI = new Set([
  'ci',
  'clean-install',
  'ic',
  'install-clean',
  'isntall-clean',
  'cit',
  'clean-install-test',
  'install-ci-test',
]);
const CARGO_LOCKED = new Set(['build', 'b', 'check', 'c', 'test', 't', 'run', 'r', 'fetch', 'doc', 'bench', 'rustc']);
const YARN_OTHER = new Set([
  'add',
  'remove',
  'upgrade',
  'up',
  'run',
  'workspace',
  'workspaces',
  'global',
  'dlx',
  'exec',
]);
const PYTHON = /^python[0-9.]*$/;
const PIP = /^pip[0-9.]*$/;

const baseName = (s: string) => s.slice(s.lastIndexOf('/') + 1);
const values = (cmd: ShellCommand) => cmd.argv.map((w) => w.value);
/** The words before a `--` separator (what follows goes to another program). */
function options(argv: string[]): string[] {
  const k = argv.indexOf('--');
  return k < 0 ? argv : argv.slice(0, k);
}
const hasFlag = (argv: string[], names: string[]) =>
  options(argv).some((a) => names.some((n) => a === n || a.startsWith(n + '=') || (n.length === 2 && a.startsWith(n))));

/** The files a command cannot run without, from its words alone. */
function needsOf(cmd: ShellCommand): Need[] {
  const argv = values(cmd);
  const name = baseName(cmd.name);
  if (name === 'npm') {
    if (!NPM_CI.has(argv[1]) || hasFlag(argv, ['--prefix', '-g', '--global', '--location'])) return [];
    return [
      {
        tool: 'npm',
        files: ['package-lock.json', 'npm-shrinkwrap.json'],
        walkUp: true,
        shown: argv.slice(0, 2).join(' '),
      },
    ];
  }
  if (name === 'yarn') {
    const args = options(argv.slice(1));
    const flag = args.findIndex((a) => a === '--frozen-lockfile' || a === '--immutable');
    if (flag < 0 || hasFlag(argv, ['--cwd'])) return [];
    if (args[0] !== 'install' && !(args[0].startsWith('-') && !args.some((a) => YARN_OTHER.has(a)))) return [];
    return [{ tool: 'yarn', files: ['yarn.lock'], walkUp: true, shown: argv.slice(0, flag + 2).join(' ') }];
  }
  if (name === 'pnpm') {
    const flag = argv.indexOf('--frozen-lockfile');
    if ((argv[1] !== 'install' && argv[1] !== 'i') || flag < 0) return [];
    if (hasFlag(argv, ['-C', '--dir', '--prefix', '--lockfile-dir', '-g', '--global'])) return [];
    return [{ tool: 'pnpm', files: ['pnpm-lock.yaml'], walkUp: true, shown: argv.slice(0, flag + 1).join(' ') }];
  }
  if (name === 'cargo') {
    const sub = argv[1]?.startsWith('+') ? 2 : 1;
    if (!CARGO_LOCKED.has(argv[sub])) return [];
    const opts = options(argv);
    const flag = opts.findIndex((a) => a === '--locked' || a === '--frozen');
    if (flag < 0 || hasFlag(argv, ['--manifest-path', '--lockfile-path', '-Z'])) return [];
    return [
      { tool: 'cargo', files: ['Cargo.lock'], walkUp: true, shown: [...argv.slice(0, sub + 1), opts[flag]].join(' ') },
    ];
  }
  let pip = -1;
  if (PIP.test(name)) pip = 1;
  else if (PYTHON.test(name) && argv[1] === '-m' && PIP.test(argv[2] ?? '')) pip = 3;
  else if (name === 'uv' && argv[1] === 'pip') pip = 2;
  if (pip < 0 || argv[pip] !== 'install') return [];
  const out: Need[] = [];
  const opts = options(argv);
  for (let k = pip + 1; k < opts.length; k++) {
    const a = opts[k];
    let file: string | undefined;
    if (a === '-r' || a === '--requirement' || a === '-c' || a === '--constraint') file = opts[k + 1];
    else if (a.startsWith('--requirement=') || a.startsWith('--constraint=')) file = a.slice(a.indexOf('=') + 1);
    else if ((a.startsWith('-r') || a.startsWith('-c')) && !a.startsWith('--')) file = a.slice(2);
    if (!file || dynamic(file) || URL.test(file) || file === '-') continue;
    const flag = a.startsWith('--c') || a.startsWith('-c') ? '-c' : '-r';
    out.push({
      tool: 'pip',
      files: [file],
      walkUp: false,
      shown: `${argv.slice(0, pip + 1).join(' ')} ${flag} ${file}`,
    });
  }
  return out;
}

const NPM_HARMLESS = new Set([
  'config',
  'set',
  'get',
  'cache',
  'view',
  'info',
  'version',
  '-v',
  '--version',
  'login',
  'whoami',
]);
const YARN_HARMLESS = new Set(['config', 'set', 'cache', 'global', 'policies', 'plugin', '-v', '--version', 'version']);
const PNPM_HARMLESS = new Set(['config', 'set', 'store', 'env', 'setup', 'fetch', '-v', '--version']);

/** Whether an earlier command may have written the lock of `tool` (then the lock may not come from the context). */
function mayWrite(tool: string, cmd: ShellCommand): boolean {
  const argv = values(cmd);
  const name = baseName(cmd.name);
  const global = hasFlag(argv, ['-g', '--global', '--location']);
  switch (tool) {
    case 'npm':
      return name === 'npm' && !global && !NPM_HARMLESS.has(argv[1]) && !NPM_CI.has(argv[1]);
    case 'yarn':
      return name === 'yarn' && !YARN_HARMLESS.has(argv[1]) && needsOf(cmd).length === 0;
    case 'pnpm':
      return name === 'pnpm' && !global && !PNPM_HARMLESS.has(argv[1]) && needsOf(cmd).length === 0;
    case 'cargo':
      return (
        name === 'cargo' && argv[1] !== 'install' && argv[1] !== '--version' && argv[1] !== '-V' && !needsOf(cmd).length
      );
    default:
      return (
        name === 'pip-compile' ||
        ((name === 'uv' || name === 'poetry' || name === 'pdm' || name === 'pipenv') &&
          argv.some((a) => a === 'compile' || a === 'export' || a === 'requirements' || a === 'lock'))
      );
  }
}

/** Whether a command names `file` in a word or a redirection (`cp`, `touch`, `> requirements.txt`). */
const mentions = (cmd: ShellCommand, file: string) =>
  cmd.words.some((w) => w.value.includes(file)) || cmd.redirects.some((r) => r.target?.value.includes(file));

/** Whether a RUN's mounts may put files in its folder (a bind mount, the default type; a cache over the folder). */
function mountsOver(ins: DockerInstruction, workdir: ImagePath): boolean {
  for (const f of ins.flags) {
    if (f.name !== 'mount') continue;
    const opts = new Map<string, string>();
    for (const part of (f.value ?? '').split(',')) {
      const eq = part.indexOf('=');
      opts.set((eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase(), eq < 0 ? '' : part.slice(eq + 1).trim());
    }
    const type = opts.get('type') ?? 'bind';
    if (type === 'secret' || type === 'ssh') continue;
    if (type !== 'cache' && type !== 'tmpfs') return true;
    const target = opts.get('target') ?? opts.get('dst') ?? opts.get('destination');
    if (target === undefined || dynamic(target)) return true;
    const t = resolve(workdir, target);
    if (!t || same(t, workdir) || under(workdir, t)) return true;
  }
  return false;
}

interface Cons<T> {
  head: T;
  tail: Cons<T> | null;
}

/** What the instructions so far left, for the RUNs after them (a stage starts from the end of the one it builds on). */
interface State {
  workdir: ImagePath | null;
  /** A COPY whose destination is unknown (a variable): it may have put anything anywhere. */
  unknown: boolean;
  /** The COPY/ADD placements, newest first. */
  placed: Cons<Placement> | null;
  /** The earlier RUNs, newest first (their text is searched for the file's name). */
  runs: Cons<DockerInstruction> | null;
  /** The tools an earlier command of may have written its lock file. */
  wrote: ReadonlySet<string>;
}

const TOOLS = ['npm', 'yarn', 'pnpm', 'cargo', 'pip'];
/** Bounds that keep the work linear on any input: past them, a need is dropped (never reported). */
const MAX_WALK = 256;
const MAX_NEEDS = 64;

/** The needed files of every RUN of a Dockerfile (see the module comment). */
export function neededFiles(m: DockerfileModel, lineOf: (offset: number) => number): NeededFileFacts[] {
  const out: NeededFileFacts[] = [];
  const ends: State[] = [];
  for (const stage of m.stages) {
    const parent = stage.parentStage === undefined ? undefined : ends[stage.parentStage];
    const st: State = parent
      ? { ...parent }
      : { workdir: { root: '~/', segs: [] }, unknown: false, placed: null, runs: null, wrote: new Set() };
    for (const ins of stage.instructions) {
      if (ins.keyword === 'WORKDIR') {
        const p = ins.args.map((w) => w.value).join(' ');
        st.workdir = st.workdir && p && !dynamic(p) ? resolve(st.workdir, p) : null;
      } else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') {
        const pl = st.workdir ? placements(ins, st.workdir) : null;
        if (pl) for (const x of pl) st.placed = { head: x, tail: st.placed };
        else st.unknown = true;
      } else if (ins.keyword === 'ONBUILD') {
        // Its trigger runs in the stages built on this one: a COPY, ADD, WORKDIR or RUN there may change anything.
        st.unknown ||= ins.trigger?.keyword !== 'ENV' && ins.trigger?.keyword !== 'LABEL';
      } else if (ins.keyword === 'RUN') {
        if (out.length < MAX_NEEDS && st.workdir && !st.unknown && !ins.heredocs.length && !mountsOver(ins, st.workdir))
          out.push(...runNeeds(m, ins, st, st.workdir, lineOf));
        const cmds = ins.commands ?? [];
        const wrote = TOOLS.filter((t) => !st.wrote.has(t) && cmds.some((c) => mayWrite(t, c)));
        if (wrote.length) st.wrote = new Set([...st.wrote, ...wrote]);
        st.runs = { head: ins, tail: st.runs };
      }
    }
    ends[stage.index] = st;
  }
  return out.slice(0, MAX_NEEDS);
}

/** Whether an earlier RUN names `name` (may copy, move or write it); true also past the walk's bound. */
function namedBefore(m: DockerfileModel, runs: Cons<DockerInstruction> | null, name: string): boolean {
  let n = 0;
  for (let r = runs; r; r = r.tail) {
    if (++n > MAX_WALK || m.text.slice(r.head.start, r.head.end).includes(name)) return true;
  }
  return false;
}

function runNeeds(
  m: DockerfileModel,
  ins: DockerInstruction,
  st: State,
  workdir: ImagePath,
  lineOf: (offset: number) => number,
): NeededFileFacts[] {
  const out: NeededFileFacts[] = [];
  const cmds = ins.commands ?? [];
  let moved = false;
  for (let k = 0; k < cmds.length && out.length < MAX_NEEDS; k++) {
    const cmd = cmds[k];
    // `cd x && npm ci`: the command runs in another folder, whatever the order of what follows.
    if (cmd.name === 'cd' || cmd.name === 'pushd') moved = true;
    // `npm ci || npm install`: the command has a fallback, the RUN goes on without the file.
    if (moved || cmd.after === '||' || cmd.before === '||') continue;
    for (const need of needsOf(cmd)) {
      if (st.wrote.has(need.tool)) continue;
      const names = need.files.map(baseName);
      let earlier = false;
      for (let j = 0; j < k && !earlier; j++)
        earlier = mayWrite(need.tool, cmds[j]) || names.some((n) => mentions(cmds[j], n));
      if (earlier || names.some((n) => namedBefore(m, st.runs, n))) continue;
      const from = contextPaths(need, workdir, st.placed);
      if (!from?.paths.length) continue;
      const shown = need.shown;
      out.push({
        command: shown.length > 80 ? shown.slice(0, 79) + '…' : shown,
        start: cmd.start,
        end: cmd.end,
        line: lineOf(cmd.start) + 1,
        file: need.files[0],
        paths: from.paths,
        ifFolder: from.ifFolder,
      });
    }
  }
  return out;
}

/** The context paths a need's files may come from (sure, and if a source is a folder); null when another way. */
function contextPaths(
  need: Need,
  workdir: ImagePath,
  placed: Cons<Placement> | null,
): { paths: string[]; ifFolder: string[] } | null {
  const spots: ImagePath[] = [];
  for (const f of need.files) {
    const p = resolve(workdir, f);
    if (!p?.segs.length) return null;
    spots.push(p);
    if (need.walkUp)
      for (let n = p.segs.length - 2; n >= 0; n--) spots.push({ root: p.root, segs: [...p.segs.slice(0, n), f] });
  }
  const paths = new Set<string>();
  const ifFolder = new Set<string>();
  for (const spot of spots) {
    let n = 0;
    for (let c = placed; c; c = c.tail) {
      if (++n > MAX_WALK) return null;
      const o = origin(c.head, spot);
      if (o === 'other') return null;
      if (o !== undefined) (o.sure ? paths : ifFolder).add(o.path);
    }
  }
  return { paths: [...paths], ifFolder: [...ifFolder].filter((p) => !paths.has(p)) };
}
