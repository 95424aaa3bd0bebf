import { DOCUMENT_KINDS, type DocumentKind, type Severity } from '../engine/types';

export class UsageError extends Error {}

export const FORMATS = ['text', 'json', 'sarif', 'github', 'checkstyle'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_LEVELS = ['error', 'warning', 'info', 'hint', 'none'] as const;
export type FailLevel = Severity | 'none';

export interface CheckOptions {
  paths: string[];
  kind?: DocumentKind;
  format: Format;
  config?: string;
  /** Apply fixes: safe ones, or also the only suggestion of a finding ('unsafe'). */
  fix?: 'safe' | 'unsafe';
  /** Print the fixes as a unified diff instead of writing them. */
  diff: boolean;
  stdinFilename?: string;
  failLevel: FailLevel;
  maxWarnings?: number;
  exclude: string[];
  /** Read .gitignore files (on unless --no-ignore). */
  gitignore: boolean;
  skipUnreadable: boolean;
  /** Worker threads: a number, or undefined for "all cores when there are many files". */
  jobs?: number;
}

export type Command =
  | { name: 'check'; options: CheckOptions }
  | { name: 'rules'; kind?: DocumentKind; format: 'text' | 'json' }
  | { name: 'explain'; code: string }
  | { name: 'github-action' }
  | { name: 'help'; topic?: string }
  | { name: 'version' };

export const USAGE = `Usage: shipshape <command> [options]

Commands:
  check [PATH...]   check infrastructure files (the default folder is .)
  rules             list every rule: code, name, kinds, default severity, fix
  explain CODE      print a rule's documentation page (by code or name)
  github-action     the entry point of the GitHub Action (reads its INPUT_* variables)

Run "shipshape check --help" for the options of check.
Options: -h, --help    show help;  --version    print the version and the sources (and dates) of the offline data`;

export const CHECK_USAGE = `Usage: shipshape check [PATH...] [options]
       shipshape check - --stdin-filename PATH [options]

Checks Dockerfiles, .dockerignore, compose files, GitHub Actions workflows, ECS task definitions
and Nix files. Folders are walked, skipping .git, node_modules, what .gitignore files ignore and
what is excluded; files named on the command line are checked whatever .gitignore says.

Output:
  --format FORMAT       text (default), json, sarif (GitHub code scanning), github (workflow
                        commands: annotations on the pull request) or checkstyle (XML)
  --fail-level LEVEL    exit 1 when a finding is at least LEVEL: error (default), warning,
                        info, hint, or none (never)
  --max-warnings N      exit 1 when there are more than N warnings

Fixes:
  --fix                 apply the safe fixes (those "Fix all" applies in the editor), repeated
                        until nothing changes (at most 10 passes), then report what is left
  --unsafe-fixes        with --fix: also apply the fix of a finding that has exactly one
  --fix-suggestions     the same as --unsafe-fixes (implies --fix)
  --diff                print the fixes as a unified diff instead of writing them (exit 1
                        when there is one); with --unsafe-fixes for those too

Input:
  -                     read one file from stdin (the only PATH); with --fix the fixed text is
                        printed and the report goes to stderr
  --stdin-filename PATH the path of the stdin file, for its kind, its settings and its place
                        among the other files (cross-file checks); default <stdin>
  --kind KIND           treat every file given as KIND (${DOCUMENT_KINDS.join(', ')})
  --config FILE         use this config file instead of the nearest .shipshape.yaml
  --exclude GLOB        skip what GLOB matches (.gitignore syntax, relative to the current
                        folder; may be repeated), as the exclude: list of .shipshape.yaml does
  --no-ignore           do not read .gitignore files
  --skip-unreadable     report files that cannot be read (permissions, FIFOs, devices, over
                        maxFileSize) as warnings instead of failing with exit 2
  -j, --jobs N          worker threads (default: every core when there are many files)

Exit status: 0 when no finding reaches the fail level, 1 when one does (or too many warnings,
or --diff has changes), 2 for a usage or internal error, a file that could not be read, or a
rule that failed.

  -h, --help            show this help`;

export const RULES_USAGE = `Usage: shipshape rules [--kind KIND] [--format text|json]

Lists every rule: code, name, the kinds it applies to, its default severity and its fix
("safe": applied by --fix; "suggestion": by --unsafe-fixes when it is the only one).`;

export const EXPLAIN_USAGE = `Usage: shipshape explain CODE

Prints the documentation page of a rule, by code (DL3007) or name (no-latest-tag).`;

function parseKind(k: string): DocumentKind {
  if (!DOCUMENT_KINDS.includes(k as DocumentKind))
    throw new UsageError(`unknown kind "${k}" (one of ${DOCUMENT_KINDS.join(', ')})`);
  return k as DocumentKind;
}

/** Splits `--flag=value` and hands out values, for one command's arguments. */
class ArgReader {
  private readonly args: string[];
  flag = '';
  private inline: string | undefined;
  constructor(args: string[]) {
    this.args = [...args];
  }
  next(): string | undefined {
    const a = this.args.shift();
    if (a === undefined) return undefined;
    if (a.startsWith('--') && a.includes('=')) {
      this.flag = a.slice(0, a.indexOf('='));
      this.inline = a.slice(a.indexOf('=') + 1);
    } else {
      this.flag = a;
      this.inline = undefined;
    }
    return a;
  }
  value(): string {
    const v = this.inline ?? this.args.shift();
    this.inline = undefined;
    if (v === undefined) throw new UsageError(`${this.flag} needs a value`);
    return v;
  }
  /** A flag that takes no value must not get one (`--fix=yes`). */
  noValue(): void {
    if (this.inline !== undefined) throw new UsageError(`${this.flag} takes no value`);
  }
}

export function parseArgs(argv: string[]): Command {
  const first = argv[0];
  if (first === undefined) throw new UsageError('missing command');
  if (first === '-h' || first === '--help' || first === 'help') return { name: 'help', topic: argv[1] };
  if (first === '--version' || first === '-V') return { name: 'version' };
  const rest = argv.slice(1);
  if (first === 'check') return parseCheck(rest);
  if (first === 'rules') return parseRules(rest);
  if (first === 'explain') return parseExplain(rest);
  if (first === 'github-action') return { name: 'github-action' };
  throw new UsageError(`unknown command "${first}"`);
}

function parseCheck(argv: string[]): Command {
  const r = new ArgReader(argv);
  const o: CheckOptions = {
    paths: [],
    format: 'text',
    diff: false,
    failLevel: 'error',
    exclude: [],
    gitignore: true,
    skipUnreadable: false,
  };
  let unsafe = false;
  let fix = false;
  let afterDashes = false;
  for (let a = r.next(); a !== undefined; a = r.next()) {
    if (afterDashes || a === '-' || !a.startsWith('-')) {
      o.paths.push(a);
      continue;
    }
    switch (r.flag) {
      case '--':
        afterDashes = true;
        break;
      case '-h':
      case '--help':
        return { name: 'help', topic: 'check' };
      case '--kind':
        o.kind = parseKind(r.value());
        break;
      case '--format': {
        const f = r.value();
        if (!(FORMATS as readonly string[]).includes(f))
          throw new UsageError(`unknown format "${f}" (one of ${FORMATS.join(', ')})`);
        o.format = f as Format;
        break;
      }
      case '--config':
        o.config = r.value();
        break;
      case '--fix':
        r.noValue();
        fix = true;
        break;
      case '--unsafe-fixes':
      case '--fix-suggestions':
        r.noValue();
        unsafe = true;
        break;
      case '--diff':
        r.noValue();
        o.diff = true;
        break;
      case '--stdin-filename':
        o.stdinFilename = r.value();
        break;
      case '--fail-level': {
        const l = r.value();
        if (!(FAIL_LEVELS as readonly string[]).includes(l))
          throw new UsageError(`unknown fail level "${l}" (one of ${FAIL_LEVELS.join(', ')})`);
        o.failLevel = l as FailLevel;
        break;
      }
      case '--max-warnings': {
        const v = r.value();
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, not "${v}"`);
        o.maxWarnings = Number(v);
        break;
      }
      case '--exclude':
        o.exclude.push(r.value());
        break;
      case '--no-ignore':
        r.noValue();
        o.gitignore = false;
        break;
      case '--skip-unreadable':
        r.noValue();
        o.skipUnreadable = true;
        break;
      case '-j':
      case '--jobs': {
        const v = r.value();
        if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`${r.flag} needs a number of threads, not "${v}"`);
        o.jobs = Math.min(Number(v), 64);
        break;
      }
      default:
        throw new UsageError(`unknown option "${r.flag}"`);
    }
  }
  if (fix || unsafe || o.diff) o.fix = unsafe ? 'unsafe' : 'safe';
  if (o.paths.includes('-') && o.paths.length > 1) throw new UsageError('"-" (stdin) must be the only path');
  if (o.stdinFilename !== undefined && !o.paths.includes('-'))
    throw new UsageError('--stdin-filename needs "-" as the path');
  if (!o.paths.length) o.paths.push('.');
  return { name: 'check', options: o };
}

function parseRules(argv: string[]): Command {
  const r = new ArgReader(argv);
  let kind: DocumentKind | undefined;
  let format: 'text' | 'json' = 'text';
  for (let a = r.next(); a !== undefined; a = r.next()) {
    if (r.flag === '-h' || r.flag === '--help') return { name: 'help', topic: 'rules' };
    else if (r.flag === '--kind') kind = parseKind(r.value());
    else if (r.flag === '--format') {
      const f = r.value();
      if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format "${f}" (text or json)`);
      format = f;
    } else throw new UsageError(`unexpected argument "${a}"`);
  }
  return { name: 'rules', kind, format };
}

function parseExplain(argv: string[]): Command {
  if (argv.includes('-h') || argv.includes('--help')) return { name: 'help', topic: 'explain' };
  if (argv.length !== 1 || argv[0].startsWith('-')) throw new UsageError('explain needs one rule code, e.g. DL3007');
  return { name: 'explain', code: argv[0] };
}

export function usageOf(topic: string | undefined): string {
  if (topic === 'check') return CHECK_USAGE;
  if (topic === 'rules') return RULES_USAGE;
  if (topic === 'explain') return EXPLAIN_USAGE;
  return USAGE;
}
