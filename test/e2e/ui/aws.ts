// The AWS side of the UI tests: real API calls to the moto_server the run started (seed a cluster
// and a service, read back what the extension deployed, put log events), the workspace settings
// that point the extension at it, and a pass-through proxy that can hold one API call open so a
// person (and a screenshot) can see the progress that moto would otherwise finish in milliseconds.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import type { AwsEmulator } from './workbench';

export function clients(aws: AwsEmulator): {
  ecs: ECSClient;
  logs: CloudWatchLogsClient;
  ec2: EC2Client;
  destroy(): void;
} {
  const config = { endpoint: aws.endpoint, region: aws.region, credentials: aws.credentials, maxAttempts: 1 };
  const ecs = new ECSClient(config);
  const logs = new CloudWatchLogsClient(config);
  const ec2 = new EC2Client(config);
  return { ecs, logs, ec2, destroy: () => [ecs, logs, ec2].forEach((c) => c.destroy()) };
}

/** Subnets and the default security group of moto's default VPC (CreateService with awsvpc needs real ones). */
export async function defaultNetwork(ec2: EC2Client): Promise<{ subnets: string[]; securityGroups: string[] }> {
  const out = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
  const subnets = (out.Subnets ?? []).map((s) => s.SubnetId!).filter(Boolean);
  const vpc = out.Subnets?.[0]?.VpcId;
  const sg = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [{ Name: 'group-name', Values: ['default'] }, ...(vpc ? [{ Name: 'vpc-id', Values: [vpc] }] : [])],
    }),
  );
  if (subnets.length === 0) throw new Error('moto has no default subnets');
  return {
    subnets,
    securityGroups: (sg.SecurityGroups ?? [])
      .map((g) => g.GroupId!)
      .filter(Boolean)
      .slice(0, 1),
  };
}

/** Writes `.vscode/settings.json` into the throwaway workspace (before the workbench opens it). */
export function writeWorkspaceSettings(workspace: string, settings: Record<string, unknown>): void {
  const dir = path.join(workspace, '.vscode');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

export interface Gate {
  /** The proxy's endpoint, for `shipshape.aws.endpoint`. */
  endpoint: string;
  /** Holds every later request for this API operation (its X-Amz-Target suffix) until release(). */
  hold(operation: string): void;
  /** Resolves when a held request has arrived. */
  held(): Promise<void>;
  release(): void;
  close(): Promise<void>;
}

/**
 * A pass-through HTTP proxy in front of moto. Requests go through unchanged; only a held operation
 * waits (AWS answering slowly), so the user-visible progress of a deployment can be seen.
 */
export async function startGate(target: string): Promise<Gate> {
  const upstream = new URL(target);
  let holding: string | undefined;
  let open: Promise<void> = Promise.resolve();
  let release = () => {};
  let arrived!: () => void;
  let arrival = new Promise<void>((r) => (arrived = r));
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const op = String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop();
      if (holding && op === holding) {
        arrived();
        await open;
      }
      const fwd = http.request(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      fwd.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      fwd.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    hold(operation) {
      holding = operation;
      open = new Promise((r) => (release = r));
      arrival = new Promise((r) => (arrived = r));
    },
    held: () => arrival,
    release() {
      holding = undefined;
      release();
    },
    async close() {
      release();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
