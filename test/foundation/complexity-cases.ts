/**
 * The inputs of the complexity tests (complexity.test.ts), one per way a file can grow: lines,
 * nesting, stages, aliases, keys, repetitions of a hostile fragment. Each case builds its input of
 * size n and times the service's full analysis (every rule) or one feature on it. Most come from
 * the table of issue 22, where each took seconds to minutes, ran out of memory or never finished.
 */
import { languages } from '../../server/src/languages';
import { Service } from '../../server/src/service/service';
import { lex } from '../../server/src/languages/nix/lexer';
import { parse as parseNix } from '../../server/src/languages/nix/parser';
import { memoryFs } from '../helpers/context';
import { imageRepository } from '../../server/src/text/image-ref';
import { maskExpressions } from '../../server/src/text/script-map';
import { tidyWhitespace } from '../../server/src/engine/format';
import { chainsIn } from '../../server/src/languages/workflow/security';
import { sensitiveHostPath } from '../../server/src/text/container-security';
import { factsOfText } from '../../server/src/languages/dockerfile/facts';
import { registryConfigHasToken } from '../../server/src/text/container-security';
import type { Case } from '../helpers/complexity-worker';

interface Input {
  path: string;
  text: string;
  files?: Record<string, string>;
  /** Completion at this offset instead of validation. */
  complete?: number;
}

/** Validation (or completion) of one file with its sibling files; a rule that throws fails the case. */
function analyze(input: unknown): unknown {
  const { path, text, files, complete } = input as Input;
  const errors: string[] = [];
  const service = new Service(languages, memoryFs({ ...files, [path]: text }), (m) => errors.push(m));
  const settings = service.settingsFor(path);
  const out =
    complete === undefined
      ? service.validate({ path, text }, settings, { trusted: false }).findings
      : service.complete({ path, text }, complete, settings);
  if (errors.length) throw new Error(errors.join('\n'));
  // a parser that overflowed its stack and was caught is no answer either
  for (const f of out as { message?: string; label?: string }[])
    if (/internal error|call stack/i.test(f.message ?? '')) throw new Error(f.message);
  return out;
}

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
const of = (path: string, make: (n: number) => string, files?: (n: number) => Record<string, string>) => ({
  make: (n: number): Input => ({ path, text: make(n), files: files?.(n) }),
  run: analyze,
});

const WF = '/w/.github/workflows/ci.yml';
const step = (run: string) => `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${run}\n`;

