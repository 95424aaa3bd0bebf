/** Table tests of the workflow security rules (WF1xx). */
import { language } from '../../server/src/languages/workflow';
import { testRule } from '../helpers/rule-tester';

const r = (code: string) => {
  const rule = language.rules.find((x) => x.meta.code === code);
  if (!rule) throw new Error(`no rule ${code}`);
  return rule;
};
const wf = (on: string, steps: string, job = '    runs-on: ubuntu-latest\n') =>
  `on: ${on}\njobs:\n  build:\n${job}    steps:\n${steps}`;

testRule(language, r('WF100'), {
  valid: [
    wf(
      'pull_request',
      '      - uses: actions/checkout@v4\n        with: { ref: "${{ github.event.pull_request.head.sha }}" }\n      - run: make\n',
    ),
    wf('pull_request_target', '      - uses: actions/checkout@v4\n      - run: make\n'),
    wf(
      'pull_request_target',
      '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n',
    ),
  ],
  invalid: [
    {
      code: wf(
        'pull_request_target',
        '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n' +
          '      - run: npm ci\n',
      ),
      errors: [{ messageId: 'checkout', line: 8 }],
    },
    {
      code: wf('issue_comment', '      - run: gh pr checkout ${{ github.event.issue.number }}\n      - run: make\n'),
      errors: [{ messageId: 'checkout', line: 6 }],
    },
    {
      code: wf(
        'workflow_run',
        '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.workflow_run.head_sha }}\n' +
          '      - uses: ./.github/actions/build\n',
      ),
      errors: [{ messageId: 'checkout' }],
    },
  ],
});

const dl =
  '      - uses: actions/download-artifact@v4\n        with:\n          run-id: ${{ github.event.workflow_run.id }}\n';
testRule(language, r('WF101'), {
  valid: [
    wf('workflow_run', `${dl}          path: \${{ runner.temp }}/a\n      - run: ./report.sh\n`),
    wf('workflow_run', '      - uses: actions/download-artifact@v4\n      - run: ./report.sh\n'),
    wf('push', `${dl}      - run: ./report.sh\n`),
  ],
  invalid: [
    { code: wf('workflow_run', `${dl}      - run: ./report.sh\n`), errors: [{ messageId: 'download', line: 6 }] },
    {
      code: wf('workflow_run', '      - run: gh run download 123\n      - run: make\n'),
      errors: [{ messageId: 'download' }],
    },
  ],
});

testRule(language, r('WF102'), {
  valid: ['on: push\npermissions: read-all\njobs:\n  a: { runs-on: ubuntu-latest, steps: [{ run: make }] }\n'],
  invalid: [
    {
      code: 'on: push\npermissions: write-all\njobs:\n  a: { runs-on: ubuntu-latest, steps: [{ run: make }] }\n',
      errors: [{ messageId: 'writeAll', line: 2, column: 14 }],
      output:
        'on: push\npermissions: { contents: read }\njobs:\n  a: { runs-on: ubuntu-latest, steps: [{ run: make }] }\n',
    },
    {
      code: wf('push', '      - run: make\n', '    runs-on: ubuntu-latest\n    permissions: write-all\n'),
      errors: [{ messageId: 'writeAll', data: { scope: ' of job "build"' } }],
      output: wf('push', '      - run: make\n', '    runs-on: ubuntu-latest\n    permissions: { contents: read }\n'),
    },
  ],
});

testRule(language, r('WF103'), {
  valid: [
    wf('push', '      - run: git push\n', '    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n'),
    `on: push\npermissions:\n  contents: read\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: git push\n`,
    wf('push', '      - run: make test\n'),
    wf('workflow_call', '      - run: git push\n'),
  ],
  invalid: [
    {
      code: wf('push', '      - run: git push origin HEAD:main\n'),
      errors: [{ messageId: 'writes', line: 3, data: { scopes: 'contents' } }],
      output: wf('push', '      - run: git push origin HEAD:main\n') + '    permissions:\n      contents: write\n',
    },
    {
      code: wf('pull_request', '      - uses: actions/labeler@v5\n'),
      errors: [{ messageId: 'writes', data: { scopes: 'pull-requests' } }],
      output:
        wf('pull_request', '      - uses: actions/labeler@v5\n') +
        '    permissions:\n      contents: read\n      pull-requests: write\n',
    },
  ],
});

