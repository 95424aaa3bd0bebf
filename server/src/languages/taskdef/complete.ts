/** Completions at the cursor: keys from the model, enum values, booleans, Fargate sizes, regions, ARN skeletons. */
import { getLocation, findNodeAtLocation, type Node } from 'jsonc-parser';
import type { Completion, FeatureContext } from '../../engine/types';
import type { TaskDefModel } from './parse';
import {
  memberNames,
  memberShape,
  shape,
  ALL_REGIONS,
  FARGATE_SIZES,
  LOG_DRIVER_OPTIONS,
  taskSize,
  parseCpu,
  parseMemory,
  isFargate,
} from './ecs';
import { resolvePath } from './locate';
import { fieldDoc } from './docs';
import { describeShape } from './walk';
import { get, props, keyOf, str } from './json';
import { constraintsOf } from './hover';

const ROLE_SKELETON = 'arn:aws:iam::${1:123456789012}:role/${2:ecsTaskExecutionRole}';
const SECRET_SKELETONS = [
  ['Secrets Manager secret', 'arn:aws:secretsmanager:${1:us-east-1}:${2:123456789012}:secret:${3:name}'],
  [
    'Secrets Manager secret JSON key',
    'arn:aws:secretsmanager:${1:us-east-1}:${2:123456789012}:secret:${3:name}:${4:key}::',
  ],
  ['SSM parameter', 'arn:aws:ssm:${1:us-east-1}:${2:123456789012}:parameter/${3:name}'],
];

const SKELETONS: [string, string][] = [
  [
    'Fargate task definition',
    [
      '{',
      '  "family": "${1:app}",',
      '  "networkMode": "awsvpc",',
      '  "requiresCompatibilities": ["FARGATE"],',
      '  "cpu": "${2|256,512,1024,2048,4096|}",',
      '  "memory": "${3:512}",',
      '  "executionRoleArn": "arn:aws:iam::${4:123456789012}:role/ecsTaskExecutionRole",',
      '  "containerDefinitions": [',
      '    {',
      '      "name": "${5:app}",',
      '      "image": "${6:nginx:1.27}",',
      '      "essential": true,',
      '      "portMappings": [{ "containerPort": ${7:80}, "protocol": "tcp" }],',
      '      "logConfiguration": {',
      '        "logDriver": "awslogs",',
      '        "options": { "awslogs-group": "/ecs/${1:app}", ' +
        '"awslogs-region": "${8:us-east-1}", "awslogs-stream-prefix": "ecs" }',
      '      }',
      '    }',
      '  ]',
      '}',
    ].join('\n'),
  ],
  [
    'EC2 task definition',
    [
      '{',
      '  "family": "${1:app}",',
      '  "requiresCompatibilities": ["EC2"],',
      '  "containerDefinitions": [',
      '    {',
      '      "name": "${2:app}",',
      '      "image": "${3:nginx:1.27}",',
      '      "essential": true,',
      '      "memoryReservation": ${4:256},',
      '      "portMappings": [{ "containerPort": ${5:80}, "hostPort": 0 }]',
      '    }',
      '  ]',
      '}',
    ].join('\n'),
  ],
];

function valueSnippet(shapeName: string): string {
  const s = shape(shapeName);
  if (!s) return '$1';
  if (s.type === 'structure' || s.type === 'map') return '{$1}';
  if (s.type === 'list') return '[$1]';
  if (s.type === 'boolean') return '${1|true,false|}';
  if (s.type === 'integer' || s.type === 'long') return '${1:0}';
  if (s.enum) return `"\${1|${s.enum.join(',')}|}"`;
  return '"$1"';
}