export const CASES: Record<string, Case> = {
  // --- .dockerignore --------------------------------------------------------------------------
  'dockerignore: `**/` repeated in a pattern, against an 18-folder COPY source': {
    doubles: 'the `**/` repetitions',
    n: 8,
    max: 4096,
    ...of(
      '/w/Dockerfile',
      () => 'FROM a:1\nCOPY ' + 'a/'.repeat(18) + 'c /x\n',
      (n) => ({ '/w/.dockerignore': '**/'.repeat(n) + 'b\n' }),
    ),
  },
  'dockerignore: the depth of the COPY source, against `**/`×14 b': {
    doubles: 'the folders of the COPY source',
    n: 16,
    max: 8192,
    ...of(
      '/w/.dockerignore',
      () => '**/'.repeat(14) + 'b\n',
      (n) => ({ '/w/Dockerfile': 'FROM a:1\nCOPY ' + 'a/'.repeat(n) + 'c /x\n' }),
    ),
  },
  'dockerignore: `*a`×12 b, against a COPY source of a run of `a`': {
    doubles: 'the run of `a`',
    n: 64,
    max: 1 << 20,
    ...of(
      '/w/Dockerfile',
      (n) => 'FROM a:1\nCOPY ' + 'a'.repeat(n) + ' /x\n',
      () => ({ '/w/.dockerignore': '*a'.repeat(12) + 'b\n' }),
    ),
  },
  // DI003 compares re-includes with excludes, quadratic up to its cap (MAX_COMPARISONS): sizes past it
  'dockerignore: lines of excludes and re-includes': {
    doubles: 'the lines',
    n: 2048,
    max: 65536,
    ...of(
      '/w/.dockerignore',
      (n) => lines(n, (i) => (i % 3 === 2 ? `!keep${i}/x.md` : i % 3 === 1 ? `**/*.log${i}` : `dir${i}`)),
      () => ({ '/w/Dockerfile': 'FROM a:1\nCOPY src /src\nCOPY dir1/a /a\n' }),
    ),
  },

  // DI004 walks the placements and earlier RUNs of a stage's chain up to a bound (MAX_WALK): sizes past it
  'dockerignore: a chain of stages, each copying the context and running `npm ci` (DI004)': {
    doubles: 'the stages',
    n: 512,
    max: 1 << 14,
    ...of(
      '/w/.dockerignore',
      () => '*.json\n!package.json\n',
      (n) => ({
        '/w/Dockerfile':
          'FROM node:22 AS s0\nWORKDIR /app\n' +
          lines(n, (i) => `FROM s${i} AS s${i + 1}\nCOPY package*.json ./\nRUN npm ci && pip install -r r${i}.txt`) +
          '\n',
        '/w/package-lock.json': '{}',
      }),
    ),
  },

  // --- compose --------------------------------------------------------------------------------
  'compose: a `(a+)+_PASSWORD` environment key, against a .env line of `a`': {
    doubles: 'the .env line',
    n: 16,
    max: 1 << 20 /* the index reads files up to 2 MiB */,
    ...of(
      '/w/compose.yaml',
      () => 'services:\n  a:\n    image: x:1\n    environment:\n      "(a+)+_PASSWORD": hunter2\n',
      (n) => ({ '/w/.env': 'a'.repeat(n) + '!\n' }),
    ),
  },
  'compose: services that are aliases of one anchor': {
    doubles: 'the aliases',
    n: 64,
    max: 65536,
    ...of('/w/compose.yaml', (n) => 'x-a: &a\n  image: x:1\nservices:\n' + lines(n, (i) => `  s${i}: *a`) + '\n'),
  },
  'compose: one anchor, then keys': {
    doubles: 'the keys',
    n: 4096,
    max: 1 << 18,
    ...of(
      '/w/compose.yaml',
      (n) =>
        'services:\n  a:\n    image: x:1\n    labels:\n' + lines(n, (i) => `      k${i}: ${i ? '' : '&a '}v`) + '\n',
    ),
  },
  'compose: services': {
    doubles: 'the services',
    n: 16,
    max: 16384,
    ...of(
      '/w/compose.yaml',
      (n) =>
        'services:\n' +
        lines(
          n,
          (i) =>
            `  s${i}:\n    image: postgres:16\n    ports: ["${1000 + i}:5432"]\n    environment:\n` +
            `      DB_PASSWORD: x${i}\n    depends_on: [s${(i + 1) % n}]\n    volumes: [d${i}:/data]`,
        ) +
        '\nvolumes:\n' +
        lines(n, (i) => `  d${i}: {}`) +
        '\n',
    ),
  },

  // --- task definition ------------------------------------------------------------------------
  ...Object.fromEntries(
    ['${', '{{', '#{', '<a'].map((frag) => [
      `taskdef: a string of \`${frag}\` repeated`,
      {
        doubles: 'the repetitions',
        n: 1024,
        max: 1 << 20,
        ...of('/w/task-definition.json', (n) =>
          JSON.stringify({ family: 'a', containerDefinitions: [{ name: 'x', image: frag.repeat(n) }] }),
        ),
      },
    ]),
  ),
  'taskdef: containers': {
    doubles: 'the containers',
    n: 16,
    max: 16384,
    ...of('/w/task-definition.json', (n) =>
      JSON.stringify({
        family: 'a',
        cpu: '256',
        memory: '512',
        containerDefinitions: Array.from({ length: n }, (_, i) => ({
          name: `c${i}`,
          image: 'x:1',
          portMappings: [{ containerPort: 80 + i }],
          dependsOn: [{ containerName: `c${(i + 1) % n}`, condition: 'START' }],
          environment: [{ name: 'A', value: '${X}' }],
        })),
      }),
    ),
  },

  // --- Nix ------------------------------------------------------------------------------------
  'nix: `1+1+1…`': {
    doubles: 'the terms',
    n: 1024,
    max: 1 << 20,
    ...of('/w/default.nix', (n) => '1+'.repeat(n) + '1\n'),
  },
  'nix: `a.a.a…`': {
    doubles: 'the attributes',
    n: 1024,
    max: 1 << 20,
    ...of('/w/default.nix', (n) => 'a' + '.a'.repeat(n) + '\n'),
  },
  'nix lexer: `/* ` repeated, never closed': {
    doubles: 'the repetitions',
    n: 1024,
    max: 1 << 17 /* past that, the garbage collector of a million tokens dominates */,
    make: (n) => '/* '.repeat(n),
    run: (text) => lex(text as string),
  },
  'nix lexer: a run of path characters then `:`': {
    doubles: 'the repetitions',
    n: 1024,
    max: 1 << 17 /* past that, the garbage collector of a million tokens dominates */,
    make: (n) => 'a+'.repeat(n) + ': ',
    run: (text) => lex(text as string),
  },
  'image reference: `${{` repeated, never closed (compared across files by repository)': {
    doubles: 'the repetitions',
    n: 1024,
    max: 1 << 18,
    make: (n) => `ghcr.io/acme/${'${{'.repeat(n)}:1`,
    run: (text) => imageRepository(text as string),
  },
  'run: script masked for shellcheck: `${{` repeated, never closed': {
    doubles: 'the repetitions',
    n: 1024,
    max: 1 << 18,
    make: (n) => `echo ${'${{'.repeat(n)}`,
    run: (text) => maskExpressions(text as string),
  },
  'formatting: a run of spaces that ends in a letter (trailing blanks)': {
    doubles: 'the spaces',
    n: 1024,
    max: 1 << 20,
    make: (n) => `a${' '.repeat(n)}b\n`,
    run: (text) => tidyWhitespace(text as string),
  },
  'expression chains: a long name without a dot, and `[` never closed': {
    doubles: 'the length',
    n: 1024,
    max: 1 << 19,
    make: (n) => `${'a'.repeat(n)} ${'['.repeat(n)}`,
    run: (text) => chainsIn(text as string),
  },
  'host path: a run of `/` before a name (mount checks)': {
    doubles: 'the slashes',
    n: 1024,
    max: 1 << 20,
    make: (n) => `${'/'.repeat(n)}etc`,
    run: (text) => sensitiveHostPath(text as string),
  },
  '.npmrc: a run of blank lines (is there a token in it?)': {
    doubles: 'the blank lines',
    n: 1024,
    max: 1 << 20,
    make: (n) => `registry=https://npm.example\n${'\n'.repeat(n)}x`,
    run: (text) => registryConfigHasToken(text as string),
  },
  'nix parser: nested lets and attribute sets': {
    doubles: 'the nesting',
    n: 1024, // past 200 levels, where deep regions are parsed first (prepareDeep)
    max: 1 << 16,
    make: (n) => 'let a = { b = '.repeat(n) + '1' + '; }; in a'.repeat(n),
    run: (text) => parseNix(text as string),
  },
  'nix: bindings': {
    doubles: 'the bindings',
    n: 64,
    max: 1 << 17,
    ...of(
      '/w/default.nix',
      (n) =>
        `{ pkgs, lib, ... }:\nlet\n${lines(n, (i) => `  x${i} = pkgs.hello.override { v = "\${toString ${i}}"; };`)}\nin {\n${lines(n, (i) => `  y${i} = x${i};`)}\n}\n`,
    ),
  },
  'flake: outputs': {
    doubles: 'the outputs',
    n: 32,
    max: 1 << 16,
    ...of(
      '/w/flake.nix',
      (n) =>
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  outputs = { self, nixpkgs }: {\n' +
        lines(n, (i) => `    packages.x86_64-linux.p${i} = nixpkgs.legacyPackages.x86_64-linux.hello;`) +
        '\n  };\n}\n',
    ),
  },

  'flake: inputs used but never declared (NX001 and its fix)': {
    doubles: 'the inputs',
    n: 32,
    max: 1 << 14,
    ...of(
      '/w/flake.nix',
      (n) =>
        '{\n  inputs.nixpkgs.url = "github:NixOS/nixpkgs";\n  outputs = { self, nixpkgs }: {\n' +
        lines(n, (i) => `    packages.x86_64-linux.p${i} = tool${i}.packages.x86_64-linux.default;`) +
        '\n  };\n}\n',
    ),
  },

  // --- Dockerfile -----------------------------------------------------------------------------
  'dockerfile facts: one RUN naming a package manager again and again (what the stage installs)': {
    doubles: 'the repetitions',
    n: 1024,
    max: 1 << 17,
    make: (n) => `FROM a:1\nRUN ${'apt x '.repeat(n)}curl\n`,
    run: (text) => factsOfText(text as string),
  },
  'dockerfile: ARG lines': {
    doubles: 'the lines',
    n: 2048,
    max: 1 << 17,
    ...of('/w/Dockerfile', (n) => 'FROM a:1\n' + lines(n, (i) => `ARG A${i}=1`) + '\n'),
  },
  'dockerfile: stages': {
    doubles: 'the stages',
    n: 2048,
    max: 1 << 16,
    ...of('/w/Dockerfile', (n) => lines(n, (i) => `FROM a:1 AS s${i}`) + '\n'),
  },
  'dockerfile: stages named in capitals, each used by the next': {
    doubles: 'the stages',
    n: 1024,
    max: 1 << 16,
    ...of('/w/Dockerfile', (n) => 'FROM a:1 AS S0\n' + lines(n, (i) => `FROM S${i} AS S${i + 1}`) + '\n'),
  },
  'dockerfile: a chain of stages, each copying from the one before': {
    doubles: 'the stages',
    n: 1024,
    max: 1 << 16,
    ...of(
      '/w/Dockerfile',
      (n) => 'FROM a:1 AS s0\n' + lines(n, (i) => `FROM s${i} AS s${i + 1}\nCOPY --from=s${i} /a /a`) + '\n',
    ),
  },
  'dockerfile: RUN, ENV and COPY lines': {
    doubles: 'the lines',
    n: 64,
    max: 1 << 16,
    ...of(
      '/w/Dockerfile',
      (n) =>
        'FROM node:20-alpine AS build\nWORKDIR /app\n' +
        lines(
          n,
          (i) =>
            `ENV V${i}=$V${i ? i - 1 : 0}\nRUN apt-get update && apt-get install -y curl${i} && ` +
            `pip install p${i} && npm ci\nCOPY src${i} /app/\nEXPOSE ${1000 + i}`,
        ) +
        '\nUSER node\nCMD ["node", "x.js"]\n',
    ),
  },
  'dockerfile: RUN lines that each lost the `\\` before their cleanup line (DF001, the cut RUN left alone)': {
    doubles: 'the lines',
    n: 256,
    max: 1 << 15,
    ...of(
      '/w/Dockerfile',
      (n) =>
        'FROM debian:12\n' +
        lines(n, (i) => `RUN apt-get update && apt-get install -y curl${i} sudo\n    && rm -rf /var/lib/apt/lists/*`) +
        '\n',
    ),
  },
  'dockerfile: a shell word `-ccc…x` after `sh`': {
    doubles: 'the word',
    n: 1024,
    max: 1 << 21,
    ...of('/w/Dockerfile', (n) => 'FROM a:1\nRUN sh -' + 'c'.repeat(n) + 'X\n'),
  },

  // --- workflow -------------------------------------------------------------------------------
  'workflow: nested parentheses in `${{ }}`': {
    doubles: 'the nesting',
    n: 2048,
    max: 1 << 17,
    ...of(WF, (n) => step(`echo "\${{ ${'('.repeat(n)}1${')'.repeat(n)} }}"`)),
  },
  'workflow: `1 && 1 && …` in `${{ }}`': {
    doubles: 'the operators',
    n: 16384,
    max: 1 << 19,
    ...of(WF, (n) => step(`echo "\${{ 1${' && 1'.repeat(n)} }}"`)),
  },
  'workflow: `!!!…1` in `${{ }}`': {
    doubles: 'the operators',
    n: 16384,
    max: 1 << 19,
    ...of(WF, (n) => step(`echo "\${{ ${'!'.repeat(n)}1 }}"`)),
  },
  'workflow: `a[a[a[…` in `${{ }}`': {
    doubles: 'the nesting',
    n: 2048,
    max: 1 << 17,
    ...of(WF, (n) => step(`echo "\${{ ${'a['.repeat(n)}1${']'.repeat(n)} }}"`)),
  },
  'workflow: completion after `${{ a.a.a… `': {
    doubles: 'the line',
    n: 1024,
    max: 1 << 20,
    make: (n): Input => {
      const text = step(`echo \${{ a${'.a'.repeat(n)} `).trimEnd() + ' ';
      return { path: WF, text, complete: text.length };
    },
    run: analyze,
  },
  'workflow: completion after `${{ aaa…!`': {
    doubles: 'the line',
    n: 1024,
    max: 1 << 20,
    make: (n): Input => {
      const text = step(`echo \${{ ${'a'.repeat(n)}!`).trimEnd();
      return { path: WF, text, complete: text.length };
    },
    run: analyze,
  },
  'workflow: `::set-output name=a::` then spaces and a word': {
    doubles: 'the spaces',
    n: 4096,
    max: 1 << 20,
    ...of(WF, (n) => step(`|\n          echo ::set-output name=a::${' '.repeat(n)}x`)),
  },
  'workflow: env keys with anchors': {
    doubles: 'the keys',
    n: 4096,
    max: 1 << 18,
    ...of(WF, (n) => 'on: push\nenv:\n' + lines(n, (i) => `  K${i}: &a${i} v`) + '\njobs: {}\n'),
  },
  'workflow: jobs with steps': {
    doubles: 'the jobs',
    n: 8,
    max: 8192,
    ...of(
      WF,
      (n) =>
        'on: push\njobs:\n' +
        lines(
          n,
          (i) =>
            `  j${i}:\n    runs-on: ubuntu-latest\n    needs: [${i ? `j${i - 1}` : ''}]\n    steps:\n` +
            `      - uses: actions/checkout@v4\n      - id: s${i}\n        run: echo "x=1" >> "$GITHUB_OUTPUT"\n` +
            `      - run: echo \${{ steps.s${i}.outputs.x }} \${{ needs.j${i ? i - 1 : 0}.result }}`,
        ) +
        '\n',
    ),
  },
};
