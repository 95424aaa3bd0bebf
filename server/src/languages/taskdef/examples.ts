/** Builds the whole task definitions used as rule doc examples (every example is a real document). */
type Obj = Record<string, unknown>;

/** A Fargate task definition with one container; `task` and `container` override or (with undefined) remove members. */
export function fargateExample(task: Obj = {}, container: Obj = {}, more: Obj[] = []): string {
  return JSON.stringify(
    {
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [
        { name: 'app', image: 'nginx:1.27', essential: true, portMappings: [{ containerPort: 80 }], ...container },
        ...more,
      ],
      ...task,
    },
    null,
    2,
  );
}

/** An EC2 task definition (bridge network mode, container-level memory). */
export function ec2Example(task: Obj = {}, container: Obj = {}, more: Obj[] = []): string {
  return JSON.stringify(
    {
      family: 'web',
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [
        {
          name: 'app',
          image: 'nginx:1.27',
          memory: 256,
          essential: true,
          portMappings: [{ containerPort: 80, hostPort: 0 }],
          ...container,
        },
        ...more,
      ],
      ...task,
    },
    null,
    2,
  );
}
