import type { Node } from 'jsonc-parser';
import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import type { Fix } from '../../../engine/types';
import { nearest } from '../../../text/nearest';
import { get, isTemplated, items, keyNode, keyOf, props, str } from '../json';
import { containers, isFargate } from '../ecs';
import { cite, fact, strings } from '../limits';

/** The words Go's strconv.ParseBool reads (Docker parses the boolean log options with it). */
const BOOLEANS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
/** Drivers whose options we know (their lists are in data/limits.json); other drivers pass options on unread. */
const KNOWN: Record<string, string> = { awslogs: 'awslogs-options', splunk: 'splunk-options' };

/** TD221: log driver options the driver does not take, contradicts or lacks. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD221',
    id: 'log-driver-options',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    description: 'A log driver option the driver does not know, two that exclude each other, or a missing one.',
    messages: {
      unknown: 'The {{driver}} log driver has no option "{{option}}".',
      unknownSuggest: 'The {{driver}} log driver has no option "{{option}}"; did you mean "{{suggestion}}"?',
      multiline: 'awslogs-datetime-format and awslogs-multiline-pattern cannot both be set; keep one.',
      boolean: '{{option}} is "true" or "false", not "{{value}}".',
      mode: 'The log mode is "blocking" or "non-blocking", not "{{value}}".',
      required: 'The splunk log driver needs "{{option}}" (in options, or the token in secretOptions).',
      firelensS3: 'On Fargate a FireLens config file comes from the image ("config-file-type": "file"), not S3.',
    },
    fixable: 'suggestion',
    docs: {
      severity:
        'ECS registers the task definition, but the task fails to start or the setting is ignored when it runs: a likely bug, not a refusal of the file; the limit is in `taskdef/data/limits.json` with its source.',
      rationale:
        "The options go to the log driver, which checks them when the container starts: Docker's awslogs " +
        'and splunk drivers refuse an option they do not know (a misspelt `awslogs-stream-prefx`), awslogs ' +
        'refuses `awslogs-datetime-format` together with `awslogs-multiline-pattern` and a create flag that is ' +
        'not a boolean, and splunk needs its URL and token. The container then fails to start (or, where ' +
        'the option is ignored, the logs go elsewhere), hence a warning. On Fargate, FireLens reads its ' +
        'configuration file from the image only. ' +
        cite('awslogs-options', 'splunk-options', 'fargate-firelens-config-file'),
      incorrect: fargateExample(
        {},
        {
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefx': 'web' },
          },
        },
      ),
      correct: fargateExample(
        {},
        {
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'web' },
          },
        },
      ),
    },
  },
  check(ctx) {
    const td = ctx.model.taskDef;
    const at = (n: Node, messageId: string, data?: Record<string, string>, suggestions?: Fix[]) =>
      ctx.report({ start: n.offset, end: n.offset + n.length, messageId, data, suggestions });
    for (const c of containers(td)) {
      const lc = get(c.node, 'logConfiguration');
      const driver = str(get(lc, 'logDriver'));
      const options = get(lc, 'options');
      const given = new Map(props(options).map((p) => [keyOf(p), p]));
      const mode = str(given.get('mode')?.children?.[1]);
      if (mode !== undefined && !isTemplated(mode) && !strings('awslogs-mode').includes(mode))
        at(given.get('mode')!.children![1], 'mode', { value: mode });
      if (!driver || !KNOWN[driver]) continue;
      const allowed = strings(KNOWN[driver]);
      for (const [option, p] of given) {
        if (allowed.includes(option) || isTemplated(option)) continue;
        const k = keyNode(p);
        const suggestion = nearest(option, allowed);
        if (suggestion)
          at(k, 'unknownSuggest', { driver, option, suggestion }, [
            {
              title: `Rename to "${suggestion}"`,
              edits: [{ start: k.offset, end: k.offset + k.length, newText: JSON.stringify(suggestion) }],
              safe: false,
            },
          ]);
        else at(k, 'unknown', { driver, option });
      }
      if (driver === 'awslogs') {
        const pattern = given.get('awslogs-multiline-pattern');
        if (given.has('awslogs-datetime-format') && pattern) at(keyNode(pattern), 'multiline');
        for (const option of strings('awslogs-boolean-options')) {
          const v = given.get(option)?.children?.[1];
          const value = str(v);
          if (v && value !== undefined && !isTemplated(value) && !BOOLEANS.has(value))
            at(v, 'boolean', { option, value });
        }
      } else if (driver === 'splunk') {
        const secrets = items(get(lc, 'secretOptions')).map((s) => str(get(s, 'name')));
        for (const option of fact('splunk-options').required ?? [])
          if (!given.has(option) && !secrets.includes(option)) at(get(lc, 'logDriver')!, 'required', { option });
      }
    }
    if (!isFargate(td)) return;
    for (const c of containers(td)) {
      const type = get(get(get(c.node, 'firelensConfiguration'), 'options'), 'config-file-type');
      const value = str(type);
      if (
        type &&
        value !== undefined &&
        !isTemplated(value) &&
        !strings('fargate-firelens-config-file').includes(value)
      )
        at(type, 'firelensS3');
    }
  },
});