testRule(language, r('WF104'), {
  valid: [
    wf('push', '      - uses: softprops/action-gh-release@v2\n'),
    wf('push', '      - uses: actions/checkout@main\n'),
    wf('push', '      - uses: ./local-action\n'),
    wf('push', '      - uses: acme/tool@8f4b7f84864484a7bf31766abe9204da3cbe65b3\n'),
  ],
  invalid: [
    {
      code: wf('push', '      - uses: softprops/action-gh-release@master\n'),
      errors: [{ messageId: 'branch', line: 6, column: 43 }],
      output: wf('push', '      - uses: softprops/action-gh-release@v3\n'),
    },
    { code: wf('push', '      - uses: acme/tool@main\n'), errors: [{ messageId: 'branch' }] },
    {
      code: 'on: push\njobs:\n  call:\n    uses: acme/shared/.github/workflows/ci.yml@main\n',
      errors: [{ messageId: 'branch' }],
    },
  ],
});

testRule(language, r('WF105'), {
  valid: [
    wf('push', '      - uses: actions/checkout@v4\n'),
    wf('push', '      - uses: acme/tool@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v1\n'),
  ],
  invalid: [
    {
      code: wf('push', '      - uses: astral-sh/setup-uv@v10\n'),
      errors: [{ messageId: 'sha', line: 6 }],
      output: wf('push', '      - uses: astral-sh/setup-uv@19b4d1e990bec64818914c40230bde93a0de300b # v10\n'),
    },
    { code: wf('push', '      - uses: astral-sh/setup-uv@v3\n'), errors: [{ messageId: 'sha' }] },
    {
      code: wf('push', '      - uses: "docker/login-action@v4"\n'),
      errors: [{ messageId: 'sha' }],
      output: wf('push', '      - uses: "docker/login-action@9f4a8ea54ed9055d5f86c993e1f2ffa674f98344" # v4\n'),
    },
  ],
});

testRule(language, r('WF106'), {
  valid: [wf('push', '      - run: make\n        env: { ACTIONS_ALLOW_UNSECURE_COMMANDS: false }\n')],
  invalid: [
    {
      code: wf(
        'push',
        '      - run: make\n        env:\n          ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n          A: b\n',
      ),
      errors: [{ messageId: 'enabled', line: 8 }],
      output: wf('push', '      - run: make\n        env:\n          A: b\n'),
    },
    {
      code: `on: push\nenv:\n  ACTIONS_ALLOW_UNSECURE_COMMANDS: 'true'\njobs:\n  a: { runs-on: x, steps: [{ run: y }] }\n`,
      errors: [{ messageId: 'enabled', line: 3 }],
    },
  ],
});

testRule(language, r('WF107'), {
  valid: [
    'on: push\njobs:\n  a:\n    uses: ./.github/workflows/reusable.yml\n    secrets: inherit\n',
    'on: push\njobs:\n  a:\n    uses: other/repo/.github/workflows/x.yml@v1\n    secrets:\n      t: ${{ secrets.T }}\n',
    {
      code: 'on: push\njobs:\n  a:\n    uses: acme/shared/.github/workflows/x.yml@v1\n    secrets: inherit\n',
      files: { '/ws/.git/config': '[remote "origin"]\n\turl = git@github.com:acme/app.git\n' },
    },
  ],
  invalid: [
    {
      code: 'on: push\njobs:\n  a:\n    uses: other/repo/.github/workflows/x.yml@v1\n    secrets: inherit\n',
      files: { '/ws/.git/config': '[remote "origin"]\n\turl = https://github.com/acme/app.git\n' },
      errors: [{ messageId: 'otherOwner', line: 5, data: { owner: 'other' } }],
    },
    {
      code: 'on: push\njobs:\n  a:\n    uses: other/repo/.github/workflows/x.yml@v1\n    secrets: inherit\n',
      errors: [{ messageId: 'unknownOwner' }],
    },
  ],
});

