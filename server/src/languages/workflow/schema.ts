/**
 * Facts of the workflow syntax: which keys each section takes, their value types, and which
 * expression contexts each place may use. Written from GitHub's workflow syntax documentation and
 * the facts in `workflow-v1.0.json` (@actions/workflow-parser); the docs strings are our own words.
 */

/** Contexts (and special functions) available in one place of the workflow. */
export interface Availability {
  contexts: readonly string[];
  statusFunctions?: boolean;
  hashFiles?: boolean;
  name: string;
}

const G = ['github', 'inputs', 'vars'];
export const AV = {
  runName: { name: 'run-name', contexts: G },
  workflowEnv: { name: 'env (workflow)', contexts: [...G, 'secrets'] },
  workflowConcurrency: { name: 'concurrency (workflow)', contexts: G },
  callInputDefault: { name: 'on.workflow_call.inputs.<id>.default', contexts: G },
  workflowOutput: { name: 'on.workflow_call.outputs.<id>.value', contexts: [...G, 'jobs'] },
  jobIf: { name: 'jobs.<id>.if', contexts: [...G, 'needs'], statusFunctions: true },
  strategy: { name: 'jobs.<id>.strategy', contexts: [...G, 'needs'] },
  jobMatrix: {
    name: 'jobs.<id> (runs-on, container, services, environment, name, ...)',
    contexts: [...G, 'needs', 'strategy', 'matrix'],
  },
  jobWithSecrets: { name: 'jobs.<id>.secrets', contexts: [...G, 'needs', 'strategy', 'matrix', 'secrets'] },
  jobEnv: { name: 'jobs.<id>.env', contexts: [...G, 'needs', 'strategy', 'matrix', 'secrets'] },
  jobDefaultsRun: { name: 'jobs.<id>.defaults.run', contexts: [...G, 'strategy', 'matrix', 'needs', 'env'] },
  jobOutputs: {
    name: 'jobs.<id>.outputs',
    contexts: [...G, 'needs', 'strategy', 'matrix', 'secrets', 'steps', 'job', 'runner', 'env'],
  },
  envUrl: {
    name: 'jobs.<id>.environment.url',
    contexts: [...G, 'needs', 'strategy', 'matrix', 'steps', 'job', 'runner', 'env'],
  },
  credentials: { name: 'credentials', contexts: [...G, 'secrets', 'env'] },
  step: {
    name: 'jobs.<id>.steps',
    contexts: [...G, 'needs', 'strategy', 'matrix', 'secrets', 'steps', 'job', 'runner', 'env'],
    hashFiles: true,
  },
  stepIf: {
    name: 'jobs.<id>.steps.if',
    contexts: [...G, 'needs', 'strategy', 'matrix', 'steps', 'job', 'runner', 'env'],
    statusFunctions: true,
    hashFiles: true,
  },
  none: { name: 'this key', contexts: [] },
} satisfies Record<string, Availability>;

export type ValueType =
  | { t: 'map'; props?: Record<string, Prop>; loose?: ValueType; av?: Availability; doc?: string }
  | { t: 'seq'; item: ValueType; av?: Availability; doc?: string }
  | { t: 'string' | 'number' | 'boolean' | 'any' | 'null'; values?: readonly string[]; av?: Availability; doc?: string }
  | { t: 'oneOf'; of: ValueType[]; av?: Availability; doc?: string };
export interface Prop {
  type: ValueType;
  required?: boolean;
  doc?: string;
}

const str = (av?: Availability, doc?: string): ValueType => ({ t: 'string', av, doc });
const num = (av?: Availability): ValueType => ({ t: 'number', av });
const bool = (av?: Availability): ValueType => ({ t: 'boolean', av });
const strSeq = (av?: Availability): ValueType => ({ t: 'seq', item: str(av), av });
const strOrSeq = (av?: Availability): ValueType => ({ t: 'oneOf', of: [str(av), strSeq(av)], av });
const p = (type: ValueType, doc?: string, required?: boolean): Prop => ({ type, doc, required });

