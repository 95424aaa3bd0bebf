import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, isTemplated, str } from '../json';
import { parsesCleanly } from '../rule-kit';

/** TD407: one IAM role as both the execution role (ECS's) and the task role (the application's). */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD407',
    id: 'taskdef-execution-role-is-task-role',
    kinds: ['taskdef'],
    defaultSeverity: 'info',
    security: { severity: 4.3 },
    description: 'The task role (what the application may do) is the execution role (what ECS may do for it).',
    messages: {
      same:
        'The task role is the execution role ({{arn}}): the application gets what ECS needs to start it (pull ' +
        'images, read every secret of the task, write its logs), and ECS what the application needs.',
    },
    fixable: false,
    docs: {
      severity:
        'Practice (least privilege): the task runs, and the extra rights only matter once the application is ' +
        'compromised.',
      rationale:
        'ECS uses the execution role to pull the images, fetch the `secrets` and send the logs before the ' +
        'containers start; the application uses the task role for its own AWS calls. One role for both gives the ' +
        "application the execution role's rights (every secret the task definition names, not only the ones its " +
        "container receives; every repository the role may pull) and puts the application's rights into " +
        "ECS's hands. Give each its own role; `ecsTaskExecutionRole` with the managed " +
        '`AmazonECSTaskExecutionRolePolicy` is the usual execution role.',
      attack:
        'Code execution in a container reads the task role credentials from the metadata endpoint, and with them ' +
        'every secret the execution role may read and every image it may pull, beyond what that container was given.',
      incorrect: fargateExample({
        executionRoleArn: 'arn:aws:iam::123456789012:role/app',
        taskRoleArn: 'arn:aws:iam::123456789012:role/app',
      }),
      correct: fargateExample({
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        taskRoleArn: 'arn:aws:iam::123456789012:role/app',
      }),
      peers: ['checkov CKV_AWS_249'],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    const td = ctx.model.taskDef;
    const exec = str(get(td, 'executionRoleArn'));
    const taskNode = get(td, 'taskRoleArn');
    const task = str(taskNode);
    if (!taskNode || !exec || !task || isTemplated(exec) || isTemplated(task)) return;
    // `role/app` and `arn:aws:iam::...:role/app` name the same role: compare the role name
    const name = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
    if (exec !== task && name(exec) !== name(task)) return;
    if (exec !== task && exec.includes(':') && task.includes(':')) return;
    ctx.report({
      start: taskNode.offset,
      end: taskNode.offset + taskNode.length,
      messageId: 'same',
      data: { arn: task },
    });
  },
});
