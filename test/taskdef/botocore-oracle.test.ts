/**
 * botocore's own parameter validator (what `aws ecs register-task-definition --cli-input-json`
 * runs before sending anything) as an oracle for the model rules: a file it rejects must get one
 * of our model findings, and a file it accepts must get none of the ones it would also catch.
 * Skipped where python3 with botocore is not installed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, CORPUS } from '../helpers/context';
import { runRule } from '../helpers/rule-tester';
import { language } from './util';

const CORPUS_DIR = process.env.SHIPSHAPE_CORPUS ?? CORPUS;

const PY = `
import sys, json
from botocore.session import get_session
from botocore.validate import validate_parameters
shape = get_session().get_service_model('ecs').operation_model('RegisterTaskDefinition').input_shape
out = {}
for f in json.load(sys.stdin):
    try:
        data = json.load(open(f))
    except Exception:
        continue
    try:
        validate_parameters(data, shape); out[f] = ''
    except Exception as e:
        out[f] = str(e)
print(json.dumps(out))
`;

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith('.json') ? [p] : [];
  });
}

function botocore(list: string[]): Record<string, string> | undefined {
  try {
    return JSON.parse(
      execFileSync('python3', ['-c', PY], {
        input: JSON.stringify(list),
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'ignore'],
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Our findings that botocore's client-side validation also makes (it checks minimums, not maximums: TD005 may see
 * more).
 */
const CLIENT_SIDE = ['TD001', 'TD002', 'TD006', 'TD007'];
const MODEL_RULES = [...CLIENT_SIDE, 'TD004', 'TD005'];

describe('model rules agree with botocore', () => {
  const list = [
    ...files(path.join(REPO_ROOT, 'test', 'fixtures', 'taskdef')),
    ...files(path.join(CORPUS_DIR, 'taskdef')),
  ];
  const verdicts = botocore(list);
  for (const file of list) {
    const rel = file.startsWith(CORPUS_DIR)
      ? `corpus/${path.relative(CORPUS_DIR, file)}`
      : path.relative(REPO_ROOT, file);
    it(rel, {
      skip: !verdicts ? 'python3 with botocore not installed' : verdicts[file] === undefined ? 'not JSON' : false,
    }, () => {
      const code = fs.readFileSync(file, 'utf8');
      const codes = new Set<string>();
      for (const rule of language.rules)
        if (MODEL_RULES.includes(rule.meta.code)) for (const f of runRule(language, rule, { code })) codes.add(f.code);
      const rejected = verdicts![file];
      if (rejected)
        assert.ok(
          [...codes].some((c) => MODEL_RULES.includes(c)),
          `botocore rejects (${rejected}) but no model finding`,
        );
      else
        assert.deepEqual(
          [...codes].filter((c) => CLIENT_SIDE.includes(c)),
          [],
          'botocore accepts it',
        );
    });
  }
});