testRule(language, r('WF108'), {
  valid: [
    wf('pull_request', '      - run: make\n'),
    wf('push', '      - run: make\n', '    runs-on: [self-hosted, linux]\n'),
  ],
  invalid: [
    {
      code: wf('pull_request', '      - run: make\n', '    runs-on: [self-hosted, linux]\n'),
      errors: [{ messageId: 'forkCode', line: 3 }],
    },
    {
      code: wf('issue_comment', '      - run: make\n', '    runs-on: gpu-box\n'),
      settings: { workflow: { selfHostedRunnerLabels: ['gpu-box'] } },
      errors: [{ messageId: 'forkTrigger' }],
    },
  ],
});

const upload = '      - uses: actions/upload-artifact@v4\n        with:\n          name: all\n          path: .\n';
testRule(language, r('WF109'), {
  valid: [
    wf('push', `      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n${upload}`),
    wf(
      'push',
      '      - uses: actions/checkout@v4\n      - uses: actions/upload-artifact@v4\n        with:\n          name: d\n          path: dist/\n',
    ),
  ],
  invalid: [
    {
      code: wf('push', `      - uses: actions/checkout@v4\n${upload}`),
      errors: [{ messageId: 'upload', line: 6 }],
      output: wf(
        'push',
        `      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n${upload}`,
      ),
    },
    {
      code: wf('push', `      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n${upload}`),
      errors: [{ messageId: 'upload' }],
      output: wf(
        'push',
        `      - uses: actions/checkout@v4\n        with:\n          fetch-depth: 0\n          persist-credentials: false\n${upload}`,
      ),
    },
  ],
});

testRule(language, r('WF110'), {
  valid: [
    wf(
      'issues',
      '      - run: echo "A=$A" >> "$GITHUB_ENV"\n        env:\n          A: ${{ github.event.issue.number }}\n',
    ),
    wf('issues', '      - run: ./x.sh "$T"\n        env:\n          T: ${{ github.event.issue.title }}\n'),
  ],
  invalid: [
    {
      code: wf(
        'issues',
        '      - run: echo "TITLE=$TITLE" >> "$GITHUB_ENV"\n        env:\n          TITLE: ${{ github.event.issue.title }}\n',
      ),
      errors: [{ messageId: 'untrusted', line: 6, data: { name: 'TITLE', file: 'GITHUB_ENV' } }],
    },
    {
      code: wf(
        'pull_request_target',
        '      - run: |\n          echo "$DIR" >> $GITHUB_PATH\n        env:\n          DIR: x\n',
      ),
      errors: [{ messageId: 'privileged', line: 7 }],
    },
  ],
});

testRule(language, r('WF111'), {
  valid: [
    wf('push', '      - run: ./deploy.sh\n        env:\n          KEY: ${{ secrets.KEY }}\n'),
    wf('push', '      - run: echo "$KEY" > key.pem\n        env:\n          KEY: ${{ secrets.KEY }}\n'),
    wf('push', '      - run: echo "${{ github.sha }}"\n'),
  ],
  invalid: [
    { code: wf('push', '      - run: echo "${{ secrets.TOKEN }}"\n'), errors: [{ messageId: 'echo', line: 6 }] },
    {
      code: wf('push', '      - run: echo "$KEY" | base64\n        env:\n          KEY: ${{ secrets.KEY }}\n'),
      errors: [{ messageId: 'echo' }],
    },
    {
      code: wf('push', '      - uses: acme/deploy@v1\n        with:\n          all: ${{ toJSON(secrets) }}\n'),
      errors: [{ messageId: 'all', line: 8 }],
    },
    {
      code: wf('push', '      - run: ./x.sh\n        env:\n          U: ${{ fromJSON(secrets.CREDS).user }}\n'),
      errors: [{ messageId: 'fromJson' }],
    },
  ],
});

const setupNode = '      - uses: actions/setup-node@v4\n        with:\n          cache: npm\n';
testRule(language, r('WF112'), {
  valid: [
    wf('push', `${setupNode}      - run: npm test\n`),
    wf('release', '      - uses: actions/setup-node@v4\n      - run: npm publish\n'),
    wf('push', `${setupNode}      - run: npm publish\n`),
  ],
  invalid: [
    { code: wf('release', `${setupNode}      - run: npm publish\n`), errors: [{ messageId: 'release', line: 6 }] },
    {
      code: 'on:\n  push:\n    tags: ["v*"]\njobs:\n  b:\n    runs-on: x\n    steps:\n      - uses: actions/setup-go@v5\n',
      errors: [{ messageId: 'release' }],
    },
    {
      code: wf('pull_request_target', `${setupNode}      - run: npm publish\n`),
      errors: [{ messageId: 'publish' }],
    },
  ],
});

