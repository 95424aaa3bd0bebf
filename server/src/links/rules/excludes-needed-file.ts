import { defineRule } from '../../engine/define';
import type { DockerfileFacts } from '../../languages/dockerfile/facts';
import { isExcluded, type IgnoreFacts } from '../../languages/dockerignore/facts';
import { dockerfileOfIgnore } from '../context';
import { own } from '../facts';

/** A context path as a COPY source names it, without `./` and leading or doubled slashes. */
const clean = (p: string) =>
  p
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');

export const rule = defineRule<unknown>({
  meta: {
    code: 'DI004',
    id: 'excludes-needed-file',
    kinds: ['dockerignore'],
    defaultSeverity: 'warning',
    description:
      'A pattern excludes a lock or requirements file that a RUN of the Dockerfile needs, copied in with a folder or a wildcard.',
    messages: {
      fails:
        '`{{path}}` is excluded by `{{pattern}}`, and {{dockerfile}} copies it only with a folder or a wildcard: ' +
        '`{{command}}` on line {{line}} fails without it.',
      unpinned:
        '`{{path}}` is excluded by `{{pattern}}`, and {{dockerfile}} copies it only with a folder or a wildcard: ' +
        '`{{command}}` on line {{line}} runs without it (Yarn 1 then installs unpinned versions, Yarn 2+ fails).',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'A COPY of a folder (`COPY . .`) or a wildcard (`COPY package*.json ./`) copies what the context holds ' +
        'and says nothing when a file is missing, so a `.dockerignore` that drops the lock file breaks the build ' +
        'only later, at the RUN that needs it: `npm ci` (`package-lock.json` or `npm-shrinkwrap.json`), ' +
        '`yarn install --immutable` / `--frozen-lockfile` (`yarn.lock`), `pnpm install --frozen-lockfile` ' +
        '(`pnpm-lock.yaml`), `cargo build|check|test|run|fetch --locked` / `--frozen` (`Cargo.lock`, also looked ' +
        'for in the folders above, as for the JavaScript tools), `pip install -r|-c <file>` (also `pip3`, ' +
        '`python -m pip`, `uv pip`). We report only when every place the file may come from is excluded, the file ' +
        'exists in the workspace, no COPY names it (that is DI002) and nothing else may bring it: no `COPY --from`, ' +
        'URL, archive ADD or bind mount over it, no `cd`, `--prefix`, `--cwd`, `-C`, `--dir` or `--manifest-path`, ' +
        'no fallback (`npm ci || npm install`), no earlier command of the same tool that may write the lock (the ' +
        '`cargo chef cook` of cargo-chef, `npm install --package-lock-only`) and no earlier RUN naming the file. ' +
        '`cargo install --locked` (the lock of a published crate is its own), `poetry install` (works without a ' +
        'lock), `go mod download` (adds missing `go.sum` entries; only `-mod=readonly` builds fail, which the ' +
        'file does not show) are left out. The fix re-includes the file at the end (a suggestion).',
      severity:
        'A warning, as DI002: the build fails (Yarn 1 with `--frozen-lockfile` installs unpinned versions instead) ' +
        'only when this `.dockerignore` is the one the build reads, that is when the context is this folder, ' +
        'which a compose file, a workflow or a command line decides.',
      incorrect: '# Dockerfile: COPY package*.json ./ then RUN npm ci\n*.json\n!package.json',
      correct: '*.json\n!package.json\n!package-lock.json',
      files: {
        Dockerfile: 'FROM node:22\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\n',
        'package-lock.json': '{}\n',
      },
      peers: [],
    },
  },
  check(ctx) {
    const dir = ctx.path.slice(0, ctx.path.lastIndexOf('/'));
    const dockerfilePath = dockerfileOfIgnore(ctx.path);
    const df = ctx.workspace.facts(dockerfilePath);
    const ignore = own<IgnoreFacts>(ctx);
    if (df?.kind !== 'dockerfile' || !ignore) return;
    const facts = df.facts as DockerfileFacts;
    const named = new Set(facts.copySources.map((w) => clean(w.value)));
    const reported = new Set<string>();
    for (const need of facts.neededFiles ?? []) {
      // A COPY that names the file fails first: DI002 says so.
      if (need.paths.some((p) => named.has(p))) continue;
      // `COPY app .` brings the file too when `app` is a folder that holds it.
      const paths = [...need.paths, ...(need.ifFolder ?? []).filter((p) => ctx.workspace.exists(dir + '/' + p))];
      const res = paths.map((p) => isExcluded(ignore, p));
      if (res.some((r) => !r.excluded || !r.by || r.by.cleaned === '.')) continue;
      const k = paths.findIndex((p) => ctx.workspace.exists(dir + '/' + p));
      if (k < 0) continue;
      const path = paths[k];
      const pattern = res[k].by!;
      const key = `${pattern.start}:${path}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const end = ctx.text.length;
      const sep = ctx.text.endsWith('\n') || ctx.text === '' ? '' : '\n';
      const yarn1 = need.command.startsWith('yarn') && need.command.endsWith('--frozen-lockfile');
      ctx.report({
        start: pattern.start,
        end: pattern.end,
        messageId: yarn1 ? 'unpinned' : 'fails',
        data: {
          path,
          pattern: pattern.text,
          dockerfile: dockerfilePath.slice(dir.length + 1),
          command: need.command,
          line: need.line,
        },
        fix: {
          title: `Re-include ${path}`,
          safe: false,
          edits: [{ start: end, end, newText: `${sep}!${path}\n` }],
        },
      });
    }
  },
});
