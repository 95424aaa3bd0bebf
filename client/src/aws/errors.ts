// Turn AWS SDK errors into messages that say what happened and what to do. The SDK's own
// messages never carry secrets, but stacks and request ids are noise for users: only the
// short original message is kept as `detail`, for the output channel.

export type AwsErrorKind =
  | 'no-credentials'
  | 'sso-expired'
  | 'expired-credentials'
  | 'invalid-credentials'
  | 'access-denied'
  | 'region-missing'
  | 'cluster-not-found'
  | 'service-not-found'
  | 'service-not-active'
  | 'task-definition-not-found'
  | 'invalid-task-definition'
  | 'invalid-parameter'
  | 'codedeploy-service'
  | 'log-group-not-found'
  | 'throttled'
  | 'endpoint-unreachable'
  | 'cancelled'
  | 'unknown';

export interface ClassifiedAwsError {
  kind: AwsErrorKind;
  /** One or two sentences for a notification: what went wrong and what to do. */
  message: string;
  /** The SDK's own short message (no stack), for the log. */
  detail: string;
  /** Whether trying again later may help without changing anything. */
  retryable: boolean;
}

export interface AwsErrorContext {
  /** What we were doing: decides how a generic ClientException reads. */
  operation?: 'register' | 'update-service' | 'describe-services' | 'list' | 'identity' | 'tail';
  profile?: string;
  region?: string;
  cluster?: string;
  service?: string;
  taskDefinition?: string;
  logGroup?: string;
}

interface SdkLikeError {
  name?: string;
  code?: string;
  message?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}

function profileHint(ctx: AwsErrorContext): string {
  return ctx.profile ? `profile "${ctx.profile}"` : 'the default profile';
}

