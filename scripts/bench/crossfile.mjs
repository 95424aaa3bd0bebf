// Cross-file re-check benchmark: a generated repository of 500 infra files (125 apps, each with a
// Dockerfile, a compose file, an ECS task definition and a deploy workflow that builds the image and
// renders the task definition). Checks every file once (which records the dependency graph), then
// times what the server does after an edit: re-validating the files that depend on the edited one.
// Usage: npx tsc -b && node scripts/bench/crossfile.mjs [--apps N]
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const { Service } = require(path.join(root, 'out/server/src/service/service.js'));
const { languages } = require(path.join(root, 'out/server/src/links/index.js'));
const { detectKind } = require(path.join(root, 'out/server/src/service/detect.js'));

const args = process.argv.slice(2);
const apps = args.includes('--apps') ? Number(args[args.indexOf('--apps') + 1]) : 125;
const R = '/bench';

const dockerfile = (i) =>
  `ARG NODE_VERSION=22\nFROM node:\${NODE_VERSION} AS build\nWORKDIR ` +
  `/src\nCOPY . .\nRUN npm ci && npm run build\nFROM node:\${NODE_VERSION}-alpine AS ` +
  `production\nWORKDIR /app\nCOPY --from=build /src/dist ./dist\nUSER node\nEXPOSE ` +
  `${3000 + i}\nCMD ["node", "dist/server.js"]\n`;
const compose = (i) =>
  `services:\n  app${i}:\n    build:\n      context: .\n      target: ` +
  `production\n    ports:\n      - "${3000 + i}:${3000 + i}"\n    healthcheck:\n      test: ` +
  `["CMD", "wget", "-qO-", "http://localhost:${3000 + i}/health"]\n`;
const taskDef = (i, name = `app${i}`) =>
  JSON.stringify(
    {
      family: `app${i}`,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [
        {
          name,
          image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app${i}:1`,
          essential: true,
          portMappings: [{ containerPort: 3000 + i }],
          healthCheck: { command: ['CMD-SHELL', `wget -qO- http://localhost:${3000 + i}/health || exit 1`] },
        },
      ],
    },
    null,
    2,
  ) + '\n';
const workflow = (i) =>
  `name: app${i}\non:\n  push:\n    paths: ['apps/app${i}/**']\njobs:\n  ` +
  `deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      ` +
  `- uses: docker/build-push-action@v6\n        with:\n          context: apps/app${i}\n     ` +
  `     target: production\n          build-args: |\n            NODE_VERSION=22\n          ` +
  `tags: example/app${i}:\${{ github.sha }}\n      - uses: ` +
  `aws-actions/amazon-ecs-render-task-definition@v1\n        id: render\n        with:\n     ` +
  `     task-definition: ecs/app${i}/task-definition.json\n          container-name: ` +
  `app${i}\n          image: example/app${i}:\${{ github.sha }}\n      - uses: ` +
  `aws-actions/amazon-ecs-deploy-task-definition@v2\n        with:\n          ` +
  `task-definition: \${{ steps.render.outputs.task-definition }}\n          service: ` +
  `app${i}\n          cluster: production\n          wait-for-service-stability: true\n`;

const files = new Map();
for (let i = 0; i < apps; i++) {
  files.set(`${R}/apps/app${i}/Dockerfile`, dockerfile(i));
  files.set(`${R}/apps/app${i}/compose.yaml`, compose(i));
  files.set(`${R}/ecs/app${i}/task-definition.json`, taskDef(i));
  files.set(`${R}/.github/workflows/app${i}.yml`, workflow(i));
}
const dirs = new Set();
for (const p of files.keys())
  for (let d = path.posix.dirname(p); d !== '/' && !dirs.has(d); d = path.posix.dirname(d)) dirs.add(d);
const fsys = {
  readFile: (p) => files.get(p),
  exists: (p) => files.has(p) || dirs.has(p),
  list: () => [...files.keys()],
};
const service = new Service(languages, fsys, (m) => console.error(m));
for (const p of files.keys()) service.workspace.addKnown(p, detectKind(p, files.get(p)));

const check = (p) =>
  service.validate({ path: p, text: files.get(p) }, service.settingsFor(p), { trusted: true }).findings;
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

let t = process.hrtime.bigint();
let xf = 0;
for (const p of files.keys()) xf += check(p).filter((f) => f.code.startsWith('XF')).length;
const cold = ms(t);
t = process.hrtime.bigint();
for (const p of files.keys()) check(p);
const warm = ms(t);

/** Edit one file (as didChange does) and re-check what depends on it; the median of several edits. */
function recheckAfterEdit(p, edit) {
  const times = [];
  let count = 0,
    findings = 0;
  for (let k = 0; k < 7; k++) {
    const text = edit(files.get(p), k);
    files.set(p, text);
    service.workspace.setOpen(p, text);
    const start = process.hrtime.bigint();
    const dependents = new Set([...service.workspace.dependentsOf(p)]);
    findings = check(p).length;
    for (const d of dependents) findings += check(d).length;
    times.push(ms(start));
    count = dependents.size;
  }
  times.sort((a, b) => a - b);
  return { dependents: count, median: times[times.length >> 1], findings };
}