const PERMISSION_LEVELS = ['read', 'write', 'none'];
export const PERMISSION_SCOPES: Record<string, readonly string[]> = {
  actions: PERMISSION_LEVELS,
  'artifact-metadata': PERMISSION_LEVELS,
  attestations: PERMISSION_LEVELS,
  checks: PERMISSION_LEVELS,
  'code-quality': PERMISSION_LEVELS,
  contents: PERMISSION_LEVELS,
  'copilot-requests': ['write', 'none'],
  deployments: PERMISSION_LEVELS,
  discussions: PERMISSION_LEVELS,
  drives: PERMISSION_LEVELS,
  'id-token': ['write', 'none'],
  issues: PERMISSION_LEVELS,
  models: ['read', 'none'],
  packages: PERMISSION_LEVELS,
  pages: PERMISSION_LEVELS,
  'pull-requests': PERMISSION_LEVELS,
  'repository-projects': PERMISSION_LEVELS,
  'security-events': PERMISSION_LEVELS,
  statuses: PERMISSION_LEVELS,
  'vulnerability-alerts': ['read', 'none'],
};
const permissions: ValueType = {
  t: 'oneOf',
  of: [{ t: 'string', values: ['read-all', 'write-all'] }, { t: 'map' }],
  doc:
    'The GITHUB_TOKEN permissions: `read-all`, `write-all`, or a scope → ' +
    '`read`/`write`/`none` mapping. Unlisted scopes get `none`.',
};

const concurrency = (av: Availability): ValueType => ({
  t: 'oneOf',
  av,
  doc: 'A concurrency group: at most one run (or job) of the group runs at a time.',
  of: [
    str(av),
    {
      t: 'map',
      av,
      props: {
        group: p(str(av), 'The name of the concurrency group.', true),
        'cancel-in-progress': p(bool(av), 'Cancel the running member of the group when a new one starts.'),
        queue: p(
          { t: 'string', values: ['single', 'max'] },
          'The queuing mode: `single` (default, one pending) or `max`.',
        ),
      },
    },
  ],
});
const defaultsRun = (av: Availability): ValueType => ({
  t: 'map',
  props: {
    run: p(
      {
        t: 'map',
        av,
        props: {
          shell: p(str(av), 'The default shell of `run` steps.'),
          'working-directory': p(str(av), 'The default working directory of `run` steps.'),
        },
      },
      'Defaults of `run` steps.',
    ),
  },
});
const envMap = (av: Availability): ValueType => ({
  t: 'oneOf',
  av,
  of: [{ t: 'map', loose: { t: 'oneOf', of: [str(av), num(av), bool(av), { t: 'null' }] }, av }, str(av)],
  doc: 'Environment variables (a mapping of names to values).',
});

const containerMap = (av: Availability): ValueType => ({
  t: 'map',
  av,
  props: {
    image: p(str(av), 'The Docker image to use as the container.'),
    options: p(str(av), 'Extra `docker create` options.'),
    env: p(
      { t: 'map', loose: { t: 'oneOf', of: [str(av), num(av), bool(av)] }, av },
      'Environment variables of the container.',
    ),
    ports: p({ t: 'seq', item: { t: 'oneOf', of: [str(av), num(av)] } }, 'Ports to expose.'),
    volumes: p(strSeq(av), 'Volumes to mount.'),
    credentials: p(
      {
        t: 'map',
        av: AV.credentials,
        props: {
          username: p(str(AV.credentials), 'Registry user name.'),
          password: p(str(AV.credentials), 'Registry password.'),
        },
      },
      'Registry credentials for a private image.',
    ),
  },
});

export const INPUT_TYPES_DISPATCH = ['string', 'boolean', 'number', 'choice', 'environment'];
export const INPUT_TYPES_CALL = ['string', 'boolean', 'number'];