export function classifyAwsError(err: unknown, ctx: AwsErrorContext = {}): ClassifiedAwsError {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as SdkLikeError;
  const name = e.name ?? e.Code ?? '';
  const code = e.code ?? '';
  const detail = (e.message ?? String(err)).split('\n')[0]!.slice(0, 500);
  const make = (kind: AwsErrorKind, message: string, retryable = false): ClassifiedAwsError => ({
    kind,
    message,
    detail,
    retryable,
  });
  const where = ctx.region ? `region ${ctx.region}` : '';

  if (name === 'AbortError' || code === 'ABORT_ERR') return make('cancelled', 'Cancelled.');
  if (name === 'RegionMissingError' || /region is missing|Region is missing/i.test(detail)) {
    return make(
      'region-missing',
      'No AWS region is set. Run "Shipshape: Select AWS Region…" or set "shipshape.aws.region" (or AWS_REGION).',
    );
  }
  if (/sso/i.test(detail) && /(expired|invalid|not found|refresh)/i.test(detail)) {
    return make(
      'sso-expired',
      `The SSO session for ${profileHint(ctx)} has expired. Run "aws sso ` +
        `login${ctx.profile ? ` --profile ${ctx.profile}` : ''}" in a terminal, then try again.`,
    );
  }
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(detail)) {
    return make(
      'no-credentials',
      `No AWS credentials were found for ${profileHint(ctx)}. Configure a ` +
        `profile with "aws configure" or "aws configure sso", or select another one with ` +
        `"Shipshape: Select AWS Profile…".`,
    );
  }
  if (
    /^(ExpiredToken|ExpiredTokenException|RequestExpired|TokenRefreshRequired)$/.test(name) ||
    /security token included in the request is expired/i.test(detail)
  ) {
    return make(
      'expired-credentials',
      `The AWS credentials for ${profileHint(ctx)} have expired. Refresh ` +
        `them (for SSO: "aws sso login"), then try again.`,
    );
  }
  if (
    /^(UnrecognizedClientException|InvalidClientTokenId|InvalidSignatureException|SignatureDoesNotMatch|IncompleteSignature)$/.test(
      name,
    )
  ) {
    return make(
      'invalid-credentials',
      `AWS rejected the credentials of ${profileHint(ctx)} (${name}). Check ` +
        `the profile's keys or role, or select another profile.`,
    );
  }
  if (
    /^(AccessDenied|AccessDeniedException|UnauthorizedOperation)$/.test(name) ||
    /not authorized to perform/i.test(detail)
  ) {
    const action = /perform: ([\w:*-]+)/.exec(detail)?.[1];
    return make(
      'access-denied',
      `Access denied${action ? ` for ${action}` : ''}. The identity of ` +
        `${profileHint(ctx)} lacks the IAM permission; ask for it or select a profile that has it.`,
    );
  }
  if (name === 'ClusterNotFoundException') {
    return make(
      'cluster-not-found',
      `Cluster "${ctx.cluster ?? '?'}" was not ` +
        `found${where ? ` in ${where}` : ''}. Check the region and the cluster name.`,
    );
  }
  if (name === 'ServiceNotFoundException') {
    return make(
      'service-not-found',
      `Service "${ctx.service ?? '?'}" was not found in cluster ` +
        `"${ctx.cluster ?? '?'}"${where ? ` (${where})` : ''}. Pick another service or check the ` +
        `region.`,
    );
  }
  if (name === 'ServiceNotActiveException') {
    return make(
      'service-not-active',
      `Service "${ctx.service ?? '?'}" is not active (it was deleted or is ` +
        `draining). Create it again or pick another one.`,
    );
  }
  if (name === 'ThrottlingException' || name === 'TooManyRequestsException' || e.$retryable?.throttling) {
    return make('throttled', 'AWS is throttling requests. Waiting longer between calls; try again in a moment.', true);
  }
  if (name === 'ResourceNotFoundException' && (ctx.operation === 'tail' || ctx.logGroup)) {
    return make(
      'log-group-not-found',
      `Log group "${ctx.logGroup ?? '?'}" was not ` +
        `found${where ? ` in ${where}` : ''}. Check the task definition's awslogs-group and ` +
        `awslogs-region.`,
    );
  }
  if (
    (name === 'ClientException' || name === 'InvalidParameterException') &&
    /task ?definition/i.test(detail) &&
    /(not found|does not exist|unable to describe)/i.test(detail)
  ) {
    return make(
      'task-definition-not-found',
      `Task definition "${ctx.taskDefinition ?? '?'}" was not found. ` +
        `Register it first or check the family and revision.`,
    );
  }
  if (
    (name === 'ClientException' ||
      name === 'InvalidParameterException' ||
      name === 'ValidationException' ||
      name === 'SerializationException') &&
    ctx.operation === 'register'
  ) {
    return make(
      'invalid-task-definition',
      `ECS rejected the task definition: ${detail} Fix the file and deploy again.`,
    );
  }
  if (/CODE_DEPLOY/.test(detail)) {
    return make(
      'codedeploy-service',
      `Service "${ctx.service ?? '?'}" uses blue/green deployments through ` +
        `CodeDeploy, which UpdateService cannot start. Start a CodeDeploy deployment with an ` +
        `appspec instead (snippet "appspec-ecs").`,
    );
  }
  if (name === 'InvalidParameterException' || name === 'ClientException' || name === 'ValidationException') {
    return make('invalid-parameter', `ECS rejected the request: ${detail}`);
  }
  if (
    /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|ETIMEDOUT|EHOSTUNREACH)$/.test(code) ||
    name === 'TimeoutError' ||
    /ECONNREFUSED|ENOTFOUND|getaddrinfo/.test(detail)
  ) {
    return make(
      'endpoint-unreachable',
      `Cannot reach the AWS endpoint (${code || name}). Check the network, a ` +
        `proxy, or the "shipshape.aws.endpoint" setting.`,
      true,
    );
  }
  const status = e.$metadata?.httpStatusCode;
  return make(
    'unknown',
    `AWS request failed${name ? ` (${name})` : ''}: ${detail}`,
    status !== undefined && status >= 500,
  );
}
