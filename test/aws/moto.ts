// Shared moto_server access for the AWS tests: use SHIPSHAPE_MOTO_ENDPOINT when a runner
// (scripts/moto.mjs run) already started one, else start our own through scripts/moto.mjs.
// Tests use unique names, so they never depend on a reset between files.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EC2Client, DescribeSubnetsCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';

interface MotoModule {
  motoOnPath(): boolean;
  startMoto(options?: { port?: number; env?: Record<string, string> }): Promise<MotoHandle>;
  DUMMY_CREDENTIALS: Record<string, string>;
}

export interface MotoHandle {
  endpoint: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

// scripts/moto.mjs is ESM; Node 20.19+ can require() it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const moto = require(path.join(repoRoot(), 'scripts/moto.mjs')) as MotoModule;

/** Why the AWS tests are skipped, or false when they can run. */
export const motoSkip: string | false =
  process.env.SHIPSHAPE_MOTO_ENDPOINT || moto.motoOnPath()
    ? false
    : 'moto_server is not on PATH (pip install "moto[server]"), AWS tests skipped';

/** Dummy static credentials for the emulator, so the SDK's default chain resolves at once. */
export function useDummyCredentials(): void {
  for (const [k, v] of Object.entries(moto.DUMMY_CREDENTIALS)) process.env[k] = v;
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_DEFAULT_PROFILE;
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
}

export async function startMoto(): Promise<MotoHandle> {
  useDummyCredentials();
  const shared = process.env.SHIPSHAPE_MOTO_ENDPOINT;
  if (shared) {
    return { endpoint: shared, reset: async () => undefined, stop: async () => undefined };
  }
  return moto.startMoto();
}

/**
 * Subnet ids and the default security group of moto's default VPC: CreateService with awsvpc
 * needs real ones (and moto answers a 500 when securityGroups is left out).
 */
export async function defaultNetwork(
  endpoint: string,
  region = 'us-east-1',
): Promise<{ subnets: string[]; securityGroups: string[] }> {
  const ec2 = new EC2Client({ endpoint, region });
  try {
    const out = await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }));
    const subnets = (out.Subnets ?? []).map((s) => s.SubnetId!).filter(Boolean);
    const vpc = out.Subnets?.[0]?.VpcId;
    const sg = await ec2.send(
      new DescribeSecurityGroupsCommand({
        Filters: [{ Name: 'group-name', Values: ['default'] }, ...(vpc ? [{ Name: 'vpc-id', Values: [vpc] }] : [])],
      }),
    );
    return {
      subnets,
      securityGroups: (sg.SecurityGroups ?? [])
        .map((g) => g.GroupId!)
        .filter(Boolean)
        .slice(0, 1),
    };
  } finally {
    ec2.destroy();
  }
}

let counter = 0;
/** A name no other test (or test file sharing the server) uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
}