const dispatchInput: ValueType = {
  t: 'map',
  props: {
    description: p(str(), 'Shown in the UI.'),
    required: p(bool(), 'Whether the input must be given.'),
    default: p({ t: 'oneOf', of: [str(), bool(), num()] }, 'The default value.'),
    type: p(
      { t: 'string', values: INPUT_TYPES_DISPATCH },
      'The input type: string, boolean, number, choice or environment.',
    ),
    options: p(strSeq(), 'The choices of a `choice` input.'),
  },
};
const callInput: ValueType = {
  t: 'map',
  props: {
    description: p(str()),
    required: p(bool(), 'Whether callers must give the input.'),
    default: p(
      { t: 'oneOf', of: [str(AV.callInputDefault), bool(AV.callInputDefault), num(AV.callInputDefault)] },
      'The default value.',
    ),
    type: p({ t: 'string', values: INPUT_TYPES_CALL }, 'boolean, number or string.', true),
  },
};

/** Event → its filter keys and activity types (undefined types: the event takes no `types`). */
export const EVENTS: Record<string, { types?: readonly string[]; keys?: readonly string[] }> = {
  branch_protection_rule: { types: ['created', 'edited', 'deleted'] },
  check_run: { types: ['completed', 'created', 'rerequested', 'requested_action'] },
  check_suite: { types: ['completed'] },
  create: {},
  delete: {},
  deployment: {},
  deployment_status: {},
  discussion: {
    types: [
      'created',
      'edited',
      'deleted',
      'transferred',
      'pinned',
      'unpinned',
      'labeled',
      'unlabeled',
      'locked',
      'unlocked',
      'category_changed',
      'answered',
      'unanswered',
    ],
  },
  discussion_comment: { types: ['created', 'edited', 'deleted'] },
  fork: {},
  gollum: {},
  image_version: { types: ['created', 'ready', 'deleted'], keys: ['names', 'versions'] },
  issue_comment: { types: ['created', 'edited', 'deleted'] },
  issues: {
    types: [
      'opened',
      'edited',
      'deleted',
      'transferred',
      'pinned',
      'unpinned',
      'closed',
      'reopened',
      'assigned',
      'unassigned',
      'labeled',
      'unlabeled',
      'locked',
      'unlocked',
      'milestoned',
      'demilestoned',
      'field_added',
      'field_removed',
      'typed',
      'untyped',
    ],
  },
  label: { types: ['created', 'edited', 'deleted'] },
  merge_group: { types: ['checks_requested'], keys: ['branches', 'branches-ignore'] },
  milestone: { types: ['created', 'closed', 'opened', 'edited', 'deleted'] },
  page_build: {},
  project: { types: ['created', 'closed', 'reopened', 'edited', 'deleted'] },
  project_card: { types: ['created', 'moved', 'converted', 'edited', 'deleted'] },
  project_column: { types: ['created', 'updated', 'moved', 'deleted'] },
  public: {},
  pull_request: { types: PR_TYPES(), keys: ['branches', 'branches-ignore', 'paths', 'paths-ignore'] },
  pull_request_comment: { types: ['created', 'edited', 'deleted'] },
  pull_request_review: { types: ['submitted', 'edited', 'dismissed'] },
  pull_request_review_comment: { types: ['created', 'edited', 'deleted'] },
  pull_request_target: { types: PR_TYPES(), keys: ['branches', 'branches-ignore', 'paths', 'paths-ignore'] },
  push: { keys: ['branches', 'branches-ignore', 'tags', 'tags-ignore', 'paths', 'paths-ignore'] },
  registry_package: { types: ['published', 'updated'] },
  release: { types: ['published', 'unpublished', 'created', 'edited', 'deleted', 'prereleased', 'released'] },
  repository_dispatch: { types: [] },
  schedule: {},
  status: {},
  watch: { types: ['started'] },
  workflow_call: { keys: ['inputs', 'secrets', 'outputs'] },
  workflow_dispatch: { keys: ['inputs'] },
  workflow_run: {
    types: ['requested', 'completed', 'in_progress'],
    keys: ['workflows', 'branches', 'branches-ignore'],
  },
};
/** What triggers each event, in a line (our words, after GitHub's "Events that trigger workflows"). */
export const EVENT_DOCS: Record<string, string> = {
  branch_protection_rule: 'A branch protection rule of the repository is created, edited or deleted.',
  check_run: 'A check run is created, rerequested, completed or has a requested action.',
  check_suite: 'A check suite completes.',
  create: 'A branch or tag is created.',
  delete: 'A branch or tag is deleted.',
  deployment: 'A deployment is created.',
  deployment_status: 'A third party reports a deployment status.',
  discussion: 'A discussion is created or changed.',
  discussion_comment: 'A comment on a discussion is created, edited or deleted.',
  fork: 'Someone forks the repository.',
  gollum: 'A wiki page is created or updated.',
  image_version: 'A container image version is created, ready or deleted.',
  issue_comment: 'A comment on an issue or pull request is created, edited or deleted.',
  issues: 'An issue is opened or changed.',
  label: 'A label is created, edited or deleted.',
  merge_group: 'A pull request is added to a merge queue.',
  milestone: 'A milestone is created or changed.',
  page_build: 'Someone pushes to the branch that publishes GitHub Pages.',
  project: 'A classic project is created or changed.',
  project_card: 'A card of a classic project is created or changed.',
  project_column: 'A column of a classic project is created or changed.',
  public: 'The repository becomes public.',
  pull_request:
    'Activity on a pull request; runs in the context of the merge commit, without write access or secrets for forks.',
  pull_request_comment: 'Comments on pull requests: GitHub delivers them as `issue_comment`, the event to use.',
  pull_request_review: 'A pull request review is submitted, edited or dismissed.',
  pull_request_review_comment: "A comment on a pull request's diff is created, edited or deleted.",
  pull_request_target:
    'Activity on a pull request; runs in the context of the base branch, ' +
    'with secrets and a write token even for forks, so never check out and run the pull ' +
    "request's code.",
  push: 'A commit or tag is pushed.',
  registry_package: 'A package is published or updated.',
  release: 'A release is published or changed.',
  repository_dispatch: 'A custom webhook event is sent through the REST API.',
  schedule: 'At the times given by cron expressions (UTC by default), on the default branch.',
  status: 'The status of a commit changes.',
  watch: 'Someone stars the repository.',
  workflow_call: 'Another workflow calls this one as a reusable workflow.',
  workflow_dispatch: 'Someone runs the workflow by hand (from the Actions tab, the CLI or the REST API).',
  workflow_run: 'Another workflow, named in `workflows:`, is requested, in progress or completed.',
};

