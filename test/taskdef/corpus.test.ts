/**
 * Real task definitions from ../shared/corpus/taskdef (skipped when absent): files that register
 * as they are get no error-severity finding; the ones that would not register get exactly the
 * errors that say why.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { CORPUS, memoryService } from '../helpers/context';

/** SHIPSHAPE_CORPUS points elsewhere (e.g. from a worktree, where the corpus is not beside the checkout). */
const DIR = path.join(process.env.SHIPSHAPE_CORPUS ?? CORPUS, 'taskdef');

/** Files that RegisterTaskDefinition (or the CLI before it) rejects, and the codes that say why. */
const WOULD_NOT_REGISTER: Record<string, string[]> = {
  // Fargate + awslogs without executionRoleArn: "Fargate requires task definition to have execution role ARN to support
  // log driver awslogs".
  'aws-samples__aws-containers-task-definitions/gunicorn__gunicorn_fargate.json': ['TD212'],
  'aws-samples__aws-containers-task-definitions/jetty__jetty_fargate.json': ['TD212'],
  'aws-samples__aws-containers-task-definitions/kibana__kibana_fargate.json': ['TD212'],
  'aws-samples__aws-containers-task-definitions/nginx__nginx_fargate.json': ['TD212'],
  'aws-samples__aws-containers-task-definitions/tomcat__tomcat_fargate.json': ['TD212'],
  // Also `"ulimits": null`, which botocore's validator rejects before sending.
  'aws-samples__aws-containers-task-definitions/wildfly__wildfly_fargate.json': ['TD002', 'TD212'],
  // awsvpc with hostPort 80 for containerPort 5601 / 8080: host and container ports must match.
  'aws-samples__aws-containers-task-definitions/kibana__kibana_ec2.json': ['TD106'],
  'aws-samples__aws-containers-task-definitions/tomcat__tomcat_ec2.json': ['TD106'],
};

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? files(p) : p.endsWith('.json') ? [p] : [];
    })
    .sort();
}

describe('taskdef corpus', { skip: fs.existsSync(DIR) ? false : 'no corpus beside the checkout' }, () => {
  const service = memoryService();
  const list = fs.existsSync(DIR) ? files(DIR) : [];
  const counts: Record<string, number> = {};
  for (const file of list) {
    const rel = path.relative(DIR, file).split(path.sep).join('/');
    it(rel, () => {
      const text = fs.readFileSync(file, 'utf8');
      const p = file.split(path.sep).join('/');
      const findings = service.validate({ path: p, text, kind: 'taskdef' }, service.settingsFor(p), {
        trusted: false,
      }).findings;
      for (const f of findings) counts[f.code] = (counts[f.code] ?? 0) + 1;
      const errors = [...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.code))].sort();
      assert.deepEqual(
        errors,
        WOULD_NOT_REGISTER[rel] ?? [],
        findings
          .filter((f) => f.severity === 'error')
          .map((f) => f.message)
          .join(' | '),
      );
    });
  }
  it('counts per code', () => {
    if (process.env.SHIPSHAPE_CORPUS_COUNTS)
      console.log(JSON.stringify(Object.fromEntries(Object.entries(counts).sort())));
    assert.ok(list.length > 0);
  });
});
