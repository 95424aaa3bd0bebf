/** Image identity: the repository the workflow builds vs the one the task definition gets (XF041). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testRule } from '../helpers/rule-tester';
import { language as workflow } from '../../server/src/languages/workflow';
import { rule as imageNotBuilt } from '../../server/src/languages/workflow/rules/ecs-image-not-built';
import { repositoryOf } from '../../server/src/text/image-ref';

test('repositoryOf strips tags and digests, not registry ports or expressions', () => {
  assert.equal(repositoryOf('localhost:5000/web:1').repo, 'localhost:5000/web');
  assert.equal(
    repositoryOf('${{ steps.ecr.outputs.registry }}/web:${{ github.sha }}').repo,
    '${{ steps.ecr.outputs.registry }}/web',
  );
  assert.equal(repositoryOf('example/web@sha256:abc').name, 'web');
  assert.equal(repositoryOf('web').repo, 'web');
});

const wf = (tags: string, image: string) =>
  `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n  ` +
  `    - uses: docker/build-push-action@v6\n        with:\n          push: true\n          ` +
  `tags: ${tags}\n      - uses: aws-actions/amazon-ecs-render-task-definition@v1\n        ` +
  `with:\n          task-definition: ecs/task-definition.json\n          container-name: ` +
  `web\n          image: ${image}\n`;

testRule(workflow, imageNotBuilt, {
  valid: [
    wf(
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:${{ github.sha }}',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:${{ github.sha }}',
    ),
    wf('${{ steps.ecr.outputs.registry }}/web:latest', '${{ steps.ecr.outputs.registry }}/web:${{ github.sha }}'),
    wf('${{ env.IMAGE }}:latest', '${{ steps.ecr.outputs.registry }}/web:1'),
    wf('example/web:1', '${{ steps.build.outputs.image }}'),
    wf('|\n            example/web:1\n            example/api:1', 'example/api:2'),
  ],
  invalid: [
    {
      code: wf(
        '${{ steps.ecr.outputs.registry }}/web-api:${{ github.sha }}',
        '${{ steps.ecr.outputs.registry }}/web:${{ github.sha }}',
      ),
      errors: [{ messageId: 'notBuilt', line: 14 }],
    },
    {
      code: wf('ghcr.io/acme/web:1', 'docker.io/acme/web:1'),
      errors: [{ messageId: 'notBuilt', line: 14, data: { repo: 'docker.io/acme/web' } }],
    },
  ],
});