function PR_TYPES(): string[] {
  return [
    'assigned',
    'unassigned',
    'labeled',
    'unlabeled',
    'opened',
    'edited',
    'closed',
    'reopened',
    'synchronize',
    'converted_to_draft',
    'locked',
    'unlocked',
    'enqueued',
    'dequeued',
    'milestoned',
    'demilestoned',
    'ready_for_review',
    'review_requested',
    'review_request_removed',
    'auto_merge_enabled',
    'auto_merge_disabled',
    'stacked',
  ];
}

const stepAv = AV.step;
const stepCommon: Record<string, Prop> = {
  id: p(str(), 'A unique identifier of the step, to reference it as `steps.<id>`.'),
  name: p(str(stepAv), 'The step name shown in the log.'),
  if: p(
    { t: 'oneOf', of: [str(AV.stepIf), bool(AV.stepIf), num(AV.stepIf)] },
    'Runs the step only when the condition holds (an expression; `${{ }}` optional).',
  ),
  'continue-on-error': p(bool(stepAv), 'Let the job go on when this step fails.'),
  'timeout-minutes': p(num(stepAv), "The step's time limit in minutes."),
  env: p(envMap(stepAv), 'Environment variables of the step.'),
  uses: p(str(AV.none), 'The action to run: `owner/repo[/path]@ref`, `./local/path` or `docker://image`.'),
  with: p(
    { t: 'map', loose: { t: 'oneOf', of: [str(stepAv), num(stepAv), bool(stepAv), { t: 'null' }] }, av: stepAv },
    'The inputs of the action.',
  ),
  run: p(str(stepAv), 'The shell script to run.'),
  shell: p(str(), 'The shell of a `run` step: bash, sh, pwsh, powershell, cmd, python, or a command with `{0}`.'),
  'working-directory': p(str(stepAv), 'The working directory of a `run` step.'),
};
export const STEP_PROPS = stepCommon;
export const STEP_TYPE: ValueType = { t: 'map', props: stepCommon };
export const RUN_ONLY_KEYS = ['shell', 'working-directory'];
export const USES_ONLY_KEYS = ['with'];

