/**
 * The inputs of the scale test (scale.test.ts): one Dockerfile, or one task definition, checked in a workspace of n
 * other files (workflows and compose files that build other Dockerfiles, deploy other task definitions), as the CLI
 * and the server hold a monorepo: every file known by its kind, the file system not enumerable. The workspace is
 * built and checked once outside the timing (the index read, as after the CLI's first check or the server's first
 * keystroke); what is timed is checking the file again, which must not read the n other files.
 */
import type { DocumentKind } from '../../server/src/engine/types';
import { languages } from '../../server/src/links';
import { Service } from '../../server/src/service/service';
import type { Case } from '../helpers/complexity-worker';

const DOCKERFILE = '/w/web/Dockerfile';
const TASKDEF = '/w/web/ecs/web.json';
/** Checks per timed run: one check is a fraction of a millisecond. */
const CHECKS = 40;

const dockerfile =
  'FROM node:22-alpine AS build\nWORKDIR /src\nCOPY . .\nRUN npm ci\nFROM node:22-alpine\nEXPOSE 3000\n';
const taskDef = JSON.stringify(
  {
    family: 'web',
    containerDefinitions: [{ name: 'web', image: 'example/web:1', portMappings: [{ containerPort: 3000 }] }],
  },
  null,
  2,
);

/** A workflow of app i: builds its own Dockerfile, renders and deploys its own task definition. */
const workflow = (i: number) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n` +
  `      - uses: docker/build-push-action@v6\n        with:\n          context: app${i}\n          file: app${i}/Dockerfile\n` +
  `      - id: td\n        uses: aws-actions/amazon-ecs-render-task-definition@v1\n        with:\n` +
  `          task-definition: app${i}/ecs/app${i}.json\n          container-name: app${i}\n          image: x/app${i}:1\n` +
  `      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n` +
  `          task-definition: \${{ steps.td.outputs.task-definition }}\n          service: app${i}\n          cluster: prod\n`;
/** A compose file of app i: builds its own folder. */
const compose = (i: number) => `services:\n  app${i}:\n    build:\n      context: .\n    ports:\n      - "3000:3000"\n`;

interface Input {
  service: Service;
  path: string;
  text: string;
}

/** A workspace of n other files (half workflows, half compose files), the checked file among them, checked once. */
function workspace(n: number, path: string, text: string): Input {
  const files = new Map<string, string>([
    [DOCKERFILE, dockerfile],
    [TASKDEF, taskDef],
  ]);
  const kinds = new Map<string, DocumentKind>([
    [DOCKERFILE, 'dockerfile'],
    [TASKDEF, 'taskdef'],
  ]);
  for (let i = 0; i < n; i++) {
    const wf = `/w/.github/workflows/app${i}.yml`;
    const cp = `/w/app${i}/compose.yaml`;
    files.set(wf, workflow(i));
    kinds.set(wf, 'workflow');
    files.set(cp, compose(i));
    kinds.set(cp, 'compose');
  }
  const dirs = new Set<string>();
  for (const p of files.keys())
    for (let d = p; d.lastIndexOf('/') > 0; ) dirs.add((d = d.slice(0, d.lastIndexOf('/'))));
  const service = new Service(languages, {
    readFile: (p) => files.get(p),
    exists: (p) => files.has(p) || dirs.has(p),
  });
  for (const [p, k] of kinds) service.workspace.addKnown(p, k);
  check({ service, path, text });
  return { service, path, text };
}

function check(input: unknown): unknown {
  const { service, path, text } = input as Input;
  let findings: unknown[] = [];
  for (let k = 0; k < CHECKS; k++)
    findings = service.validate({ path, text }, service.settingsFor(path), { trusted: false }).findings;
  return findings;
}

// From 1,000 files: past the parsed models' cache (a scan there parses every file again) and where a scan, even of
// facts in memory, costs more than the check itself.
const sized = { n: 1000, max: 8000, run: check };

export const CASES: Record<string, Case> = {
  'a Dockerfile among n workflows and compose files that build other Dockerfiles': {
    doubles: 'the workflows and compose files',
    ...sized,
    make: (n) => workspace(n / 2, DOCKERFILE, dockerfile),
  },
  'a task definition among n workflows and compose files that render and deploy others': {
    doubles: 'the workflows and compose files',
    ...sized,
    make: (n) => workspace(n / 2, TASKDEF, taskDef),
  },
};