const td = recheckAfterEdit(`${R}/ecs/app7/task-definition.json`, (_, k) => taskDef(7, k % 2 ? 'renamed' : 'app7'));
const df = recheckAfterEdit(`${R}/apps/app7/Dockerfile`, (_, k) =>
  dockerfile(7).replace(/AS production/, k % 2 ? 'AS prod' : 'AS production'),
);
const wf = recheckAfterEdit(`${R}/.github/workflows/app7.yml`, (_, k) =>
  workflow(7).replace('container-name: app7', k % 2 ? 'container-name: api' : 'container-name: app7'),
);

const f = (n) => n.toFixed(1).padStart(8);
console.log(
  `cross-file benchmark: ${files.size} infra files (${apps} apps), ${xf} cross-file findings on the clean workspace`,
);
console.log(`check every file, cold (parse + rules)        ${f(cold)} ms  (${(cold / files.size).toFixed(2)} ms/file)`);
console.log(`check every file, warm (parses cached)        ${f(warm)} ms  (${(warm / files.size).toFixed(2)} ms/file)`);
console.log(
  `edit a task definition, re-check it + ` +
    `${String(td.dependents).padStart(3)} dependents ${f(td.median)} ms (median of 7)`,
);
console.log(
  `edit a Dockerfile,      re-check it + ` +
    `${String(df.dependents).padStart(3)} dependents ${f(df.median)} ms (median of 7)`,
);
console.log(
  `edit a workflow,        re-check it + ` +
    `${String(wf.dependents).padStart(3)} dependents ${f(wf.median)} ms (median of 7; ` +
    `${(wf.median / (wf.dependents + 1)).toFixed(1)} ms per file)`,
);
console.log(
  '  (every task definition and Dockerfile reads every workflow, to find ' +
    'the ones naming it; the server re-checks only the open ones)',
);

// The share of the cross-file rules: the same warm pass with them off.
const off = Object.fromEntries(
  service
    .allRules()
    .filter((r) => r.meta.code.startsWith('XF'))
    .map((r) => [r.meta.code, 'off']),
);
t = process.hrtime.bigint();
for (const p of files.keys())
  service.validate({ path: p, text: files.get(p) }, service.settingsFor(p, { rules: off }), { trusted: true });
const noXf = ms(t);
console.log(
  `check every file, warm, XF rules off          ${f(noXf)} ms  (the XF ` +
    `rules cost ${((warm - noXf) / files.size).toFixed(2)} ms/file)`,
);

// Editor features across files on the same workspace (after the checks above, every file is parsed):
// each answer scans the index for the other side. Median of 7.
const DEFAULTS = service.settingsFor(`${R}/apps/app7/Dockerfile`);
function timeFeature(fn) {
  const times = [];
  let result;
  for (let k = 0; k < 7; k++) {
    const s = process.hrtime.bigint();
    result = fn();
    times.push(ms(s));
  }
  times.sort((a, b) => a - b);
  return { median: times[3], result };
}
for (const p of files.keys()) service.workspace.setOpen(p, files.get(p));
const dfPath = `${R}/apps/app7/Dockerfile`,
  wfPath = `${R}/.github/workflows/app7.yml`;
const dfDoc = { path: dfPath, text: dockerfile(7) },
  wfDoc = { path: wfPath, text: workflow(7) };
files.set(dfPath, dfDoc.text);
files.set(wfPath, wfDoc.text);
service.workspace.setOpen(dfPath, dfDoc.text);
service.workspace.setOpen(wfPath, wfDoc.text);
const features = [
  ['hover a stage (lists its users)', () => service.hover(dfDoc, dfDoc.text.indexOf('AS production') + 4, DEFAULTS)],
  ['hover an EXPOSE (where it runs)', () => service.hover(dfDoc, dfDoc.text.indexOf('EXPOSE') + 8, DEFAULTS)],
  [
    'hover a workflow target (the stage)',
    () => service.hover(wfDoc, wfDoc.text.indexOf('target: production') + 9, DEFAULTS),
  ],
  [
    'rename a stage (every file)',
    () => service.rename(dfDoc, dfDoc.text.indexOf('AS production') + 4, 'release', DEFAULTS),
  ],
  [
    'rename a container from the workflow',
    () => service.rename(wfDoc, wfDoc.text.indexOf('container-name: app7') + 17, 'web', DEFAULTS),
  ],
];
for (const [name, fn] of features) {
  const { median, result } = timeFeature(fn);
  console.log(`${name.padEnd(40)} ${f(median)} ms${result ? '' : '  (no answer!)'}`);
}