const jm = AV.jobMatrix;
export const JOB_PROPS: Record<string, Prop> = {
  name: p(str(jm), 'The job name shown on GitHub.'),
  needs: p(strOrSeq(AV.none), 'Jobs that must finish before this one runs.'),
  'runs-on': p(
    {
      t: 'oneOf',
      av: jm,
      of: [
        str(jm),
        strSeq(jm),
        {
          t: 'map',
          av: jm,
          props: { group: p(str(jm), 'A runner group.'), labels: p(strOrSeq(jm), 'Runner labels.') },
        },
      ],
    },
    'The runner: a GitHub-hosted label, self-hosted labels, or a group.',
  ),
  permissions: p(permissions, 'GITHUB_TOKEN permissions of this job.'),
  environment: p(
    {
      t: 'oneOf',
      av: jm,
      of: [
        str(jm),
        {
          t: 'map',
          av: jm,
          props: {
            name: p(str(jm), 'The environment name.', true),
            url: p(str(AV.envUrl), 'The deployment URL.'),
            deployment: p(bool(), 'Whether to create a deployment record.'),
          },
        },
      ],
    },
    'The deployment environment of the job.',
  ),
  concurrency: p(concurrency(jm), 'A concurrency group for this job.'),
  outputs: p(
    { t: 'map', loose: str(AV.jobOutputs), av: AV.jobOutputs },
    'Outputs other jobs read as `needs.<job>.outputs.<name>`.',
  ),
  env: p(envMap(AV.jobEnv), 'Environment variables of every step of the job.'),
  defaults: p(defaultsRun(AV.jobDefaultsRun), "Defaults of the job's steps."),
  if: p(
    { t: 'oneOf', of: [str(AV.jobIf), bool(AV.jobIf), num(AV.jobIf)] },
    'Runs the job only when the condition holds.',
  ),
  steps: p({ t: 'seq', item: STEP_TYPE }, 'The steps of the job.'),
  'timeout-minutes': p(num(jm), "The job's time limit in minutes (default 360)."),
  'cancel-timeout-minutes': p(num(jm), 'Minutes to wait for cancellation.'),
  strategy: p(
    {
      t: 'map',
      av: AV.strategy,
      props: {
        matrix: p(
          { t: 'oneOf', of: [{ t: 'map', av: AV.strategy }, str(AV.strategy)] },
          'Variables whose combinations each run the job once; `include`/`exclude` adjust them.',
        ),
        'fail-fast': p(bool(AV.strategy), 'Cancel the other matrix jobs when one fails (default true).'),
        'max-parallel': p(num(AV.strategy), 'How many matrix jobs run at once.'),
      },
    },
    'A matrix strategy.',
  ),
  'continue-on-error': p(bool(jm), 'Let the workflow pass when this job fails.'),
  container: p({ t: 'oneOf', av: jm, of: [str(jm), containerMap(jm)] }, "A container to run the job's steps in."),
  services: p(
    { t: 'map', av: jm, loose: { t: 'oneOf', of: [str(jm), containerMap(jm)] } },
    'Service containers of the job.',
  ),
  uses: p(
    str(AV.none),
    'A reusable workflow to call: `owner/repo/.github/workflows/file.yml@ref` or `./.github/workflows/file.yml`.',
  ),
  with: p(
    { t: 'map', av: jm, loose: { t: 'oneOf', of: [str(jm), num(jm), bool(jm)] } },
    'Inputs of the called workflow.',
  ),
  secrets: p(
    {
      t: 'oneOf',
      of: [
        { t: 'string', values: ['inherit'] },
        { t: 'map', av: AV.jobWithSecrets, loose: str(AV.jobWithSecrets) },
      ],
    },
    'Secrets passed to the called workflow, or `inherit`.',
  ),
  snapshot: p(
    {
      t: 'oneOf',
      of: [
        str(),
        {
          t: 'map',
          props: {
            'image-name': p(str(), 'The custom image name.', true),
            if: p(str(jm)),
            version: p(str(), 'The major version.'),
          },
        },
      ],
    },
    'Create a custom runner image from this job.',
  ),
};
/** Keys a job that calls a reusable workflow may have. */
export const CALLER_JOB_KEYS = [
  'name',
  'uses',
  'with',
  'secrets',
  'needs',
  'if',
  'permissions',
  'concurrency',
  'strategy',
];
export const NORMAL_ONLY_JOB_KEYS = [
  'runs-on',
  'steps',
  'env',
  'defaults',
  'outputs',
  'timeout-minutes',
  'cancel-timeout-minutes',
  'container',
  'services',
  'environment',
  'continue-on-error',
  'snapshot',
];