export function complete(ctx: FeatureContext<TaskDefModel>, offset: number): Completion[] {
  const { text, model } = ctx;
  const loc = getLocation(text, offset);
  const prev = loc.previousNode;
  // The editor filters items against the text from the start of the replaced range to the cursor.
  // When that range is a JSON string (the key or value being typed), it starts with the quote, so
  // the filter text must too, or the editor drops every item ("No suggestions"), as VS Code's own
  // JSON service does with `"value"` filter texts.
  const filterFor = (r: readonly [number, number], plain: string) =>
    r[1] > r[0] && text[r[0]] === '"' ? JSON.stringify(plain) : plain;
  const wrapped =
    !!model.wrapper ||
    (loc.path[0] === 'taskDefinition' &&
      !model.root?.children?.some((p) => p.children?.[0]?.value === 'containerDefinitions'));
  const out: Completion[] = [];

  if (loc.isAtPropertyKey) {
    const objPath = loc.path.slice(0, -1);
    const range =
      prev && (prev.type === 'property' || prev.type === 'string')
        ? ([prev.offset, prev.offset + prev.length] as const)
        : ([offset, offset] as const);
    const obj = model.root ? (objPath.length ? findNodeAtLocation(model.root, objPath) : model.root) : undefined;
    const present = new Set(props(obj).map(keyOf));
    const resolved = resolvePath(objPath, wrapped);
    if (!resolved) return out;
    // Log driver options depend on the driver.
    if (resolved.shape.type === 'map' && resolved.key === 'options') {
      const lcPath = objPath.slice(0, -1);
      const driver = str(get(model.root && findNodeAtLocation(model.root, lcPath), 'logDriver'));
      for (const o of LOG_DRIVER_OPTIONS[driver ?? ''] ?? []) {
        if (present.has(o)) continue;
        out.push({
          label: o,
          kind: 'property',
          detail: `${driver} option`,
          filterText: filterFor(range, o),
          snippet: true,
          replace: { start: range[0], end: range[1] },
          insertText: `"${o}": "$1"`,
        });
      }
      return out;
    }
    if (resolved.shape.type !== 'structure') return out;
    for (const key of memberNames(resolved.shapeName)) {
      if (present.has(key)) continue;
      const ms = memberShape(resolved.shapeName, key)!;
      const required = resolved.shape.required?.includes(key);
      const doc = [fieldDoc(resolved.shapeName, key), constraintsOf(ms)].filter(Boolean).join('\n\n');
      out.push({
        label: key,
        kind: 'property',
        detail: `${describeShape(shape(ms))}${required ? ' (required)' : ''}`,
        documentation: doc,
        sortText: `${required ? '0' : '1'}${key}`,
        filterText: filterFor(range, key),
        snippet: true,
        replace: { start: range[0], end: range[1] },
        insertText: `"${key}": ${valueSnippet(ms)}`,
      });
    }
    return out;
  }

  // An empty file (detected by its name): offer whole task definitions to start from.
  if (text.trim() === '') {
    for (const [label, body] of SKELETONS)
      out.push({
        label,
        kind: 'snippet',
        detail: 'task definition skeleton',
        snippet: true,
        replace: { start: 0, end: text.length },
        insertText: body,
      });
    return out;
  }

  // A value position.
  const resolved = resolvePath(loc.path, wrapped);
  const range =
    prev && ['string', 'number', 'boolean', 'null'].includes(prev.type)
      ? ([prev.offset, prev.offset + prev.length] as const)
      : ([offset, offset] as const);
  // The filter text is what the item inserts (snippet tab stops as their defaults), without quotes;
  // the sort text keeps our order (512 before 1024), which the editor would otherwise sort by label.
  const plainOf = (snippet: string) =>
    snippet
      .replace(/^"|"$/g, '')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, '');
  const add = (label: string, detail?: string, kind: Completion['kind'] = 'value', snippet?: string) =>
    out.push({
      label,
      detail,
      kind,
      sortText: String(out.length).padStart(4, '0'),
      filterText: filterFor(range, snippet ? plainOf(snippet) : label),
      snippet: snippet ? true : undefined,
      replace: { start: range[0], end: range[1] },
      insertText: snippet ?? JSON.stringify(label),
    });
  const key = resolved?.key ?? String(loc.path[loc.path.length - 1] ?? '');
  const td = model.taskDef;
  const parent = loc.path.slice(0, -1);

  if (resolved?.parentStructure === 'RegisterTaskDefinitionRequest' && (key === 'cpu' || key === 'memory')) {
    const fargate = isFargate(td);
    if (key === 'cpu') {
      const mem = taskSize(get(td, 'memory'), parseMemory);
      for (const s of FARGATE_SIZES)
        if (mem === undefined || s.memory.includes(mem))
          add(String(s.cpu), `${s.cpu / 1024} vCPU${fargate ? ', Fargate' : ''}`);
    } else {
      const cpu = taskSize(get(td, 'cpu'), parseCpu);
      const sizes = FARGATE_SIZES.filter((s) => cpu === undefined || s.cpu === cpu);
      const seen = new Set<number>();
      for (const s of sizes)
        for (const m of s.memory)
          if (!seen.has(m)) {
            seen.add(m);
            add(String(m), `${m / 1024} GB`);
          }
    }
    return out;
  }
  if (key === 'awslogs-region' || key === 'region') {
    for (const r of ALL_REGIONS) add(r, 'AWS region');
    return out;
  }
  if (key === 'logDriver' && resolved) {
    for (const e of resolved.shape.enum ?? [])
      add(e, isFargate(td) && !['awslogs', 'splunk', 'awsfirelens'].includes(e) ? 'not on Fargate' : 'log driver');
    return out;
  }
  if (key === 'executionRoleArn' || key === 'taskRoleArn') {
    add(
      'arn:aws:iam::…:role/…',
      'IAM role ARN',
      'snippet',
      `"${ROLE_SKELETON.replace('ecsTaskExecutionRole', key === 'taskRoleArn' ? 'appTaskRole' : 'ecsTaskExecutionRole')}"`,
    );
    return out;
  }
  if (key === 'valueFrom' || key === 'credentialsParameter') {
    for (const [label, sk] of SECRET_SKELETONS)
      if (key === 'valueFrom' || label === 'Secrets Manager secret')
        add(label, sk.replace(/\$\{\d+:([^}]*)\}/g, '$1'), 'snippet', `"${sk}"`);
    return out;
  }
  if (key === 'containerName' && model.root) {
    const containerNodes: Node[] = get(td, 'containerDefinitions')?.children ?? [];
    const self = parent.length >= 2 ? findNodeAtLocation(model.root, loc.path.slice(0, wrapped ? 3 : 2)) : undefined;
    for (const c of containerNodes) {
      const n = str(get(c, 'name'));
      if (n && c !== self) add(n, 'container');
    }
    return out;
  }
  if (!resolved) return out;
  for (const e of resolved.shape.enum ?? []) add(e, key);
  if (resolved.shape.type === 'boolean') {
    add('true', key, 'keyword', 'true');
    add('false', key, 'keyword', 'false');
  }
  return out;
}
