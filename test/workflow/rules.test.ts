/** Table tests of every workflow rule through the lead's rule tester (the real service, one rule at a time). */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../helpers/context';
import { language } from '../../server/src/languages/workflow';
import { testRule, type RuleCases } from '../helpers/rule-tester';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const job = (steps: string, extra = '') =>
  `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n${extra}    steps:\n${steps}`;

const TABLES: Record<string, RuleCases> = {
  WF000: {
    valid: ['on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n'],
    invalid: [
      {
        code:
          'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    runs-on: ' +
          'windows-latest\n    steps:\n      - run: x\n',
        errors: [{ messageId: 'duplicateKey', line: 5 }],
      },
      { code: 'on: push\njobs:\n  a: [\n', errors: [{ messageId: 'syntax' }] },
      { code: job('      - run: x\n        if: !cancelled() && true\n'), errors: [{ messageId: 'syntax', line: 7 }] },
      {
        code: job('      - uses: x/y@v1\n        with:\n          id: {{ placeholder }}\n'),
        errors: [{ messageId: 'syntax', line: 8 }],
      },
    ],
  },
  WF001: {
    valid: [job("      - run: echo ${{ github.sha }}\n        if: github.ref == 'refs/heads/main'\n")],
    invalid: [
      { code: job('      - run: echo ${{ github.ref = "x" }}\n'), errors: [{ messageId: 'syntax', line: 6 }] },
      { code: job('      - run: echo ${{ github.sha\n'), errors: [{ messageId: 'syntax', line: 6 }] },
      {
        code: job("      - run: echo hi\n        if: (github.ref == 'x'\n"),
        errors: [{ messageId: 'syntax', line: 7 }],
      },
    ],
  },
  WF002: {
    valid: [
      job(
        '      - id: b\n        run: echo\n      - run: echo ${{ steps.b.outputs.x }} ${{ matrix.os }} ${{ env.X }}\n',
        '    strategy:\n      matrix:\n        os: [a, b]\n',
      ),
      // A job-level defaults.run.shell may read the matrix (the schema's context lists).
      job(
        '      - run: x\n',
        '    strategy:\n      matrix:\n        sh: [bash]\n    defaults:\n      run:\n        shell: ${{ matrix.sh }}\n',
      ),
    ],
    invalid: [
      { code: job('      - run: echo ${{ foo.bar }}\n'), errors: [{ messageId: 'undefined', line: 6 }] },
      {
        code:
          'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    if: secrets.X ' +
          "!= ''\n    steps:\n      - run: echo\n",
        errors: [{ messageId: 'unavailable', line: 5 }],
      },
      {
        code: job('      - run: echo ${{ gihub.sha }}\n'),
        errors: [{ messageId: 'undefined', line: 6 }],
        output: job('      - run: echo ${{ github.sha }}\n'),
      },
      {
        code: job('      - run: x\n        env:\n          A: ${{ steps }}\n', '    env:\n      B: ${{ runner.os }}\n'),
        errors: [{ messageId: 'unavailable', line: 6 }],
      },
    ],
  },
  WF030: {
    valid: [
      'on:\n  workflow_dispatch:\n    inputs:\n      name: { type: string ' +
        '}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      o: ${{ steps.s.outputs.v ' +
        '}}\n    steps:\n      - id: s\n        run: echo ${{ inputs.name }} ${{ github.event.inputs.name }}\n  b:\n' +
        "    needs: A\n    runs-on: ubuntu-latest\n    if: needs.a.outputs.o == 'x'\n    steps:\n      - run: " +
        'echo ${{ needs.a.outputs.o }}\n',
      // include-only keys, object rows, a dynamic matrix, outputs of an action with dynamic outputs.
      job(
        '      - id: f\n        uses: dorny/paths-filter@v3\n        with:\n          filters: x\n' +
          '      - run: echo ${{ matrix.t.triple }} ${{ matrix.extra }} ${{ steps.f.outputs.anything }}\n',
        '    strategy:\n      matrix:\n        t: [{triple: x}]\n        include:\n          - extra: 1\n',
      ),
      job('      - run: echo ${{ matrix.whatever }}\n', '    strategy:\n      matrix: ${{ fromJSON(vars.m) }}\n'),
      // Secrets are strict only in a workflow that is only called and declares them.
      'on:\n  workflow_call:\n    secrets:\n      token: {}\n  push:\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: x\n        env:\n          A: ${{ secrets.OTHER }}\n',
    ],
    invalid: [
      {
        code: job('      - run: echo ${{ steps.b.outputs.x }}\n      - id: b\n        run: echo\n'),
        errors: [{ messageId: 'property', line: 6 }],
      },
      { code: job('      - run: echo ${{ matrix.os }}\n'), errors: [{ messageId: 'property', line: 6 }] },
      {
        code:
          'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      ' +
          '- run: echo ${{ needs.b.outputs.x }}\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      ' +
          '- run: echo\n',
        errors: [{ messageId: 'property', line: 6 }],
      },
      {
        code: job('      - run: echo ${{ github.shaa }}\n'),
        errors: [{ messageId: 'property', line: 6 }],
        output: job('      - run: echo ${{ github.sha }}\n'),
      },
      // Did you mean: a misspelt step id and matrix key get the nearest existing name as a suggestion.
      {
        code: job('      - id: build\n        run: echo\n      - run: echo ${{ steps.biuld.outputs.x }}\n'),
        errors: [{ messageId: 'property', line: 8 }],
        output: job('      - id: build\n        run: echo\n      - run: echo ${{ steps.build.outputs.x }}\n'),
      },
      {
        code: job('      - run: echo ${{ matrix.nodes }}\n', '    strategy:\n      matrix:\n        node: [20, 22]\n'),
        errors: [{ messageId: 'property', line: 9 }],
        output: job('      - run: echo ${{ matrix.node }}\n', '    strategy:\n      matrix:\n        node: [20, 22]\n'),
      },
      // An index with a string literal is not rewritten (the range is the quoted literal).
      { code: job("      - run: echo ${{ github['shaa'] }}\n"), errors: [{ messageId: 'property', line: 6 }] },
      // Outputs of a popular action from the catalog, object matrix rows, fromJSON of a literal, declared secrets.
      {
        code: job(
          '      - id: node\n        uses: actions/setup-node@v4\n      - run: echo ${{ steps.node.outputs.nodeversion }}\n',
        ),
        errors: [{ messageId: 'property', line: 8 }],
        output: job(
          '      - id: node\n        uses: actions/setup-node@v4\n      - run: echo ${{ steps.node.outputs.node-version }}\n',
        ),
      },
      {
        code: job(
          '      - run: echo ${{ matrix.t.arch }}\n',
          '    strategy:\n      matrix:\n        t: [{triple: x, cross: false}]\n',
        ),
        errors: [{ messageId: 'property', line: 9 }],
      },
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: ${{ fromJSON(\'{"small":"x"}\').large }}\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'property', line: 4 }],
      },
      {
        code: 'on:\n  workflow_call:\n    secrets:\n      registry-token: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: x\n        env:\n          A: ${{ secrets.registry_tokn }}\n',
        errors: [{ messageId: 'property', line: 11 }],
        output:
          'on:\n  workflow_call:\n    secrets:\n      registry-token: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: x\n        env:\n          A: ${{ secrets.registry-token }}\n',
      },
      {
        code: 'on:\n  workflow_dispatch:\n    inputs:\n      stage: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.event.inputs.stages }}\n',
        errors: [{ messageId: 'property', line: 9 }],
        output:
          'on:\n  workflow_dispatch:\n    inputs:\n      stage: {}\njobs:\n  a:\n    runs-on: x\n    steps:\n      - run: echo ${{ github.event.inputs.stage }}\n',
      },
      // Outputs of a local action read from its action.yml.
      {
        code: job('      - id: l\n        uses: ./act\n      - run: echo ${{ steps.l.outputs.nope }}\n'),
        files: {
          '/ws/act/action.yml': 'name: a\noutputs:\n  dir: { value: x }\nruns:\n  using: composite\n  steps: []\n',
        },
        errors: [{ messageId: 'property', line: 8 }],
      },
    ],
  },
  WF003: {
    valid: [
      job(
        "      - run: echo ${{ format('{0}-{1}', github.sha, github.run_id) }} " +
          "${{ hashFiles('**/x') }}\n        if: always() && contains(github.ref, 'x')\n",
      ),
    ],
    invalid: [
      {
        code: job("      - run: echo ${{ format('{0}-{1}', github.sha) }}\n"),
        errors: [{ messageId: 'format', line: 6 }],
      },
      { code: job("      - run: echo ${{ contains('a') }}\n"), errors: [{ messageId: 'arity', line: 6 }] },
      { code: job("      - run: echo ${{ lower('a') }}\n"), errors: [{ messageId: 'unknown', line: 6 }] },
      {
        code: job("      - run: echo ${{ startWith(github.ref, 'v') }}\n"),
        errors: [{ messageId: 'unknown', line: 6 }],
        output: job("      - run: echo ${{ startsWith(github.ref, 'v') }}\n"),
      },
      { code: job('      - run: echo ${{ success() }}\n'), errors: [{ messageId: 'unavailable', line: 6 }] },
      {
        code:
          "on: push\nenv:\n  H: ${{ hashFiles('x') }}\njobs:\n  a:\n    runs-on: " +
          'ubuntu-latest\n    steps:\n      - run: echo\n',
        errors: [{ messageId: 'unavailable', line: 3 }],
      },
      { code: job("      - run: echo ${{ fromJSON('{a') }}\n"), errors: [{ messageId: 'json', line: 6 }] },
      // failure() takes arguments in a job's if only.
      { code: job('      - run: x\n        if: failure(needs.a)\n'), errors: [{ messageId: 'arity', line: 7 }] },
    ],
  },
  WF004: {
    valid: [
      job('      - run: echo\n        if: github.event.number > 3\n'),
      // Loose equalities GitHub allows on purpose; objects passed through toJSON; a matrix given as JSON.
      job(
        "      - run: echo ${{ toJSON(github.event) }} ${{ 0 == null }} ${{ '0' == false }}\n        if: github.event.pull_request\n",
      ),
      job('      - run: x\n        env: ${{ fromJSON(inputs.env) }}\n'),
    ],
    invalid: [
      { code: job('      - run: echo ${{ github.sha.length }}\n'), errors: [{ messageId: 'type', line: 6 }] },
      { code: job('      - run: echo\n        if: github > 1\n'), errors: [{ messageId: 'type', line: 7 }] },
      {
        code: job("      - run: x\n        if: ${{ github.event == 'push' }}\n"),
        errors: [{ messageId: 'type', line: 7 }],
      },
      { code: job('      - run: x\n        if: null < github.run_number\n'), errors: [{ messageId: 'type', line: 7 }] },
      { code: job('      - run: echo "${{ runner }}"\n'), errors: [{ messageId: 'type', line: 6 }] },
      { code: job('      - run: echo "${{ null }}"\n'), errors: [{ messageId: 'type', line: 6 }] },
      { code: job('      - run: echo "${{ env[1] }}"\n'), errors: [{ messageId: 'type', line: 6 }] },
      { code: job('      - run: echo "${{ join(github.sha) }}"\n'), errors: [{ messageId: 'type', line: 6 }] },
      {
        code: job('      - run: echo "${{ startsWith(github.ref, runner) }}"\n'),
        errors: [{ messageId: 'type', line: 6 }],
      },
      { code: job('      - run: echo "${{ format(\'{{x}}\') }}"\n'), errors: [{ messageId: 'type', line: 6 }] },
      { code: job("      - run: echo ${{ format('{0}', 1, 2) }}\n"), errors: [{ messageId: 'type', line: 6 }] },
      {
        code: job('      - run: env\n        env: ${{ matrix.s }}\n', '    strategy:\n      matrix:\n        s: [a]\n'),
        errors: [{ messageId: 'type', line: 10 }],
      },
      {
        code: job('      - run: echo ${{ matrix.n.x }}\n', '    strategy:\n      matrix:\n        n: [1, 2]\n'),
        errors: [{ messageId: 'type', line: 9 }],
      },
    ],
  },
  WF005: {
    valid: [job('      - run: echo\n        shell: bash\n')],
    invalid: [
      {
        code: 'on: push\njobs:\n  a:\n    run-on: ubuntu-latest\n    steps:\n      - run: x\n',
        errors: [{ messageId: 'unknown', line: 4 }],
        output: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n',
      },
      {
        code: job('      - uses: actions/checkout@v4\n        shell: bash\n'),
        errors: [{ messageId: 'conflict', line: 7 }],
      },
      {
        code: 'on: push\njobs:\n  a:\n    uses: ./.github/workflows/x.yml\n    runs-on: ubuntu-latest\n',
        errors: [{ messageId: 'conflict', line: 5 }],
      },
      {
        code: job('      - uses: a/b@v1\n        with:\n          Token: x\n          token: y\n'),
        errors: [{ messageId: 'duplicate', line: 9 }],
      },
      // GitHub's newer syntax is known; an unknown key is still one.
      {
        code: job('      - run: x\n        backgrund: true\n'),
        errors: [{ messageId: 'unknown', line: 7 }],
        output: job('      - run: x\n        background: true\n'),
      },
    ],
  },
  WF006: {
    valid: [job('      - run: x\n')],
    invalid: [
      { code: 'on: push\njobs:\n  a:\n    steps:\n      - run: x\n', errors: [{ messageId: 'missing', line: 3 }] },
      { code: job('      - name: nothing\n'), errors: [{ messageId: 'missing', line: 6 }] },
      {
        code: 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n',
        errors: [{ messageId: 'missing', line: 1 }],
      },
      { code: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps: []\n', errors: [{ messageId: 'empty', line: 5 }] },
      { code: 'on: push\njobs: {}\n', errors: [{ messageId: 'empty', line: 2 }] },
      { code: 'on: push\njobs:\n  a:\n    runs-on: x\n', errors: [{ messageId: 'missing', line: 3 }] },
      {
        code: job('      - run: x\n', '    concurrency:\n      cancel-in-progress: true\n'),
        errors: [{ messageId: 'missing', line: 5, column: 5 }],
      },
    ],
  },
  WF007: {
    valid: [
      job('      - run: x\n', '    timeout-minutes: 10\n'),
      job('      - run: x\n', '    timeout-minutes: ${{ inputs.t }}\n'),
    ],
    invalid: [
      { code: job('      - run: x\n', '    timeout-minutes: ten\n'), errors: [{ messageId: 'type', line: 5 }] },
      { code: job('      - uses: ${{ inputs.action }}\n'), errors: [{ messageId: 'expression', line: 6 }] },
      {
        code: job('      - run: x\n', '    concurrency:\n      group: g\n      queue: many\n'),
        errors: [{ messageId: 'value', line: 7 }],
      },
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: ""\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'empty', line: 4 }],
      },
      { code: job('      - run: x\n', '    env:\n'), errors: [{ messageId: 'type', line: 5 }] },
      {
        code: job('      - run: x\n        shell: ${{ matrix.sh }}\n'),
        errors: [{ messageId: 'expression', line: 7 }],
      },
    ],
  },
  WF008: {
    valid: [
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: ' +
        'x }]\n  b:\n    needs: [a]\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
      'on: push\njobs:\n  version:\n    runs-on: x\n    steps: [{ run: x }]\n  b:\n    needs: [VERSION]\n    runs-on: x\n    steps: [{ run: x }]\n',
    ],
    invalid: [
      {
        code:
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{ ' +
          'run: x }]\n  deploy:\n    needs: biuld\n    runs-on: ubuntu-latest\n    steps: [{ run: x ' +
          '}]\n',
        errors: [{ messageId: 'unknown', line: 7 }],
        output:
          'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps: [{ ' +
          'run: x }]\n  deploy:\n    needs: build\n    runs-on: ubuntu-latest\n    steps: [{ run: x ' +
          '}]\n',
      },
      {
        code:
          'on: push\njobs:\n  a:\n    needs: b\n    runs-on: ubuntu-latest\n    ' +
          'steps: [{ run: x }]\n  b:\n    needs: a\n    runs-on: ubuntu-latest\n    steps: [{ run: x ' +
          '}]\n',
        errors: [{ messageId: 'cycle', line: 8 }],
      },
      {
        code: 'on: push\njobs:\n  a:\n    needs: [a]\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'self', line: 4 }],
      },
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n  b:\n    needs: [a, A]\n    runs-on: x\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'duplicate', line: 7 }],
      },
    ],
  },
  WF009: {
    valid: [job('      - id: a\n        run: x\n      - id: b\n        run: y\n')],
    invalid: [
      {
        code: job('      - id: a\n        run: x\n      - id: a\n        run: y\n'),
        errors: [{ messageId: 'duplicateStep', line: 8 }],
      },
      { code: job('      - id: 1st\n        run: x\n'), errors: [{ messageId: 'stepId', line: 6 }] },
      {
        code: 'on: push\njobs:\n  2build:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'jobId', line: 3 }],
      },
    ],
  },
  WF010: {
    valid: [
      'on: push\njobs:\n  a:\n    runs-on: [self-hosted, linux, gpu]\n    steps: [{ run: x }]\n',
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: my-runner\n    steps: [{ run: x }]\n',
        settings: { workflow: { selfHostedRunnerLabels: ['my-runner'] } },
      },
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest-16-cores\n    steps: [{ run: x }]\n',
      'on: push\njobs:\n  a:\n    runs-on: [self-hosted, Linux, ARM64]\n    steps: [{ run: x }]\n',
      'on: push\njobs:\n  a:\n    runs-on:\n      group: big\n      labels: [gpu]\n    steps: [{ run: x }]\n',
    ],
    invalid: [
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latets\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'unknown', line: 4 }],
        output: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
      },
      {
        code: 'on: push\njobs:\n  a:\n    runs-on:\n      group: ci\n      labels: [ubuntu-lastest]\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'unknown', line: 6 }],
        output:
          'on: push\njobs:\n  a:\n    runs-on:\n      group: ci\n      labels: [ubuntu-latest]\n    steps: [{ run: x }]\n',
      },
      {
        code:
          'on: push\njobs:\n  a:\n    strategy:\n      matrix:\n        os: [ubuntu-latest, linux-latest]\n' +
          '    runs-on: ${{ matrix.os }}\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'unknown', line: 6 }],
      },
    ],
  },
  WF038: {
    valid: ['on: push\njobs:\n  a:\n    runs-on: [self-hosted, linux, x64]\n    steps: [{ run: x }]\n'],
    invalid: [
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-20.04\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'retired', line: 4 }],
        output: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps: [{ run: x }]\n',
      },
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: [ubuntu-latest, self-hosted]\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'hosted', line: 4 }],
      },
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: [self-hosted, linux, windows]\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'os', line: 4 }],
      },
    ],
  },
  WF011: {
    valid: [job('      - uses: actions/checkout@v4\n      - uses: ./local\n      - uses: docker://alpine:3\n')],
    invalid: [
      { code: job('      - uses: actions/checkout\n'), errors: [{ messageId: 'step', line: 6 }] },
      {
        code: 'on: push\njobs:\n  a:\n    uses: org/repo/.github/workflows/x.yml\n',
        errors: [{ messageId: 'job', line: 4 }],
      },
      { code: job("      - uses: 'docker://alpine:'\n"), errors: [{ messageId: 'step', line: 6 }] },
      {
        code: 'on: push\njobs:\n  a:\n    uses: ./.github/workflows/x.yml@v1\n',
        errors: [{ messageId: 'job', line: 4 }],
      },
    ],
  },
  WF012: {
    valid: [
      job('      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n'),
      // Inputs are compared case-insensitively.
      job('      - uses: actions/checkout@v4\n        with:\n          Fetch-Depth: 0\n'),
      {
        code: job('      - uses: ./act\n        with:\n          who: me\n'),
        files: {
          '/ws/act/action.yml': 'name: a\ninputs:\n  who:\n    required: true\nruns:\n  using: node20\n  main: x.js\n',
        },
      },
    ],
    invalid: [
      {
        code: job('      - uses: actions/setup-node@v4\n        with:\n          node_version: 20\n'),
        errors: [{ messageId: 'unknown', line: 8 }],
        output: job('      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n'),
      },
      {
        // Removing the only input removes `with:` too: an empty `with:` is null, which GitHub refuses.
        code: job("      - uses: actions/setup-node@v4\n        with:\n          node_version: '20'\n"),
        errors: [{ messageId: 'unknown', line: 8 }],
        apply: 1,
        output: job('      - uses: actions/setup-node@v4\n'),
      },
      {
        code: job(
          '      - uses: actions/setup-node@v4\n        with:\n          node_version: 20\n          cache: npm\n',
        ),
        errors: [{ messageId: 'unknown', line: 8 }],
        apply: 1,
        output: job('      - uses: actions/setup-node@v4\n        with:\n          cache: npm\n'),
      },
      {
        code: job(
          '      - uses: actions/setup-java@v4\n        with:\n          distribution: temurin\n          jdkFile: x\n',
        ),
        errors: [{ messageId: 'deprecated', line: 9 }],
      },
    ],
  },
  WF041: {
    valid: [
      job('      - uses: actions/cache@v4\n        with:\n          path: x\n          key: k\n'),
      {
        code: job('      - uses: ./act\n        with:\n          WHO: me\n'),
        files: {
          '/ws/act/action.yml': 'name: a\ninputs:\n  who:\n    required: true\nruns:\n  using: node20\n  main: x.js\n',
        },
      },
    ],
    invalid: [
      {
        code: job(
          '      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          cluster: c\n',
        ),
        errors: [{ messageId: 'missing', line: 6 }],
        output: job(
          '      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n      ' +
            '  with:\n          cluster: c\n          task-definition: \n',
        ),
      },
      {
        code: job('      - uses: ./act\n'),
        files: {
          '/ws/act/action.yml': 'name: a\ninputs:\n  who:\n    required: true\nruns:\n  using: node20\n  main: x.js\n',
        },
        errors: [{ messageId: 'missing', line: 6 }],
        output: job('      - uses: ./act\n        with:\n          who: \n'),
      },
    ],
  },
  WF013: {
    valid: [
      job(
        '      - uses: actions/checkout@v7\n      - uses: actions/checkout@0123456789abcdef0123456789abcdef01234567\n',
      ),
      // Old majors on a retired runtime are WF029's.
      job('      - uses: actions/checkout@v2\n      - uses: actions/cache@v3\n      - uses: actions-rs/toolchain@v1\n'),
    ],
    invalid: [
      {
        code: job('      - uses: actions/checkout@v4\n'),
        errors: [{ messageId: 'outdated', line: 6 }],
        output: job('      - uses: actions/checkout@v7\n'),
      },
      {
        code: job("      - uses: 'actions/setup-node@v4.1.0'\n"),
        errors: [{ messageId: 'outdated', line: 6 }],
        output: job("      - uses: 'actions/setup-node@v7'\n"),
      },
      // A major the runtime table does not know is merely older.
      {
        code: job('      - uses: actions/upload-pages-artifact@v2\n'),
        errors: [{ messageId: 'outdated', line: 6 }],
        output: job('      - uses: actions/upload-pages-artifact@v3\n'),
      },
    ],
  },
  WF029: {
    valid: [
      job(
        '      - uses: actions/checkout@v4\n      - uses: ' +
          'actions/checkout@v7\n      - uses: github/codeql-action/upload-sarif@v3\n',
      ),
      job(
        '      - uses: ' +
          'actions/checkout@0123456789abcdef0123456789abcdef01234567\n      - uses: ' +
          'docker/build-push-action@v5\n',
      ),
    ],
    invalid: [
      {
        code: job('      - uses: actions/checkout@v2\n'),
        errors: [{ messageId: 'oldMajor', line: 6 }],
        output: job('      - uses: actions/checkout@v7\n'),
      },
      {
        code: job('      - uses: actions/cache@v3.3.1\n'),
        errors: [{ messageId: 'oldMajor', line: 6 }],
        output: job('      - uses: actions/cache@v5\n'),
      },
      {
        code: job('      - uses: docker/build-push-action@v4\n'),
        errors: [{ messageId: 'oldMajor', line: 6 }],
        output: job('      - uses: docker/build-push-action@v7\n'),
      },
      // No recommended major in the catalog: only the runtime is known.
      { code: job('      - uses: github/codeql-action/upload-sarif@v2\n'), errors: [{ messageId: 'newer', line: 6 }] },
      // Every release of the action is on node12.
      { code: job('      - uses: actions-rs/toolchain@v1\n'), errors: [{ messageId: 'retired', line: 6 }] },
      {
        code: job('      - uses: ./act\n'),
        files: { '/ws/act/action.yml': 'name: a\nruns:\n  using: node16\n  main: x.js\n' },
        errors: [{ messageId: 'local', line: 6 }],
      },
    ],
  },
  WF014: {
    valid: [
      job('      - run: echo "dir=out" >> "$GITHUB_OUTPUT"\n'),
      // Mentions of a command are not commands.
      job('      - run: echo "::debug::set-env is disabled"\n'),
    ],
    invalid: [
      { code: job('      - run: |\n          echo "::set-env name=A::b"\n'), errors: [{ messageId: 'env', line: 7 }] },
      { code: job('      - run: echo "::add-path::/opt/bin"\n'), errors: [{ messageId: 'env', line: 6 }] },
    ],
  },
  WF032: {
    valid: [job('      - run: echo "::debug::set-output is deprecated"\n')],
    invalid: [
      {
        code: job('      - run: echo "::set-output name=dir::out"\n'),
        errors: [{ messageId: 'output', line: 6 }],
        output: job('      - run: echo "dir=out" >> "$GITHUB_OUTPUT"\n'),
      },
      {
        code: job('      - run: |\n          x=1\n          echo "::save-state name=pid::$x"\n'),
        errors: [{ messageId: 'output', line: 8 }],
        output: job('      - run: |\n          x=1\n          echo "pid=$x" >> "$GITHUB_STATE"\n'),
      },
    ],
  },
  WF015: {
    valid: [
      job('      - run: echo "$TITLE"\n        env:\n          TITLE: ${{ github.event.issue.title }}\n'),
      job("      - run: echo ${{ contains(github.event.issue.title, 'x') }} ${{ github.event.issue.number }}\n"),
    ],
    invalid: [
      {
        code: job('      - run: echo "${{ github.event.issue.title }}"\n'),
        errors: [{ messageId: 'injection', line: 6 }],
        output: job(
          '      - run: echo "$ISSUE_TITLE"\n        env:\n          ISSUE_TITLE: ${{ github.event.issue.title }}\n',
        ),
      },
      {
        code: job('      - name: greet\n        run: echo ${{ github.head_ref }}\n        env:\n          A: b\n'),
        errors: [{ messageId: 'injection', line: 7 }],
        output: job(
          '      - name: greet\n        run: echo $HEAD_REF\n        env:\n      ' +
            '    A: b\n          HEAD_REF: ${{ github.head_ref }}\n',
        ),
      },
      {
        code: job("      - run: echo '${{ toJSON(github.event.*.title) }}'\n"),
        errors: [{ messageId: 'injection', line: 6 }],
        output: job(
          "      - run: echo ''\"$ISSUE_TITLE\"''\n        env:\n          ISSUE_TITLE: ${{ toJSON(github.event.*.title) }}\n",
        ),
      },
      {
        code: job(
          '      - uses: actions/github-script@v7\n        with:\n          script: console.log("${{ github.event.comment.body }}")\n',
        ),
        errors: [{ messageId: 'injection', line: 8 }],
        output: job(
          '      - uses: actions/github-script@v7\n        with:\n          script: console.log("process.env.COMMENT_BODY")\n' +
            '        env:\n          COMMENT_BODY: ${{ github.event.comment.body }}\n',
        ),
      },
    ],
  },
  WF016: {
    valid: [
      job("      - run: x\n        if: ${{ github.ref == 'x' }}\n"),
      job("      - run: x\n        if: |-\n          ${{ github.ref == 'x' }}\n"),
    ],
    invalid: [
      {
        code: job("      - run: x\n        if: ${{ github.ref == 'x' }} && ${{ github.sha != '' }}\n"),
        errors: [{ messageId: 'glued', line: 7 }],
      },
      {
        code: job("      - run: x\n        if: |\n          ${{ github.ref == 'x' }}\n"),
        errors: [{ messageId: 'glued', line: 7 }],
      },
      {
        code: job('      - run: x\n        if: "${{ github.ref == \'x\' }} "\n'),
        errors: [{ messageId: 'glued', line: 7 }],
      },
    ],
  },
  WF033: {
    valid: [job("      - run: x\n        if: github.ref == 'x'\n")],
    invalid: [
      { code: job('      - run: x\n        if: false\n'), errors: [{ messageId: 'constant', line: 7 }] },
      { code: job("      - run: x\n        if: ${{ 'yes' }}\n"), errors: [{ messageId: 'constant', line: 7 }] },
    ],
  },
  WF017: {
    valid: [
      "on:\n  schedule:\n    - cron: '*/15 3 * * MON-FRI'\njobs:\n  a:\n    " +
        'runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
    ],
    invalid: [
      {
        code:
          "on:\n  schedule:\n    - cron: '0 0 * *'\njobs:\n  a:\n    runs-on: " +
          'ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'invalid', line: 3 }],
      },
      {
        code:
          "on:\n  schedule:\n    - cron: '0 25 * * *'\njobs:\n  a:\n    runs-on: " +
          'ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'invalid', line: 3 }],
      },
      {
        code:
          "on:\n  schedule:\n    - cron: '0 9 * * *'\n      timezone: Mars/Olympus\njobs:\n  a:\n    runs-on: " +
          'ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'timezone', line: 4 }],
      },
    ],
  },
  WF034: {
    valid: [
      "on:\n  schedule:\n    - cron: '*/5 * * * *'\n      timezone: Europe/Paris\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n",
    ],
    invalid: [
      {
        code:
          "on:\n  schedule:\n    - cron: '* * * * *'\njobs:\n  a:\n    runs-on: " +
          'ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'frequent', line: 3 }],
      },
    ],
  },
  WF018: {
    valid: [
      'on:\n  pull_request:\n    types: [opened, synchronize]\n  push:\n    ' +
        'branches: [main]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
    ],
    invalid: [
      {
        code:
          'on:\n  pull_requests:\n    branches: [main]\njobs:\n  a:\n    ' +
          'runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'unknownEvent', line: 2 }],
        output:
          'on:\n  pull_request:\n    branches: [main]\njobs:\n  a:\n    runs-on: ' +
          'ubuntu-latest\n    steps: [{ run: x }]\n',
      },
      {
        code:
          'on:\n  pull_request:\n    types: [opend]\njobs:\n  a:\n    runs-on: ' +
          'ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'unknownType', line: 3 }],
        output:
          'on:\n  pull_request:\n    types: [opened]\njobs:\n  a:\n    runs-on: ' +
          'ubuntu-latest\n    steps: [{ run: x }]\n',
      },
      {
        code:
          'on:\n  push:\n    branches: [main]\n    branches-ignore: ' +
          '[dev]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'conflict', line: 4 }],
      },
      {
        code: 'on: [push, push]\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'duplicate', line: 1 }],
      },
    ],
  },
  WF035: {
    valid: ['on:\n  workflow_run:\n    workflows: [CI]\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n'],
    invalid: [
      {
        code: 'on:\n  workflow_run:\n    types: [completed]\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'workflows', line: 2 }],
      },
      {
        code: 'on: pull_request_comment\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'prComment', line: 1 }],
        output: 'on: issue_comment\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n',
      },
    ],
  },
  WF019: {
    valid: [
      "on:\n  push:\n    branches: ['release/**', '!release/old', 'v[0-9]+.[0-9]+']\n    " +
        "paths: ['src/**/*.ts', 'a[!b]c', 'file\\\\*name']\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n",
    ],
    invalid: [
      {
        code:
          "on:\n  push:\n    branches: ['feature/[abc']\njobs:\n  a:\n    " +
          'runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'invalid', line: 3 }],
      },
      {
        code: "on:\n  push:\n    tags: ['v[5-2].*']\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n",
        errors: [{ messageId: 'invalid', line: 3, column: 17 }],
      },
      {
        code: "on:\n  push:\n    tags: ['v*+']\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n",
        errors: [{ messageId: 'invalid', line: 3, column: 15 }],
      },
      {
        code: "on:\n  push:\n    paths: ['docs/*?.md']\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n",
        errors: [{ messageId: 'invalid', line: 3 }],
      },
    ],
  },
  WF036: {
    valid: ["on:\n  push:\n    branches: ['release-*']\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n"],
    invalid: [
      {
        code:
          "on:\n  push:\n    paths: ['./src/**']\njobs:\n  a:\n    runs-on: " +
          'ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'never', line: 3 }],
      },
      {
        code: "on:\n  push:\n    tags: ['v1 .0']\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n",
        errors: [{ messageId: 'never', line: 3 }],
      },
      {
        code: "on:\n  push:\n    branches: ['/main', 'release/', '^release-.*$']\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n",
        errors: [
          { messageId: 'never', line: 3 },
          { messageId: 'never', line: 3 },
          { messageId: 'never', line: 3 },
        ],
      },
      {
        code: "on:\n  push:\n    paths: [' src/**']\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n",
        errors: [{ messageId: 'never', line: 3 }],
      },
    ],
  },
  WF020: {
    valid: [
      job(
        '      - run: x\n',
        '    strategy:\n      matrix:\n        node: [18, 20]\n        ' +
          'include:\n          - node: 22\n            experimental: true\n        exclude:\n        ' +
          '  - node: 18\n          - experimental: true\n',
      ),
    ],
    invalid: [
      {
        code: job(
          '      - run: x\n',
          '    strategy:\n      matrix:\n        node: [18]\n        exclude:\n          - nod: 18\n',
        ),
        errors: [{ messageId: 'excludeKey', line: 9 }],
      },
      {
        code: job('      - run: x\n', '    strategy:\n      matrix:\n        node: []\n'),
        errors: [{ messageId: 'empty', line: 7 }],
      },
    ],
  },
  WF037: {
    valid: [
      job(
        '      - run: x\n',
        '    strategy:\n      matrix:\n        os: [{name: linux}, {name: mac, runner: macos-latest}]\n' +
          '        node: [18, 20]\n        include:\n          - node: 22\n        exclude:\n' +
          '          - os: {name: mac}\n            node: 18\n          - node: 22\n          - node: ${{ inputs.n }}\n',
      ),
    ],
    invalid: [
      {
        code: job('      - run: x\n', '    strategy:\n      matrix:\n        node: [18, 20, 20]\n'),
        errors: [{ messageId: 'duplicate', line: 7 }],
      },
      {
        code: job(
          '      - run: x\n',
          '    strategy:\n      matrix:\n        db:\n          - {name: pg, v: 16}\n          - {v: 16, name: pg}\n',
        ),
        errors: [{ messageId: 'duplicate', line: 9 }],
      },
      {
        code: job(
          '      - run: x\n',
          '    strategy:\n      matrix:\n        os: [a, b]\n        exclude:\n          - os: c\n',
        ),
        errors: [{ messageId: 'noMatch', line: 9 }],
      },
      {
        code: job('      - run: x\n', '    strategy:\n      matrix:\n        exclude:\n          - node: 18\n'),
        errors: [{ messageId: 'noRows', line: 7 }],
      },
    ],
  },
  WF021: {
    valid: [
      'on: push\npermissions:\n  contents: read\n  id-token: write\njobs:\n  ' +
        'a:\n    runs-on: ubuntu-latest\n    permissions: read-all\n    steps: [{ run: x }]\n',
    ],
    invalid: [
      {
        code: 'on: push\npermissions:\n  content: read\njobs: {}\n',
        errors: [{ messageId: 'scope', line: 3 }],
        output: 'on: push\npermissions:\n  contents: read\njobs: {}\n',
      },
      { code: 'on: push\npermissions:\n  id-token: read\njobs: {}\n', errors: [{ messageId: 'level', line: 3 }] },
      { code: 'on: push\npermissions: read\njobs: {}\n', errors: [{ messageId: 'shorthand', line: 2 }] },
    ],
  },
  WF022: {
    valid: ['on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n'],
    invalid: [
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'missing', line: 2 }],
        output:
          'on: push\npermissions:\n  contents: read\n\njobs:\n  a:\n    runs-on: ' +
          'ubuntu-latest\n    steps: [{ run: x }]\n',
      },
    ],
  },
  WF023: {
    valid: [
      job(
        '      - run: x\n        shell: bash -e {0}\n      - run: y\n        shell: pwsh\n      - run: z\n        shell: Bash\n',
      ),
      'on: push\njobs:\n  w:\n    runs-on: windows-latest\n    steps:\n      - run: dir\n        shell: CMD\n',
    ],
    invalid: [
      { code: job('      - run: x\n        shell: zsh\n'), errors: [{ messageId: 'unknown', line: 7 }] },
      { code: job('      - run: dir\n        shell: cmd\n'), errors: [{ messageId: 'os', line: 7 }] },
      {
        code: 'on: push\ndefaults:\n  run:\n    shell: fish\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'unknown', line: 4 }],
      },
    ],
  },
  WF039: {
    valid: ['on: push\njobs:\n  w:\n    runs-on: ubuntu-latest\n    steps:\n      - run: x\n        shell: sh\n'],
    invalid: [
      {
        code: 'on: push\njobs:\n  w:\n    runs-on: windows-2022\n    steps:\n      - run: x\n        shell: sh\n',
        errors: [{ messageId: 'sh', line: 7 }],
      },
    ],
  },
  WF024: {
    valid: ['on: push\nenv:\n  MY_VAR: 1\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n'],
    invalid: [
      {
        code: 'on: push\nenv:\n  MY VAR: 1\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'invalid', line: 3 }],
      },
    ],
  },
  WF025: {
    valid: [
      job(
        '      - run: x\n',
        '    container:\n      image: ghcr.io/o/i\n      credentials:\n        ' +
          'username: u\n        password: ${{ secrets.P }}\n',
      ),
    ],
    invalid: [
      {
        code: job(
          '      - run: x\n',
          '    container:\n      image: ghcr.io/o/i\n      credentials:\n        ' +
            'username: u\n        password: hunter2\n',
        ),
        errors: [{ messageId: 'password', line: 9 }],
      },
      {
        code: job(
          '      - run: x\n',
          '    services:\n      db:\n        image: pg:16\n        credentials:\n          ' +
            'username: u\n          password: "pa ${{ secrets.P }}"\n',
        ),
        errors: [{ messageId: 'password', line: 10 }],
      },
    ],
  },
  WF026: {
    valid: [
      {
        code:
          'on: push\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n  ' +
          '  with:\n      env: prod\n    secrets:\n      token: ${{ secrets.T }}\n',
        files: {
          '/ws/.github/workflows/deploy.yml':
            'on:\n  workflow_call:\n    inputs:\n      env: { type: string, ' +
            'required: true }\n    secrets:\n      token: { required: true }\njobs: {}\n',
        },
      },
    ],
    invalid: [
      {
        code: 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n    with:\n      enviroment: prod\n',
        files: {
          '/ws/.github/workflows/deploy.yml':
            'on:\n  workflow_call:\n    inputs:\n      env: { type: string, required: true }\njobs: {}\n',
        },
        errors: [
          { messageId: 'missingInput', line: 4 },
          { messageId: 'unknownInput', line: 6 },
        ],
      },
      {
        code: 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n',
        files: { '/ws/.github/workflows/deploy.yml': 'on: push\njobs: {}\n' },
        errors: [{ messageId: 'notCallable', line: 4 }],
      },
      {
        code: 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/nope.yml\n',
        errors: [{ messageId: 'missingFile', line: 4 }],
      },
      {
        code: 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/deploy.yml\n    with:\n      count: true\n',
        files: {
          '/ws/.github/workflows/deploy.yml':
            'on:\n  workflow_call:\n    inputs:\n      count: { type: number }\njobs: {}\n',
        },
        errors: [{ messageId: 'inputType', line: 6 }],
      },
    ],
  },
  WF027: {
    valid: [
      'on:\n  workflow_dispatch:\n    inputs:\n      env:\n        type: ' +
        'choice\n        default: dev\n        options: [dev, prod]\njobs: {}\n',
    ],
    invalid: [
      {
        code:
          'on:\n  workflow_dispatch:\n    inputs:\n      env:\n        type: ' +
          'choice\n        default: qa\n        options: [dev, prod]\njobs: {}\n',
        errors: [{ messageId: 'defaultNotOption', line: 6 }],
      },
      {
        code: 'on:\n  workflow_dispatch:\n    inputs:\n      env:\n        type: choice\njobs: {}\n',
        errors: [{ messageId: 'noOptions', line: 4 }],
      },
      {
        code:
          'on:\n  workflow_dispatch:\n    inputs:\n      dry:\n        type: ' +
          'boolean\n        default: maybe\njobs: {}\n',
        errors: [{ messageId: 'defaultType', line: 6 }],
      },
      {
        code: `on:\n  workflow_dispatch:\n    inputs:\n${Array.from({ length: 26 }, (_, i) => `      i${i}: {}\n`).join('')}jobs: {}\n`,
        errors: [{ messageId: 'tooMany', line: 2 }],
      },
    ],
  },
  WF031: {
    valid: [job('      - run: x\n', '    needs: []\n'.replace('[]', '[]').slice(0, 0))],
    invalid: [
      { code: job('      - run: x\n', '    needs: []\n'), errors: [{ messageId: 'empty', line: 5 }] },
      { code: job('      - run: x\n', '    services: {}\n'), errors: [{ messageId: 'empty', line: 5 }] },
      { code: job('      - run: x\n', '    strategy:\n      matrix: {}\n'), errors: [{ messageId: 'empty', line: 6 }] },
      { code: job('      - uses: a/b@v1\n        with: {}\n'), errors: [{ messageId: 'empty', line: 7 }] },
    ],
  },
  WF040: {
    valid: [
      job(
        '      - uses: docker://alpine:3.20\n',
        '    container: node:22\n    services:\n      db: { image: postgres@sha256:abc }\n',
      ),
    ],
    invalid: [
      { code: job('      - uses: docker://alpine\n'), errors: [{ messageId: 'untagged', line: 6 }] },
      {
        code: job('      - run: x\n', '    container:\n      image: node:latest\n'),
        errors: [{ messageId: 'latest', line: 6 }],
      },
      {
        code: job('      - run: x\n', '    services:\n      redis: redis\n'),
        errors: [{ messageId: 'untagged', line: 6 }],
      },
    ],
  },
  WF042: {
    valid: [
      'on:\n  workflow_call:\n    inputs:\n      r: { type: string, default: eu }\njobs: {}\n',
      'on:\n  workflow_dispatch:\n    inputs:\n      r: { type: string, required: true, default: eu }\njobs: {}\n',
    ],
    invalid: [
      {
        code: 'on:\n  workflow_call:\n    inputs:\n      r:\n        type: string\n        required: true\n        default: eu\njobs: {}\n',
        errors: [{ messageId: 'ignored', line: 7 }],
      },
    ],
  },
  WF043: {
    valid: [
      {
        code: job('      - uses: ./act\n      - uses: ./not-checked-out-yet\n'),
        files: {
          '/ws/act/action.yml': 'name: a\ndescription: d\nruns:\n  using: node20\n  main: index.js\n',
          '/ws/act/index.js': 'x',
        },
      },
      {
        code: job('      - uses: ./comp\n'),
        files: {
          '/ws/comp/action.yaml':
            'name: c\ndescription: d\nruns:\n  using: composite\n  steps:\n    - run: make\n      shell: bash\n',
        },
      },
    ],
    invalid: [
      {
        code: job('      - uses: ./act\n'),
        files: { '/ws/act/action.yml': 'name: a\ndescription: d\nruns:\n  using: node20\n  main: dist/index.js\n' },
        errors: [{ messageId: 'problem', line: 6 }],
      },
      {
        code: job('      - uses: ./act\n'),
        files: {
          '/ws/act/action.yml': 'name: a\ndescription: d\nruns:\n  using: node18\n  main: index.js\n',
          '/ws/act/index.js': 'x',
        },
        errors: [{ messageId: 'problem', line: 6 }],
      },
      {
        code: job('      - uses: ./comp\n'),
        files: {
          '/ws/comp/action.yml': 'name: c\ndescription: d\nruns:\n  using: composite\n  steps:\n    - run: make\n',
        },
        errors: [{ messageId: 'problem', line: 6 }],
      },
      {
        code: job('      - uses: ./img\n'),
        files: { '/ws/img/action.yml': 'name: i\ndescription: d\nruns:\n  using: docker\n' },
        errors: [{ messageId: 'problem', line: 6 }],
      },
    ],
  },
  WF044: {
    valid: [
      {
        code: job('      - uses: ./act\n'),
        files: {
          '/ws/act/action.yml':
            'name: a\ndescription: d\nruns:\n  using: node20\n  main: i.js\nbranding:\n  icon: check\n  color: green\n',
          '/ws/act/i.js': 'x',
        },
      },
    ],
    invalid: [
      {
        code: job('      - uses: ./act\n'),
        files: {
          '/ws/act/action.yml':
            'name: a\ndescription: d\nruns:\n  using: node20\n  main: i.js\nbranding:\n  icon: rocket-ship\n  color: pink\n',
          '/ws/act/i.js': 'x',
        },
        errors: [
          { messageId: 'problem', line: 6 },
          { messageId: 'problem', line: 6 },
        ],
      },
    ],
  },
  WF045: {
    valid: [
      'on: push\njobs:\n  a:\n    runs-on: x\n    env: &e\n      A: 1\n    steps: [{ run: x }]\n  b:\n    runs-on: x\n    env: *e\n    steps: [{ run: x }]\n',
    ],
    invalid: [
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: x\n    env: &e\n      A: 1\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'unused', line: 5 }],
        output: 'on: push\njobs:\n  a:\n    runs-on: x\n    env:\n      A: 1\n    steps: [{ run: x }]\n',
      },
    ],
  },
  WF046: {
    valid: [
      job(
        '      - run: x\n        timeout-minutes: 5\n',
        '    strategy:\n      max-parallel: 2\n      matrix: { a: [1] }\n',
      ),
    ],
    invalid: [
      {
        code: job('      - run: x\n', '    strategy:\n      max-parallel: 2.5\n      matrix: { a: [1] }\n'),
        errors: [{ messageId: 'integer', line: 6 }],
      },
      { code: job('      - run: x\n        timeout-minutes: 0\n'), errors: [{ messageId: 'positive', line: 7 }] },
    ],
  },
};

