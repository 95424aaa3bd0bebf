import { testRule } from '../helpers/rule-tester';
import { language, rule, F, E, J, lineOf } from './util';

const dup = F({}, { portMapping: [{ containerPort: 80 }], portMappings: undefined });
testRule(language, rule('TD001'), {
  valid: [F(), E(), { name: 'read-only fields are left to TD006', code: F({ revision: 3 }) }],
  invalid: [
    {
      code: dup,
      errors: [
        { messageId: 'unknownSuggest', line: lineOf(dup, '"portMapping"'), data: { suggestion: 'portMappings' } },
      ],
      output: dup.replace('"portMapping"', '"portMappings"'),
    },
    {
      name: 'case matters',
      code: F().replace('"image"', '"Image"'),
      errors: [{ messageId: 'unknownSuggest', data: { suggestion: 'image' } }],
      output: F(),
    },
    {
      name: 'far from every name',
      code: F({ banana: 1 }),
      errors: [{ messageId: 'unknown', data: { key: 'banana', where: 'the task definition' } }],
    },
    {
      name: 'nested, inside the describe wrapper',
      code: J({ taskDefinition: JSON.parse(F({}, { healthCheck: { command: ['CMD', 'true'], intervall: 5 } })) }),
      errors: [
        { messageId: 'unknownSuggest', data: { where: 'containerDefinitions[0].healthCheck', suggestion: 'interval' } },
      ],
      output: J({ taskDefinition: JSON.parse(F({}, { healthCheck: { command: ['CMD', 'true'], interval: 5 } })) }),
    },
  ],
});

testRule(language, rule('TD002'), {
  valid: [
    F(),
    F({ cpu: '${CPU}' }),
    F({}, { portMappings: [{ containerPort: '${PORT}' }] }),
    F({}, { essential: '<ESSENTIAL>' }),
  ],
  invalid: [
    {
      code: F({}, { portMappings: [{ containerPort: '80' }] }),
      errors: [{ messageId: 'wrongType', data: { key: 'containerPort', expected: 'an integer', actual: 'a string' } }],
      output: F({}, { portMappings: [{ containerPort: 80 }] }),
    },
    {
      name: 'task cpu as a number',
      code: F({ cpu: 256 }),
      errors: [{ messageId: 'wrongType', data: { key: 'cpu', expected: 'a string' } }],
      output: F({ cpu: '256' }),
    },
    {
      name: 'essential as a string',
      code: F({}, { essential: 'true' }),
      errors: [{ messageId: 'wrongType' }],
      output: F({}, { essential: true }),
    },
    {
      name: 'command as one string',
      code: F({}, { command: 'npm start' }),
      errors: [{ messageId: 'wrongType', data: { expected: 'an array' } }],
    },
    {
      name: 'null (botocore rejects it)',
      code: F({}, { ulimits: null }),
      errors: [{ messageId: 'wrongType', data: { actual: 'null' } }],
    },
    {
      name: 'a decimal where an integer goes',
      code: F({}, { memoryReservation: 1.5 }),
      errors: [{ messageId: 'wrongType' }],
    },
    {
      name: 'containerDefinitions as an object',
      code: J({ family: 'x', containerDefinitions: {} }),
      errors: [{ messageId: 'wrongType' }],
    },
  ],
});

testRule(language, rule('TD003'), {
  valid: [F(), F({ networkMode: '${NETWORK_MODE}' }), E({ requiresCompatibilities: ['EXTERNAL'] })],
  invalid: [
    {
      code: F({ networkMode: 'vpc' }),
      errors: [{ messageId: 'invalidSuggest', data: { suggestion: 'awsvpc' } }],
      output: F(),
    },
    {
      name: 'case of a protocol',
      code: F({}, { portMappings: [{ containerPort: 80, protocol: 'TCP' }] }),
      errors: [{ messageId: 'invalidSuggest', data: { suggestion: 'tcp' } }],
      output: F({}, { portMappings: [{ containerPort: 80, protocol: 'tcp' }] }),
    },
    {
      name: 'list items',
      code: F({ requiresCompatibilities: ['FARGATE', 'LAMBDA'] }),
      errors: [{ messageId: 'invalid', data: { key: 'requiresCompatibilities' } }],
    },
  ],
});

testRule(language, rule('TD004'), {
  valid: [F(), E()],
  invalid: [
    { code: J({ containerDefinitions: [] }), errors: [{ messageId: 'missing', line: 1, data: { key: 'family' } }] },
    {
      code: F({}, { image: undefined }),
      errors: [{ messageId: 'missing', data: { where: 'containerDefinitions[0]', key: 'image' } }],
    },
    {
      name: 'secret without valueFrom',
      code: F({}, { secrets: [{ name: 'X' }] }),
      errors: [{ messageId: 'missing', data: { key: 'valueFrom' } }],
    },
    {
      name: 'logConfiguration without logDriver',
      code: F({}, { logConfiguration: { options: {} } }),
      errors: [{ messageId: 'missing', data: { key: 'logDriver' } }],
    },
  ],
});

const manyTags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
testRule(language, rule('TD005'), {
  valid: [
    F({ tags: [{ key: 'team', value: '' }] }),
    F({ tags: manyTags.slice(0, 50) }),
    F({ family: 'web_API-2' }),
    F({ family: '${SERVICE}-${ENV}' }),
    F({ tags: [{ key: 'cost-center', value: 'Zürich 1/2 @ops' }] }),
  ],
  invalid: [
    { code: F({ tags: [{ key: '', value: 'x' }] }), errors: [{ messageId: 'tooShort', data: { key: 'key', min: 1 } }] },
    { code: F({ tags: manyTags }), errors: [{ messageId: 'tooLong', data: { key: 'tags', max: 50 } }] },
    {
      code: F({ tags: [{ key: 'k'.repeat(129), value: 'x' }] }),
      errors: [{ messageId: 'tooLong', data: { max: 128 } }],
    },
    { code: F({ family: 'my.app' }), errors: [{ messageId: 'pattern', data: { key: 'family', value: 'my.app' } }] },
    { code: F({}, { name: 'web app' }), errors: [{ messageId: 'pattern', data: { key: 'name' } }] },
    { code: F({ tags: [{ key: 'team', value: 'a,b' }] }), errors: [{ messageId: 'pattern', data: { key: 'value' } }] },
  ],
});

const described = F({
  taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7',
  revision: 7,
  status: 'ACTIVE',
  compatibilities: ['EC2', 'FARGATE'],
  registeredAt: '2024-01-01T00:00:00Z',
});
testRule(language, rule('TD006'), {
  valid: [F()],
  invalid: [
    {
      code: described,
      errors: [
        { messageId: 'readOnly', data: { key: 'taskDefinitionArn' } },
        { messageId: 'readOnly', data: { key: 'revision' } },
        { messageId: 'readOnly', data: { key: 'status' } },
        { messageId: 'readOnly', data: { key: 'compatibilities' } },
        { messageId: 'readOnly', data: { key: 'registeredAt' } },
      ],
      output: F(),
    },
    {
      name: 'first of the members',
      code: '{"revision": 1, "family": "a", "containerDefinitions": []}',
      errors: [{ messageId: 'readOnly' }],
      output: '{"family": "a", "containerDefinitions": []}',
    },
    { name: 'only member', code: '{ "status": "ACTIVE" }', errors: [{ messageId: 'readOnly' }], output: '{}' },
  ],
});
