// An AWS session: one credential provider and one client per service, built from the
// user's profile, region and endpoint settings. Credentials come only from the SDK's
// default Node chain (environment, shared config and SSO profiles, container/instance
// roles); nothing here reads, stores or prints keys.
import { ECSClient } from '@aws-sdk/client-ecs';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';

export interface AwsSessionOptions {
  /** Named profile from ~/.aws/config; empty means the default chain's choice (AWS_PROFILE or "default"). */
  profile?: string;
  /** Region; empty means the SDK resolves it (AWS_REGION, then the profile's region). */
  region?: string;
  /** Endpoint for every service (LocalStack, moto_server); empty means the real AWS endpoints. */
  endpoint?: string;
  /** SDK retry attempts per call (default 3). */
  maxAttempts?: number;
}

export interface CallerIdentity {
  account: string;
  arn: string;
}

export interface AwsSession {
  readonly profile: string | undefined;
  readonly endpoint: string | undefined;
  readonly ecs: ECSClient;
  readonly logs: CloudWatchLogsClient;
  readonly sts: STSClient;
  /** The resolved region (from the option, the environment or the profile). */
  region(): Promise<string>;
  /** STS GetCallerIdentity, cached for the session's life. */
  identity(): Promise<CallerIdentity>;
  destroy(): void;
}

function clean(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

export function createAwsSession(options: AwsSessionOptions = {}): AwsSession {
  const profile = clean(options.profile);
  const region = clean(options.region);
  const endpoint = clean(options.endpoint);
  const credentials = fromNodeProviderChain({
    ...(profile ? { profile } : {}),
    ...(region ? { clientConfig: { region } } : {}),
  });
  const config = {
    credentials,
    ...(region ? { region } : {}),
    ...(profile ? { profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: options.maxAttempts ?? 3,
  };
  const ecs = new ECSClient(config);
  const logs = new CloudWatchLogsClient(config);
  const sts = new STSClient(config);
  let identity: Promise<CallerIdentity> | undefined;
  return {
    profile,
    endpoint,
    ecs,
    logs,
    sts,
    async region() {
      if (region) return region;
      try {
        const r = await ecs.config.region();
        if (r) return r;
      } catch {
        // fall through to the error below
      }
      throw new RegionMissingError();
    },
    identity() {
      identity ??= sts.send(new GetCallerIdentityCommand({})).then(
        (out) => ({ account: out.Account ?? 'unknown', arn: out.Arn ?? 'unknown' }),
        (err) => {
          identity = undefined; // let a later call retry (e.g. after `aws sso login`)
          throw err;
        },
      );
      return identity;
    },
    destroy() {
      ecs.destroy();
      logs.destroy();
      sts.destroy();
    },
  };
}

export class RegionMissingError extends Error {
  override name = 'RegionMissingError';
  constructor() {
    super('No AWS region is configured.');
  }
}

export interface RegionChoice {
  region: string;
  /** Where it came from, in words: `setting "shipshape.aws.region"`, `awslogs-region in ecs/td.json`. */
  source: string;
}

/**
 * The region of an AWS command, and where it came from. `preferred` (a log group's own region, for a
 * tail) wins over the setting; the setting wins over `fallback` (the region a task definition names, for
 * a deploy); undefined leaves it to the SDK's chain (AWS_REGION, then the profile), see regionChainSource.
 */
export function chooseRegion(options: {
  setting?: string;
  preferred?: RegionChoice;
  fallback?: RegionChoice;
}): RegionChoice | undefined {
  if (options.preferred?.region) return options.preferred;
  const setting = clean(options.setting);
  if (setting) return { region: setting, source: 'setting "shipshape.aws.region"' };
  if (options.fallback?.region) return options.fallback;
  return undefined;
}

/** Where the SDK's chain found a region (after chooseRegion gave none). */
export function regionChainSource(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (clean(env.AWS_REGION)) return 'AWS_REGION';
  return `profile "${clean(profile) ?? clean(env.AWS_PROFILE) ?? 'default'}" in ~/.aws/config`;
}

/**
 * Profile names from the text of ~/.aws/config and ~/.aws/credentials
 * (`[profile name]`, `[default]` in config; `[name]` in credentials). Values are never read.
 */
export function listProfiles(configText: string, credentialsText: string): string[] {
  const names = new Set<string>();
  const header = /^\s*\[([^\]]+)\]\s*(?:[#;].*)?$/;
  for (const line of configText.split(/\r?\n/)) {
    const m = header.exec(line);
    if (!m) continue;
    const section = m[1]!.trim();
    if (section === 'default') names.add('default');
    else if (section.startsWith('profile ')) names.add(section.slice('profile '.length).trim());
  }
  for (const line of credentialsText.split(/\r?\n/)) {
    const m = header.exec(line);
    if (m) names.add(m[1]!.trim());
  }
  return [...names]
    .filter((n) => n.length > 0)
    .sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

/** Commercial regions people commonly pick from (the picker also accepts any typed value). */
export const COMMON_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'me-central-1',
  'af-south-1',
];