function hasShellcheck(): boolean {
  try {
    execFileSync('shellcheck', ['--version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}
if (hasShellcheck()) {
  TABLES.WF028 = {
    valid: [
      job('      - run: echo "$HOME"\n'),
      job('      - run: dir $X\n        shell: pwsh\n'),
      // actionlint's exclusions: a loop over one ${{ }}, variables set by env:.
      job('      - run: for x in ${{ inputs.list }}; do echo "$x"; done; echo "$FROM_ENV"\n'),
      'on: push\njobs:\n  w:\n    runs-on: windows-latest\n    steps:\n      - run: for f in $(ls); do echo $f; done\n',
    ],
    invalid: [
      {
        code: job('      - run: |\n          unused=1\n          for f in $(ls); do echo "$f"; done\n'),
        errors: [
          { messageId: 'finding', line: 7, column: 11 },
          { messageId: 'finding', line: 8, column: 20 },
        ],
      },
      {
        code: job('      - run: for f in $(ls); do echo "$f"; done\n        shell: sh -e {0}\n'),
        errors: [{ messageId: 'finding', line: 6 }],
      },
    ],
  };
  TABLES.WF047 = {
    valid: [job('      - run: echo "$HOME"\n')],
    invalid: [
      {
        code: job('      - run: |\n          cp $SRC "$DEST"\n'),
        errors: [{ messageId: 'finding', line: 7, column: 14 }],
      },
    ],
  };
}

for (const rule of language.rules) {
  const table = TABLES[rule.meta.code];
  if (table) testRule(language, rule, table);
}

test('every workflow rule (WF) has a table', { skip: !hasShellcheck() && 'shellcheck is not installed' }, () => {
  // The security group's tables live in test/security/workflow.test.ts.
  const security = fs.readFileSync(path.join(REPO_ROOT, 'test', 'security', 'workflow.test.ts'), 'utf8');
  const missing = language.rules
    .map((r) => r.meta.code)
    .filter((c) => c.startsWith('WF') && !TABLES[c] && !security.includes(`testRule(language, r('${c}')`));
  assert.deepEqual(missing, []);
});