const job = (cond: string) => `    if: ${cond}\n    runs-on: ubuntu-latest\n`;
const run = '      - run: ./deploy.sh\n';
testRule(language, r('WF113'), {
  valid: [
    wf('push', run, job(`contains(fromJSON('["refs/heads/main", "refs/heads/release"]'), github.ref)`)),
    wf('push', run, job(`github.ref == 'refs/heads/main' || github.ref == 'refs/heads/release'`)),
    // nobody chooses the event name: a substring of it is no other event
    wf('push', run, job(`contains('push pull_request', github.event_name)`)),
    // a label list of the pull request, searched for one label: a list lookup
    wf('pull_request', run, job(`contains(github.event.pull_request.labels.*.name, 'deploy')`)),
    // not a condition
    wf('push', `      - run: echo "\${{ contains('a b', github.ref) }}"\n`),
  ],
  invalid: [
    {
      code: wf('push', run, job(`contains('refs/heads/main refs/heads/release', github.ref)`)),
      errors: [{ messageId: 'substring', line: 4, data: { value: 'github.ref', part: 'refs/heads/mai' } }],
      output: wf('push', run, job(`contains(fromJSON('["refs/heads/main", "refs/heads/release"]'), github.ref)`)),
    },
    {
      code: wf('pull_request', run, job(`false || !contains('main,develop', github.head_ref)`)),
      errors: [{ messageId: 'substring', data: { value: 'github.head_ref' } }],
      output: wf('pull_request', run, job(`false || !contains(fromJSON('["main", "develop"]'), github.head_ref)`)),
    },
    {
      code: wf('push', run, job(`contains('main', env.BRANCH)`)),
      errors: [{ messageId: 'substring', data: { value: 'env.BRANCH', part: 'mai' } }],
    },
    {
      code: wf('workflow_dispatch', run, job(`\${{ contains('prod staging', inputs.target) }}`)),
      errors: [{ messageId: 'substring', data: { value: 'inputs.target' } }],
      output: wf('workflow_dispatch', run, job(`\${{ contains(fromJSON('["prod", "staging"]'), inputs.target) }}`)),
    },
  ],
});

testRule(language, r('WF114'), {
  valid: [
    wf('pull_request_target', run, job(`github.event.pull_request.user.login == 'dependabot[bot]'`)),
    // on pull_request the actor's run has no secrets or write token to give away
    wf('pull_request', run, job(`github.actor == 'dependabot[bot]'`)),
    wf('pull_request_target', run, job(`github.actor != 'dependabot[bot]'`)),
    wf('pull_request_target', run, job(`github.actor == 'octocat'`)),
  ],
  invalid: [
    {
      code: wf('pull_request_target', run, job(`github.actor == 'dependabot[bot]'`)),
      errors: [{ messageId: 'actor', line: 4, data: { context: 'github.actor', trigger: 'pull_request_target' } }],
      output: wf('pull_request_target', run, job(`github.event.pull_request.user.login == 'dependabot[bot]'`)),
    },
    {
      code: wf('pull_request_target', run, job(`\${{ 'renovate[bot]' == github.triggering_actor && always() }}`)),
      errors: [{ messageId: 'actor', data: { context: 'github.triggering_actor' } }],
      output: wf(
        'pull_request_target',
        run,
        job(`\${{ 'renovate[bot]' == github.event.pull_request.user.login && always() }}`),
      ),
    },
    {
      // workflow_run's payload has no pull request author to compare: no suggestion
      code: wf('workflow_run', run, job('github.actor_id == 49699333')),
      errors: [{ messageId: 'actor', data: { context: 'github.actor_id', trigger: 'workflow_run' } }],
    },
    {
      code: wf(
        'pull_request_target',
        `      - run: ./merge.sh\n        if: github.event.sender.login == 'dependabot[bot]'\n`,
      ),
      errors: [{ messageId: 'actor', line: 7 }],
      output: wf(
        'pull_request_target',
        `      - run: ./merge.sh\n        if: github.event.pull_request.user.login == 'dependabot[bot]'\n`,
      ),
    },
  ],
});
