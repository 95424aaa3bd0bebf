import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from './engine/config';
import type { DocumentKind, Settings } from './engine/types';
import { DOCUMENT_KINDS } from './engine/types';
import { languages } from './links';
import { nodeFileSystem } from './node-fs';
import { dataSourcesText } from './service/data-sources';
import { detectKind } from './service/detect';
import { Service } from './service/service';
import { LineIndex } from './text/lines';
import type { FileResult, RelatedOut } from './cli/report';
import { toSarif } from './cli/sarif';

const VERSION = '0.1.0';
const USAGE = `Usage: shipshape check [PATH...] [--kind KIND] [--format text|json|sarif] [--config FILE]

Checks Dockerfiles, .dockerignore, compose files, GitHub Actions workflows, ECS task definitions
and Nix files. Folders are walked (skipping .git and node_modules). Exit status: 0 when no finding
is an error, 1 when one is, 2 for a usage or internal error.

Options:
  --kind KIND       treat every file given as KIND (${DOCUMENT_KINDS.join(', ')})
  --format FORMAT   text (default), json or sarif
  --config FILE     use this config file instead of the nearest .shipshape.yaml
  -h, --help        show this help
  --version         print the version and the sources (and dates) of the offline data`;

class UsageError extends Error {}

interface Options {
  paths: string[];
  kind?: DocumentKind;
  format: 'text' | 'json' | 'sarif';
  config?: string;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const args = [...argv];
  if (args[0] === '-h' || args[0] === '--help') return 'help';
  if (args[0] === '--version') return 'version';
  if (args[0] !== 'check') throw new UsageError(args[0] ? `unknown command "${args[0]}"` : 'missing command');
  args.shift();
  const opts: Options = { paths: [], format: 'text' };
  while (args.length) {
    const a = args.shift()!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const value = () => {
      const v = inline ?? args.shift();
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') return 'help';
    else if (flag === '--kind') {
      const k = value();
      if (!DOCUMENT_KINDS.includes(k as DocumentKind))
        throw new UsageError(`unknown kind "${k}" (one of ${DOCUMENT_KINDS.join(', ')})`);
      opts.kind = k as DocumentKind;
    } else if (flag === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif')
        throw new UsageError(`unknown format "${f}" (text, json or sarif)`);
      opts.format = f;
    } else if (flag === '--config') opts.config = value();
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option "${flag}"`);
    else opts.paths.push(a);
  }
  if (!opts.paths.length) opts.paths.push('.');
  return opts;
}

const SKIP_DIRS = new Set(['.git', 'node_modules']);

/** The files to check: those given, and the infra files inside the folders given. */
function collectFiles(
  paths: string[],
  kind: DocumentKind | undefined,
): { abs: string; shown: string; kind?: DocumentKind }[] {
  const out: { abs: string; shown: string; kind?: DocumentKind }[] = [];
  for (const p of paths) {
    const abs = path.resolve(p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new UsageError(`no such file or folder: ${p}`);
    }
    if (st.isFile()) {
      out.push({ abs, shown: p, kind });
      continue;
    }
    const walk = (dir: string) => {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!SKIP_DIRS.has(e.name)) walk(full);
          continue;
        }
        if (!e.isFile()) continue;
        // --kind forces the kind of every file found, as of every file given.
        let k = kind ?? detectKind(full);
        if (!k && e.name.toLowerCase().endsWith('.json')) k = detectKind(full, nodeFileSystem.readFile(full));
        if (k) out.push({ abs: full, shown: path.relative(process.cwd(), full) || full, kind: k });
      }
    };
    walk(abs);
  }
  return out;
}

function run(opts: Options): { results: FileResult[]; service: Service } {
  const service = new Service(languages, nodeFileSystem, (m) => process.stderr.write(`shipshape: ${m}\n`));
  let forced: Partial<Settings> | undefined;
  if (opts.config) {
    const text = nodeFileSystem.readFile(path.resolve(opts.config));
    if (text === undefined) throw new UsageError(`cannot read config file ${opts.config}`);
    const config = parseConfig(text);
    if (config.problems.length) throw new UsageError(`${opts.config}: ${config.problems.join('; ')}`);
    forced = { rules: config.rules, workflow: { selfHostedRunnerLabels: config.selfHostedRunnerLabels } };
  }
  const results: FileResult[] = [];
  const files = collectFiles(opts.paths, opts.kind);
  // Cross-file rules look other files up by kind (which workflows render this task definition?).
  for (const file of files) if (file.kind) service.workspace.addKnown(file.abs.split(path.sep).join('/'), file.kind);
  for (const file of files) {
    const text = nodeFileSystem.readFile(file.abs);
    if (text === undefined) continue;
    const abs = file.abs.split(path.sep).join('/');
    const settings = forced ? service.settingsFor('/', forced) : service.settingsFor(abs);
    const r = service.validate({ path: abs, text, kind: file.kind }, settings, { trusted: true });
    const related = r.findings.map((f) =>
      (f.related ?? []).flatMap((x): RelatedOut[] => {
        const text = service.workspace.get(x.path)?.text ?? service.workspace.readText(x.path);
        if (text === undefined) return [];
        return [
          {
            path: path.relative(process.cwd(), x.path).split(path.sep).join('/') || x.path,
            range: new LineIndex(text).range(x.start, x.end),
            message: x.message,
          },
        ];
      }),
    );
    results.push({ path: file.shown, kind: r.kind, findings: r.findings, lines: r.lines, related });
  }
  return { results, service };
}

function formatText(results: FileResult[]): string {
  const lines: string[] = [];
  const count = { error: 0, warning: 0, info: 0, hint: 0 };
  let files = 0;
  for (const r of results) {
    if (r.findings.length) files++;
    for (const f of r.findings) {
      const p = r.lines.position(f.start);
      lines.push(`${r.path}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.message} [${f.code}]`);
      count[f.severity]++;
    }
  }
  const total = count.error + count.warning + count.info + count.hint;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  lines.push(
    total === 0
      ? `no problems in ${plural(results.length, 'file')}`
      : `${plural(total, 'problem')} (${plural(count.error, 'error')}, ` +
          `${plural(count.warning, 'warning')}, ${count.info} info, ${plural(count.hint, 'hint')}) ` +
          `in ${plural(files, 'file')} of ${results.length} checked`,
  );
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileResult[]): string {
  return (
    JSON.stringify(
      {
        version: 1,
        files: results.map((r) => ({
          path: r.path,
          kind: r.kind ?? null,
          diagnostics: r.findings.map((f, i) => ({
            code: f.code,
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            range: r.lines.range(f.start, f.end),
            fixable: !!(f.fix || f.suggestions?.length),
            ...(r.related[i]?.length ? { related: r.related[i] } : {}),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}

export function main(argv: string[]): number {
  let opts: ReturnType<typeof parseArgs>;
  try {
    opts = parseArgs(argv);
    if (opts === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (opts === 'version') {
      process.stdout.write(`${VERSION}\ndata:\n${dataSourcesText()}`);
      return 0;
    }
    const { results, service } = run(opts);
    const out =
      opts.format === 'json'
        ? formatJson(results)
        : opts.format === 'sarif'
          ? JSON.stringify(toSarif(results, service.allRules(), VERSION), null, 2) + '\n'
          : formatText(results);
    process.stdout.write(out);
    return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(`shipshape: ${e.message}\n\n${USAGE}\n`);
    else process.stderr.write(`shipshape: internal error: ${(e as Error)?.stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  const code = main(process.argv.slice(2));
  process.stdout.write('', () => process.exit(code));
}
