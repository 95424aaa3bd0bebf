/** XF042: a deploy step registers a task definition file whose containers do not run the image the workflow builds. */
import { testRule } from '../helpers/rule-tester';
import { language as workflow } from '../../server/src/languages/workflow';
import { rule } from '../../server/src/links/rules/ecs-deployed-image-not-built';

const WF = '/ws/.github/workflows/deploy.yml';
const TD = '/ws/ecs/task-definition.json';
const taskDef = (...images: string[]) =>
  JSON.stringify(
    { family: 'web', containerDefinitions: images.map((image, i) => ({ name: i ? `side${i}` : 'web', image })) },
    null,
    2,
  ) + '\n';
const head = (tags = '${{ steps.ecr.outputs.registry }}/web:${{ github.sha }}') =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ` +
  `    - uses: aws-actions/amazon-ecr-login@v2\n        id: ecr\n      - uses: ` +
  `docker/build-push-action@v6\n        with:\n          push: true\n          tags: ` +
  `${tags}\n`;
const render = (id = 'render') =>
  `      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n      ` +
  `  id: ${id}\n        with:\n          task-definition: ecs/task-definition.json\n         ` +
  ` container-name: web\n          image: \${{ steps.ecr.outputs.registry }}/web:\${{ ` +
  `github.sha }}\n`;
const deploy = (taskDefinition: string) =>
  `      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2\n      ` +
  `  with:\n          task-definition: ${taskDefinition}\n          service: web\n          ` +
  `cluster: prod\n`;
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

testRule(workflow, rule, {
  valid: [
    {
      code: head() + render() + deploy('${{ steps.render.outputs.task-definition }}'),
      path: WF,
      files: { [TD]: taskDef(`${ECR}/web:1`) },
      name: 'the render output is deployed',
    },
    {
      code: head() + deploy('ecs/task-definition.json'),
      path: WF,
      files: { [TD]: taskDef(`${ECR}/web:latest`) },
      name: 'deployed as written, and it runs the built repository',
    },
    {
      code: head() + deploy('ecs/task-definition.json'),
      path: WF,
      files: { [TD]: taskDef('public.ecr.aws/aws-observability/aws-for-fluent-bit:2', `${ECR}/web:latest`) },
      name: 'a sidecar beside the built image',
    },
    {
      code: head('web:latest') + deploy('ecs/task-definition.json'),
      path: WF,
      files: { [TD]: taskDef(`${ECR}/web:latest`) },
      name: 'a local tag pushed later under a registry: same name',
    },
    {
      code: head() + deploy('ecs/task-definition.json'),
      path: WF,
      files: { [TD]: taskDef('<IMAGE>') },
      name: 'a templated image',
    },
    {
      code:
        head() +
        '      - run: sed -i "s|IMAGE|$IMAGE|" ecs/task-definition.json\n' +
        deploy('ecs/task-definition.json'),
      path: WF,
      files: { [TD]: taskDef(`${ECR}/api:1`) },
      name: 'a script rewrites the file',
    },
    {
      code: head('${{ env.IMAGE }}') + deploy('ecs/task-definition.json'),
      path: WF,
      files: { [TD]: taskDef(`${ECR}/api:1`) },
      name: 'the built tag is an expression',
    },
    {
      code: 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n' + deploy('ecs/task-definition.json'),
      path: WF,
      files: { [TD]: taskDef(`${ECR}/api:1`) },
      name: 'nothing built',
    },
    { code: head() + deploy('ecs/task-definition.json'), path: WF, name: 'the file is absent (XF001 says so)' },
  ],
  invalid: [
    {
      name: 'rendered, then the file itself deployed',
      code: head() + render() + deploy('ecs/task-definition.json'),
      path: WF,
      files: { [TD]: taskDef(`${ECR}/web:1`) },
      errors: [
        { messageId: 'unrendered', line: 20, column: 28, data: { path: 'ecs/task-definition.json', render: 'render' } },
      ],
      output: head() + render() + deploy('${{ steps.render.outputs.task-definition }}'),
    },
    {
      name: 'deployed as written, and no container runs the built repository',
      code: head() + deploy('ecs/task-definition.json'),
      path: WF,
      files: { [TD]: taskDef(`${ECR}/web-legacy:1`) },
      errors: [
        {
          messageId: 'notBuilt',
          line: 14,
          data: { path: 'ecs/task-definition.json', built: '"${{ steps.ecr.outputs.registry }}/web"' },
        },
      ],
    },
  ],
});
