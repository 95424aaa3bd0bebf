// Shipshape: Deploy Task Definition… and Shipshape: Force New Deployment…
import * as vscode from 'vscode';
import type * as Aws from '../aws';
import { type AwsCommandContext, type AwsModule, FileMemory, readSettings } from './context';
import { PlaceholderValues } from './placeholders';

interface Target {
  cluster: string;
  service: string;
}

export class DeployCommands {
  private readonly targets: FileMemory<Target>;
  private readonly values: PlaceholderValues;

  constructor(private readonly ctx: AwsCommandContext) {
    this.targets = new FileMemory(ctx.extension.workspaceState, 'shipshape.aws.deployTargets');
    this.values = new PlaceholderValues(ctx.extension.secrets, ctx.extension.workspaceState);
    void this.values.forgetLegacy();
  }

  /** The task definition document: the argument (CodeLens, menus), the active editor, or a pick. */
  private async taskDefinitionDocument(aws: AwsModule, arg?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
    const active = vscode.window.activeTextEditor?.document;
    if (active && aws.looksLikeTaskDefinition(active.getText())) return active;
    const files = await vscode.workspace.findFiles('**/*.json', '{**/node_modules/**,**/.git/**}', 500);
    const candidates: vscode.Uri[] = [];
    for (const uri of files) {
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      if (aws.looksLikeTaskDefinition(text)) candidates.push(uri);
    }
    if (candidates.length === 0) {
      void vscode.window.showInformationMessage(
        'Open an ECS task definition (a JSON file with "containerDefinitions") to deploy it.',
      );
      return undefined;
    }
    const pick = await vscode.window.showQuickPick(
      candidates.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })),
      { title: 'Deploy which task definition?', placeHolder: 'Task definition files in this workspace' },
    );
    return pick ? vscode.workspace.openTextDocument(pick.uri) : undefined;
  }

  private async pickTarget(
    aws: AwsModule,
    session: Aws.AwsSession,
    remembered: Target | undefined,
  ): Promise<Target | undefined> {
    const clusters = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Listing ECS clusters…' },
      () => aws.listClusters(session.ecs),
    );
    if (clusters.length === 0) {
      void vscode.window.showWarningMessage(
        `There is no ECS cluster in ${await session.region()}. Check the region ("Shipshape: Select AWS Region…").`,
      );
      return undefined;
    }
    const clusterItems = aws.rememberedFirst(
      clusters.map((arn) => ({
        label: aws.nameFromArn(arn),
        description: arn === remembered?.cluster ? 'last used for this file' : undefined,
        detail: arn,
        arn,
      })),
      (i) => i.arn,
      remembered?.cluster,
    );
    const cluster = await vscode.window.showQuickPick(clusterItems, {
      title: 'ECS cluster (1/2)',
      placeHolder: `Clusters in ${await session.region()}`,
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    if (!cluster) return undefined;
    const services = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Listing ECS services…' },
      () => aws.listServices(session.ecs, cluster.arn),
    );
    if (services.length === 0) {
      void vscode.window.showWarningMessage(
        `Cluster ${cluster.label} has no service. Create one first (console, ` +
          `CloudFormation, Terraform or "aws ecs create-service").`,
      );
      return undefined;
    }
    const serviceItems = aws.rememberedFirst(
      services.map((arn) => ({
        label: aws.nameFromArn(arn),
        description: arn === remembered?.service ? 'last used for this file' : undefined,
        detail: arn,
        arn,
      })),
      (i) => i.arn,
      remembered?.service,
    );
    const service = await vscode.window.showQuickPick(serviceItems, {
      title: `ECS service in ${cluster.label} (2/2)`,
      placeHolder: 'Service to update',
      matchOnDetail: true,
      ignoreFocusOut: true,
    });
    if (!service) return undefined;
    return { cluster: cluster.arn, service: service.arn };
  }

  /** Ask for each unresolved `${VAR}`, pre-filled with the value used last time for this file. */
  private async askValues(
    uri: vscode.Uri,
    names: string[],
    known: Record<string, string>,
  ): Promise<Record<string, string> | undefined> {
    const remembered = await this.values.get(uri.toString());
    const values: Record<string, string> = {};
    for (const [i, name] of names.entries()) {
      const value = await vscode.window.showInputBox({
        title: `Placeholder \${${name}} (${i + 1}/${names.length})`,
        prompt: `Value for \${${name}} in the task definition (set "shipshape.aws.variables" to skip this question)`,
        value: remembered[name] ?? '',
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() === '' ? 'A value is needed (Escape cancels the deployment).' : undefined),
      });
      if (value === undefined) return undefined;
      values[name] = value;
    }
    await this.values.set(uri.toString(), { ...remembered, ...values });
    return { ...known, ...values };
  }

  async deployTaskDefinition(arg?: vscode.Uri): Promise<void> {
    if (!this.ctx.requireTrust()) return;
    const log = this.ctx.log;
    let errCtx: Aws.AwsErrorContext = { operation: 'list' };
    let session: Aws.AwsSession | undefined;
    try {
      const aws = await this.ctx.load();
      const doc = await this.taskDefinitionDocument(aws, arg);
      if (!doc) return;
      const name = vscode.workspace.asRelativePath(doc.uri);
      if (!(await this.refuseUnregistrable(aws, doc, name))) return;
      const settingsVars = readSettings(doc.uri).variables;
      let prepared = aws.prepareTaskDefinition(doc.getText(), settingsVars);
      if (prepared.errors.length > 0) {
        log.warn(`Not deploying ${name}: ${prepared.errors.join('; ')}`);
        void vscode.window.showErrorMessage(`${name} cannot be deployed: ${prepared.errors[0]}`);
        return;
      }
      if (prepared.unresolved.length > 0) {
        const vars = await this.askValues(doc.uri, prepared.unresolved, settingsVars);
        if (!vars) return;
        prepared = aws.prepareTaskDefinition(doc.getText(), vars);
      }
      if (doc.isDirty) log.info(`${name}: deploying the editor's text, unsaved changes included.`);
      if (prepared.stripped.length > 0) log.info(`${name}: left out read-only fields ${prepared.stripped.join(', ')}.`);
      if (prepared.substituted.length > 0)
        log.info(`${name}: filled in ${prepared.substituted.map((n) => `\${${n}}`).join(', ')}.`);

      // Without a region setting, the region the file names (awslogs-region, an ECR host) comes before
      // the SDK's default chain: the service most likely lives where its logs and images do.
      const hint = aws.taskDefinitionRegion(prepared.input);
      const opened = await this.ctx.session({
        fallback: hint && { region: hint.region, source: `${hint.source} in ${name}` },
      });
      session = opened.session;
      const { region, regionSource, settings } = opened;
      log.info(`${name}: region ${region} (from ${regionSource}).`);
      errCtx = { operation: 'identity', region };
      const identity = session.identity(); // runs while the user picks
      identity.catch(() => undefined);
      errCtx = { operation: 'list', region };
      const target = await this.pickTarget(aws, session, this.targets.get(doc.uri));
      if (!target) return;
      await this.targets.set(doc.uri, target);
      errCtx = {
        operation: 'identity',
        region,
        cluster: aws.nameFromArn(target.cluster),
        service: aws.nameFromArn(target.service),
      };
      const who = await identity;
      const current = await aws.describeService(session.ecs, target.cluster, target.service).then(
        (s) => s.taskDefinition,
        () => undefined,
      );

      // Nothing is registered before the user confirms: a cancelled deploy leaves no new revision behind.
      const t: Aws.DeployTarget = {
        account: who.account,
        identityArn: who.arn,
        region,
        regionSource,
        profile: settings.profile,
        cluster: target.cluster,
        service: target.service,
        taskDefinition: undefined,
        newRevision: { family: prepared.family!, file: name },
        current,
        endpoint: settings.endpoint,
      };
      const ok = await vscode.window.showWarningMessage(
        aws.confirmationTitle(t),
        { modal: true, detail: aws.confirmationDetail(t) },
        'Deploy',
      );
      if (ok !== 'Deploy') {
        log.info(`Did not deploy ${name} (not confirmed); nothing was registered.`);
        return;
      }

      errCtx = { ...errCtx, operation: 'register', taskDefinition: prepared.family };
      const registered = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Registering task definition ${prepared.family}…` },
        () => aws.registerTaskDefinition(session!.ecs, prepared.input!),
      );
      const label = `${registered.family}:${registered.revision}`;
      log.info(`Registered ${label} (${registered.arn}) from ${name}.`);
      await this.runDeployment(aws, session, region, target, registered.arn, label, errCtx);
    } catch (err) {
      await this.ctx.reportError(err, errCtx, 'Deploy');
    } finally {
      session?.destroy();
    }
  }

  /**
   * False (after saying why) when the file has findings AWS would reject at registration. Other errors,
   * such as a workflow naming a container that is not here (XF005), are logged and do not block.
   */
  private async refuseUnregistrable(aws: AwsModule, doc: vscode.TextDocument, name: string): Promise<boolean> {
    const log = this.ctx.log;
    const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : (d.code ?? ''));
    const where = (d: vscode.Diagnostic) => `${name}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    const errors = vscode.languages
      .getDiagnostics(doc.uri)
      .filter((d) => d.source === 'shipshape' && d.severity === vscode.DiagnosticSeverity.Error);
    const blocking = errors.filter((d) => aws.blocksRegistration(codeOf(d)));
    for (const d of errors.filter((d) => !blocking.includes(d)))
      log.info(`${where(d)} ${codeOf(d)} ${d.message} (does not stop the registration)`);
    if (blocking.length === 0) return true;
    log.warn(`Not deploying ${name}: ${blocking.length} finding(s) ECS would reject at registration.`);
    for (const d of blocking) log.warn(`  ${where(d)} ${codeOf(d)} ${d.message}`);
    const n = blocking.length;
    const choice = await vscode.window.showErrorMessage(
      `${name} has ${n} error${n === 1 ? '' : 's'} that ECS would reject; fix ${n === 1 ? 'it' : 'them'} before ` +
        `deploying. First: line ${blocking[0]!.range.start.line + 1}: ${blocking[0]!.message}`,
      'Show Problems',
    );
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    return false;
  }

  async forceNewDeployment(): Promise<void> {
    if (!this.ctx.requireTrust()) return;
    let errCtx: Aws.AwsErrorContext = { operation: 'list' };
    let session: Aws.AwsSession | undefined;
    try {
      const aws = await this.ctx.load();
      const opened = await this.ctx.session();
      session = opened.session;
      const { region, settings } = opened;
      const identity = session.identity();
      identity.catch(() => undefined);
      errCtx = { operation: 'list', region };
      const target = await this.pickTarget(aws, session, this.targets.get(undefined));
      if (!target) return;
      await this.targets.set(undefined, target);
      errCtx = {
        operation: 'describe-services',
        region,
        cluster: aws.nameFromArn(target.cluster),
        service: aws.nameFromArn(target.service),
      };
      const who = await identity;
      const current = (await aws.describeService(session.ecs, target.cluster, target.service)).taskDefinition;
      const t: Aws.DeployTarget = {
        account: who.account,
        identityArn: who.arn,
        region,
        profile: settings.profile,
        cluster: target.cluster,
        service: target.service,
        taskDefinition: undefined,
        current,
        endpoint: settings.endpoint,
      };
      const ok = await vscode.window.showWarningMessage(
        aws.confirmationTitle(t),
        { modal: true, detail: aws.confirmationDetail(t) },
        'Force New Deployment',
      );
      if (!ok) return;
      await this.runDeployment(aws, session, region, target, undefined, aws.taskDefinitionLabel(current), errCtx);
    } catch (err) {
      await this.ctx.reportError(err, errCtx, 'Force new deployment');
    } finally {
      session?.destroy();
    }
  }

  /** UpdateService, then follow the rollout in a cancellable notification. */
  private async runDeployment(
    aws: AwsModule,
    session: Aws.AwsSession,
    region: string,
    target: Target,
    taskDefinitionArn: string | undefined,
    label: string,
    errCtx: Aws.AwsErrorContext,
  ): Promise<void> {
    const log = this.ctx.log;
    const settings = readSettings();
    const clusterName = aws.nameFromArn(target.cluster);
    const serviceName = aws.nameFromArn(target.service);
    const what = `Deployment of ${label} to ${clusterName}/${serviceName}`;
    const consoleUrl = aws.serviceConsoleUrl(region, clusterName, serviceName);
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: `Deploying ${label} to ${clusterName}/${serviceName}`,
        cancellable: true,
      },
      async (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        errCtx.operation = 'update-service';
        progress.report({ message: 'updating the service…' });
        const started = await aws.deployService(session.ecs, {
          cluster: target.cluster,
          service: target.service,
          taskDefinition: taskDefinitionArn,
          forceNewDeployment: true,
          signal: abort.signal,
        });
        log.info(
          `UpdateService ${clusterName}/${serviceName}: ` +
            `${taskDefinitionArn ? `task definition ${label}, ` : ''}forceNewDeployment; deployment ` +
            `${started.deploymentId ?? '?'}.`,
        );
        errCtx.operation = 'describe-services';
        return aws.watchRollout(session.ecs, {
          cluster: target.cluster,
          service: target.service,
          deploymentId: started.deploymentId,
          knownEventIds: started.knownEventIds,
          signal: abort.signal,
          intervalMs: Math.max(1, settings.pollIntervalSeconds) * 1000,
          timeoutMs: Math.max(1, settings.rolloutTimeoutMinutes) * 60_000,
          onProgress: (p) => {
            for (const e of p.newEvents) log.info(`  event ${e.at?.toISOString() ?? ''} ${e.message}`);
            log.debug(
              `  rollout ${p.state}: ${p.running}/${p.desired} running, ${p.pending} pending, ${p.failedTasks} failed`,
            );
            progress.report({ message: aws.progressMessage(p) });
          },
        });
      },
    );
    const outcome = aws.outcomeMessage(result, what);
    (outcome.severity === 'error' ? log.error : outcome.severity === 'warning' ? log.warn : log.info).call(
      log,
      `${outcome.text} ${consoleUrl}`,
    );
    if (result.outcome === 'FAILED') {
      for (const e of result.events.slice(-10)) log.error(`  ${e.at?.toISOString() ?? ''} ${e.message}`);
      log.show(true);
    }
    const show =
      outcome.severity === 'error'
        ? vscode.window.showErrorMessage
        : outcome.severity === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    const choice = await show(outcome.text, 'Open in Console', 'Show Log');
    if (choice === 'Open in Console') void vscode.env.openExternal(vscode.Uri.parse(consoleUrl));
    else if (choice === 'Show Log') log.show(true);
  }
}