export const ROOT_PROPS: Record<string, Prop> = {
  name: p(str(AV.none), 'The workflow name shown on GitHub.'),
  description: p(str(AV.none), 'A description of the workflow.'),
  'run-name': p(str(AV.runName), 'The name of each run, may use `github`, `inputs` and `vars`.'),
  on: p({ t: 'any' }, 'The events that trigger the workflow.', true),
  permissions: p(permissions, 'GITHUB_TOKEN permissions of every job.'),
  env: p(envMap(AV.workflowEnv), 'Environment variables of every job.'),
  defaults: p(defaultsRun(AV.jobDefaultsRun), "Defaults of every job's `run` steps."),
  concurrency: p(concurrency(AV.workflowConcurrency), 'A concurrency group for the whole workflow.'),
  jobs: p({ t: 'map' }, 'The jobs of the workflow.', true),
};

export const DISPATCH_INPUT = dispatchInput;
export const CALL_INPUT = callInput;
export const CALL_SECRET: ValueType = {
  t: 'oneOf',
  of: [
    { t: 'null' },
    { t: 'map', props: { description: p(str()), required: p(bool(), 'Whether callers must pass the secret.') } },
  ],
};
export const CALL_OUTPUT: ValueType = {
  t: 'map',
  props: {
    description: p(str()),
    value: p(str(AV.workflowOutput), 'The value, usually `${{ jobs.<job>.outputs.<name> }}`.', true),
  },
};

/** Keys of event filters, with their docs. */
export const FILTER_DOCS: Record<string, string> = {
  branches: 'Run only for these branches (glob patterns).',
  'branches-ignore': 'Skip these branches (glob patterns).',
  tags: 'Run only for these tags (glob patterns).',
  'tags-ignore': 'Skip these tags (glob patterns).',
  paths: 'Run only when a changed file matches (glob patterns).',
  'paths-ignore': 'Skip when every changed file matches (glob patterns).',
  types: 'The activity types that trigger the workflow.',
  workflows: 'The workflows whose runs trigger this one.',
  inputs: 'Inputs of the workflow.',
  secrets: 'Secrets the calling workflow passes.',
  outputs: 'Outputs of the reusable workflow.',
  names: 'Image names.',
  versions: 'Image versions.',
};
