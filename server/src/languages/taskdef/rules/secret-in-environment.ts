import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import type { Node } from 'jsonc-parser';
import { get, items, str, end, insertProp } from '../json';
import { containers } from '../ecs';
import type { OffsetEdit } from '../../../engine/types';
import { parsesCleanly } from '../rule-kit';
import { fillFix, hole, knownOf, REGION_STOP } from '../fill';

const SECRET_NAME =
  /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|SECRET_KEY|SECRET_ACCESS_KEY|TOKEN|AUTH_TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CLIENT_SECRET|CREDENTIALS?)$/i;
/** Names that mention a secret without holding one. */
const NOT_SECRET =
  /(_ARN|_FILE|_PATH|_NAME|_ID|_URL_PARAM|_LENGTH|_TTL|_EXPIRY|_EXPIRES(_IN)?|_ENDPOINT|_HEADER|_TYPE|_REGION)$/i;
const SECRET_VALUE: [RegExp, string][] = [
  [/\b(AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key id'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\bgh[pousr]_[A-Za-z0-9]{30,}\b/, 'a GitHub token'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/^[a-z]+:\/\/[^:/\s]+:[^@/\s]+@/, 'a URL with a password'],
];

export function secretReason(name: string, value: string | undefined): string | undefined {
  for (const [re, what] of SECRET_VALUE) if (value && re.test(value)) return `its value looks like ${what}`;
  if (
    SECRET_NAME.test(name) &&
    !NOT_SECRET.test(name) &&
    value !== undefined &&
    value !== '' &&
    !/^(true|false|\d+)$/i.test(value)
  )
    return 'its name says it holds a secret';
  return undefined;
}

/** Removes one array element with its comma. */
function removeItem(arr: Node, item: Node): OffsetEdit {
  const list = arr.children ?? [];
  const i = list.indexOf(item);
  if (i + 1 < list.length) return { start: item.offset, end: list[i + 1].offset, newText: '' };
  if (i > 0) return { start: end(list[i - 1]), end: end(item), newText: '' };
  return { start: arr.offset + 1, end: end(arr) - 1, newText: '' };
}

/** TD301: environment variables that look like secrets belong in `secrets`. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD301',
    id: 'taskdef-secret-in-environment',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    description: 'An environment variable looks like a secret; it belongs in secrets.',
    messages: {
      secret:
        'Environment variable "{{name}}" looks like a secret ({{reason}}); ' +
        'move it to "secrets" so it is read from Secrets Manager or SSM.',
    },
    fixable: 'suggestion',
    docs: {
      severity: 'A real risk: environment values are readable by anyone who can describe the task definition.',
      rationale:
        'Environment values are stored in the task definition in plain text: ' +
        'anyone who can describe task definitions can read them, and they end up in deploy logs. ' +
        '`secrets` keeps the value in Secrets Manager or SSM Parameter Store and ECS injects it at ' +
        'start. The fix moves the variable to `secrets` with a `valueFrom` placeholder to fill in ' +
        '(and the task then needs an execution role).',
      incorrect: fargateExample({}, { environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }] }),
      correct: fargateExample(
        {},
        {
          secrets: [
            { name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password' },
          ],
        },
      ),
      peers: ['trivy AVD-AWS-0036 (Terraform/CloudFormation)'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const known = knownOf(ctx.model.taskDef);
    for (const c of containers(ctx.model.taskDef)) {
      const env = get(c.node, 'environment');
      for (const e of items(env)) {
        const nameNode = get(e, 'name');
        const name = str(nameNode);
        if (!nameNode || name === undefined) continue;
        const reason = secretReason(name, str(get(e, 'value')));
        if (!reason) continue;
        const secretText =
          `{ "name": ${JSON.stringify(name)}, "valueFrom": ` +
          `"arn:aws:secretsmanager:${hole(0)}:${hole(1)}:secret:${hole(2)}" }`;
        const secrets = get(c.node, 'secrets');
        const edits: OffsetEdit[] = [removeItem(env!, e)];
        if (secrets?.type === 'array') {
          const last = secrets.children?.[secrets.children.length - 1];
          edits.push(
            last
              ? { start: end(last), end: end(last), newText: `, ${secretText}` }
              : { start: secrets.offset + 1, end: secrets.offset + 1, newText: secretText },
          );
        } else if (!secrets) {
          edits.push(insertProp(ctx.text, c.node, 'secrets', `[${secretText}]`));
        } else continue;
        ctx.report({
          start: nameNode.offset,
          end: nameNode.offset + nameNode.length,
          messageId: 'secret',
          data: { name, reason },
          // a snippet fix: the secret's name (and the region and account, unless the file names them) to fill in
          fix: fillFix(
            `Move ${name} to secrets`,
            edits.sort((a, b) => a.start - b.start),
            [
              { value: known.region, stop: REGION_STOP },
              { value: known.account, stop: { kind: 'empty' } },
              { stop: { kind: 'empty' } },
            ],
          ),
        });
      }
    }
  },
});
