import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  prepareTaskDefinition,
  findPlaceholders,
  awsLogsTargets,
  looksLikeTaskDefinition,
  listProfiles,
} from '../../client/src/aws';

const plain = {
  family: 'web',
  containerDefinitions: [
    {
      name: 'app',
      image: 'repo/app:${TAG}',
      environment: [
        { name: 'STAGE', value: '${STAGE}-eu' },
        { name: 'RAW', value: '$NOT_A_PLACEHOLDER' },
      ],
    },
  ],
};

describe('prepareTaskDefinition', () => {
  it('substitutes known placeholders and reports the rest', () => {
    const r = prepareTaskDefinition(JSON.stringify(plain), { TAG: 'v9' });
    assert.deepEqual(r.errors, []);
    assert.deepEqual(r.substituted, ['TAG']);
    assert.deepEqual(r.unresolved, ['STAGE']);
    const c = (r.input!.containerDefinitions as Array<{ image: string; environment: Array<{ value: string }> }>)[0]!;
    assert.equal(c.image, 'repo/app:v9');
    assert.equal(c.environment[0]!.value, '${STAGE}-eu');
    assert.equal(c.environment[1]!.value, '$NOT_A_PLACEHOLDER');
    assert.equal(r.family, 'web');
  });

  it('unwraps describe-task-definition output, strips read-only fields and keeps the wrapper tags', () => {
    const wrapped = {
      taskDefinition: {
        ...plain,
        taskDefinitionArn: 'arn:x',
        revision: 3,
        status: 'ACTIVE',
        requiresAttributes: [],
        compatibilities: ['FARGATE'],
        registeredAt: 1,
        registeredBy: 'me',
        deregisteredAt: 2,
      },
      tags: [{ key: 'a', value: 'b' }],
    };
    const r = prepareTaskDefinition(JSON.stringify(wrapped), { TAG: 'x', STAGE: 'prod' });
    assert.deepEqual(r.stripped, [
      'taskDefinitionArn',
      'revision',
      'status',
      'requiresAttributes',
      'compatibilities',
      'registeredAt',
      'registeredBy',
      'deregisteredAt',
    ]);
    assert.deepEqual(Object.keys(r.input!).sort(), ['containerDefinitions', 'family', 'tags']);
    assert.deepEqual(r.unresolved, []);
  });

  it('refuses broken JSON, non-objects and files without containers or family', () => {
    assert.match(prepareTaskDefinition('{"family": "x",').errors[0]!, /JSON syntax/);
    assert.deepEqual(prepareTaskDefinition('[1]').errors, ['A task definition must be a JSON object.']);
    assert.deepEqual(prepareTaskDefinition('{"containerDefinitions": []}').errors, [
      'The task definition has no containerDefinitions.',
      'The task definition has no "family".',
    ]);
  });

  it('finds placeholders in order of first appearance', () => {
    assert.deepEqual(findPlaceholders({ a: '${B} ${A}', b: ['${B}', { c: '${C_1}' }], d: 5 }), ['B', 'A', 'C_1']);
  });
});

describe('awsLogsTargets', () => {
  it('gives group, region and the ECS stream prefix per container', () => {
    const td = {
      family: 'web',
      containerDefinitions: [
        {
          name: 'app',
          logConfiguration: {
            logDriver: 'awslogs',
            options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'ecs' },
          },
        },
        { name: 'sidecar', logConfiguration: { logDriver: 'awsfirelens', options: {} } },
        { name: 'plain', logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/plain' } } },
      ],
    };
    assert.deepEqual(awsLogsTargets({ taskDefinition: td }), [
      { container: 'app', logGroup: '/ecs/web', region: 'eu-west-1', streamPrefix: 'ecs/app/' },
      { container: 'plain', logGroup: '/ecs/plain', region: undefined, streamPrefix: undefined },
    ]);
  });
});

describe('looksLikeTaskDefinition', () => {
  it('accepts the plain and wrapped forms only', () => {
    assert.equal(looksLikeTaskDefinition(JSON.stringify(plain)), true);
    assert.equal(looksLikeTaskDefinition(JSON.stringify({ taskDefinition: plain })), true);
    assert.equal(looksLikeTaskDefinition('{"name": "containerDefinitions"}'), false);
    assert.equal(looksLikeTaskDefinition('{"containerDefinitions": 3}'), false);
  });
});

describe('listProfiles', () => {
  it('reads profile names from config and credentials, default first', () => {
    const config =
      '[default]\nregion = eu-west-1\n[profile prod]\nsso_session = ' +
      'corp\n[sso-session corp]\nsso_region = eu-west-1\n[profile dev] # comment\n';
    const credentials = '[default]\naws_access_key_id = X\n[legacy]\naws_access_key_id = Y\n';
    assert.deepEqual(listProfiles(config, credentials), ['default', 'dev', 'legacy', 'prod']);
  });
});
