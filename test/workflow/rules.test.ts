/** Table tests of every workflow rule through the lead's rule tester (the real service, one rule at a time). */
import { execFileSync } from 'node:child_process';
import { language } from '../../server/src/languages/workflow';
import { testRule, type RuleCases } from '../helpers/rule-tester';

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
      'on:\n  workflow_dispatch:\n    inputs:\n      name: { type: string ' +
        '}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    outputs:\n      o: ${{ steps.s.outputs.v ' +
        '}}\n    steps:\n      - id: s\n        run: echo ${{ inputs.name }}\n  b:\n    needs: a\n ' +
        "   runs-on: ubuntu-latest\n    if: needs.a.outputs.o == 'x'\n    steps:\n      - run: " +
        'echo ${{ needs.a.outputs.o }}\n',
    ],
    invalid: [
      {
        code: job('      - run: echo ${{ steps.b.outputs.x }}\n      - id: b\n        run: echo\n'),
        errors: [{ messageId: 'property', line: 6 }],
      },
      { code: job('      - run: echo ${{ matrix.os }}\n'), errors: [{ messageId: 'property', line: 6 }] },
      { code: job('      - run: echo ${{ foo.bar }}\n'), errors: [{ messageId: 'undefined', line: 6 }] },
      {
        code:
          'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    if: secrets.X ' +
          "!= ''\n    steps:\n      - run: echo\n",
        errors: [{ messageId: 'unavailable', line: 5 }],
      },
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
      // Did you mean: a misspelt step id, context and matrix key get the nearest existing name as a suggestion.
      {
        code: job('      - id: build\n        run: echo\n      - run: echo ${{ steps.biuld.outputs.x }}\n'),
        errors: [{ messageId: 'property', line: 8 }],
        output: job('      - id: build\n        run: echo\n      - run: echo ${{ steps.build.outputs.x }}\n'),
      },
      {
        code: job('      - run: echo ${{ gihub.sha }}\n'),
        errors: [{ messageId: 'undefined', line: 6 }],
        output: job('      - run: echo ${{ github.sha }}\n'),
      },
      {
        code: job('      - run: echo ${{ matrix.nodes }}\n', '    strategy:\n      matrix:\n        node: [20, 22]\n'),
        errors: [{ messageId: 'property', line: 9 }],
        output: job('      - run: echo ${{ matrix.node }}\n', '    strategy:\n      matrix:\n        node: [20, 22]\n'),
      },
      // An index with a string literal is not rewritten (the range is the quoted literal).
      { code: job("      - run: echo ${{ github['shaa'] }}\n"), errors: [{ messageId: 'property', line: 6 }] },
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
    ],
  },
  WF004: {
    valid: [job('      - run: echo\n        if: github.event.number > 3\n')],
    invalid: [
      { code: job('      - run: echo ${{ github.sha.length }}\n'), errors: [{ messageId: 'type', line: 6 }] },
      { code: job('      - run: echo\n        if: github > 1\n'), errors: [{ messageId: 'type', line: 7 }] },
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
    ],
  },
  WF008: {
    valid: [
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: ' +
        'x }]\n  b:\n    needs: [a]\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
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
    ],
    invalid: [
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-20.04\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'retired', line: 4 }],
        output: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps: [{ run: x }]\n',
      },
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latets\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'unknown', line: 4 }],
        output: 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
      },
      {
        code: 'on: push\njobs:\n  a:\n    runs-on: [ubuntu-latest, self-hosted]\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'conflict', line: 4 }],
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
    ],
  },
  WF012: {
    valid: [
      job('      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n'),
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
    ],
  },
  WF014: {
    valid: [job('      - run: echo "dir=out" >> "$GITHUB_OUTPUT"\n')],
    invalid: [
      {
        code: job('      - run: echo "::set-output name=dir::out"\n'),
        errors: [{ messageId: 'output', line: 6 }],
        output: job('      - run: echo "dir=out" >> "$GITHUB_OUTPUT"\n'),
      },
      { code: job('      - run: |\n          echo "::set-env name=A::b"\n'), errors: [{ messageId: 'env', line: 7 }] },
    ],
  },
  WF015: {
    valid: [job('      - run: echo "$TITLE"\n        env:\n          TITLE: ${{ github.event.issue.title }}\n')],
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
    ],
  },
  WF016: {
    valid: [job("      - run: x\n        if: ${{ github.ref == 'x' }}\n")],
    invalid: [
      {
        code: job("      - run: x\n        if: ${{ github.ref == 'x' }} && ${{ github.sha != '' }}\n"),
        errors: [{ messageId: 'glued', line: 7 }],
      },
      { code: job('      - run: x\n        if: false\n'), errors: [{ messageId: 'constant', line: 7 }] },
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
    ],
  },
  WF019: {
    valid: [
      "on:\n  push:\n    branches: ['release/**', '!release/old']\n    " +
        "paths: ['src/**/*.ts']\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n",
    ],
    invalid: [
      {
        code:
          "on:\n  push:\n    paths: ['./src/**']\njobs:\n  a:\n    runs-on: " +
          'ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'invalid', line: 3 }],
      },
      {
        code:
          "on:\n  push:\n    branches: ['feature/[abc']\njobs:\n  a:\n    " +
          'runs-on: ubuntu-latest\n    steps: [{ run: x }]\n',
        errors: [{ messageId: 'invalid', line: 3 }],
      },
      {
        code: "on:\n  push:\n    tags: ['v1 .0']\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: x }]\n",
        errors: [{ messageId: 'invalid', line: 3 }],
      },
    ],
  },
  WF020: {
    valid: [
      job(
        '      - run: x\n',
        '    strategy:\n      matrix:\n        node: [18, 20]\n        ' +
          'include:\n          - node: 22\n            experimental: true\n        exclude:\n        ' +
          '  - node: 18\n',
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
    valid: [job('      - run: x\n        shell: bash -e {0}\n      - run: y\n        shell: pwsh\n')],
    invalid: [
      { code: job('      - run: x\n        shell: zsh\n'), errors: [{ messageId: 'unknown', line: 7 }] },
      { code: job('      - run: dir\n        shell: cmd\n'), errors: [{ messageId: 'os', line: 7 }] },
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
    valid: [job('      - run: echo "$HOME"\n'), job('      - run: dir $X\n        shell: pwsh\n')],
    invalid: [
      {
        code: job('      - run: |\n          cd $DIR\n          echo ${{ github.sha }} $1\n'),
        errors: [
          { messageId: 'finding', line: 7 },
          { messageId: 'finding', line: 7 },
          { messageId: 'finding', line: 8 },
        ],
      },
    ],
  };
}

for (const rule of language.rules) {
  const table = TABLES[rule.meta.code];
  if (table) testRule(language, rule, table);
}
