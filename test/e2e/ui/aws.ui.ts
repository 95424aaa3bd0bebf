// The AWS commands from the command palette, against the moto_server the run started: deploy the
// task definition to a service, and tail its CloudWatch Logs while the test writes to them.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  type ECSClient,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import type { EC2Client } from '@aws-sdk/client-ec2';
import { clients, defaultNetwork, startGate, writeWorkspaceSettings } from './aws';
import {
  dialog,
  explorerItem,
  openFromExplorer,
  openWorkbench,
  pickRow,
  quickInput,
  runCommand,
  toast,
  type UiTest,
} from './workbench';

const FAMILY = 'hello-shipshape';
const LOG_GROUP = '/ecs/hello-shipshape';

/**
 * examples/ecs/task-definition.json with the mistakes ECS would reject corrected and the image tag a
 * placeholder. The example workflow still renders it for a container "app" it does not have: XF005, an
 * error about the workflow, which must not stop the deploy.
 */
function deployableTaskDefinition(workspace: string): string {
  const file = path.join(workspace, 'ecs', 'task-definition.json');
  const td = JSON.parse(fs.readFileSync(file, 'utf8'));
  td.memory = '512'; // 256 CPU units take 512, 1024 or 2048 MiB on Fargate (TD101)
  td.containerDefinitions[0].portMappings[0].containerPort = 3000; // a number (TD002)
  td.containerDefinitions[0].image = td.containerDefinitions[0].image.replace(/:[^:/]+$/, ':${IMAGE_TAG}');
  fs.writeFileSync(file, `${JSON.stringify(td, null, 2)}\n`);
  return file;
}

/** What is already in the account: clusters prod and staging, service prod/web running hello-shipshape:1. */
async function seedProdService(ecs: ECSClient, ec2: EC2Client, file: string): Promise<void> {
  const first = JSON.parse(fs.readFileSync(file, 'utf8'));
  first.containerDefinitions[0].image = first.containerDefinitions[0].image.replace('${IMAGE_TAG}', '1.0.0');
  await ecs.send(new CreateClusterCommand({ clusterName: 'prod' }));
  await ecs.send(new CreateClusterCommand({ clusterName: 'staging' }));
  const v1 = await ecs.send(new RegisterTaskDefinitionCommand(first));
  const net = await defaultNetwork(ec2);
  await ecs.send(
    new CreateServiceCommand({
      cluster: 'prod',
      serviceName: 'web',
      taskDefinition: v1.taskDefinition!.taskDefinitionArn,
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: {
        awsvpcConfiguration: { subnets: net.subnets, securityGroups: net.securityGroups, assignPublicIp: 'DISABLED' },
      },
    }),
  );
}

export const tests: UiTest[] = [
  {
    name:
      'Shipshape: Deploy Task Definition… picks cluster and service, ' +
      'confirms, shows the progress and the result, and the service runs the new revision',
    needs: 'aws',
    async run({ page, url, workspace, shot, aws }) {
      const moto = aws!;
      const { ecs, ec2, destroy } = clients(moto);
      const gate = await startGate(moto.endpoint);
      try {
        const file = deployableTaskDefinition(workspace);
        await seedProdService(ecs, ec2, file);
        const tag = `2.0.${Date.now() % 1000}`;
        // No region setting (and no AWS_REGION in code-server's environment): the deploy takes the
        // region the file names, its awslogs-region.
        writeWorkspaceSettings(workspace, {
          'shipshape.aws.endpoint': gate.endpoint,
          'shipshape.aws.variables': { IMAGE_TAG: tag },
          'shipshape.aws.pollIntervalSeconds': 1,
        });

        await openWorkbench(page, url);
        await explorerItem(page, 'ecs').click();
        await openFromExplorer(page, 'task-definition.json');
        // The CodeLens shows the extension is up on this file.
        await page.locator('.codelens-decoration', { hasText: 'Deploy' }).first().waitFor({ timeout: 30_000 });
        // XF005 (the workflow's container-name) is an error on this file, and does not block the deploy.
        await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 30_000 });
        await shot('task-definition');

        await runCommand(page, 'Shipshape: Deploy Task Definition…');
        await quickInput(page, 'ECS cluster (1/2)');
        await page
          .locator('.quick-input-widget:visible .quick-input-list .monaco-list-row', { hasText: 'staging' })
          .waitFor();
        await shot('pick-cluster');
        await pickRow(page, 'prod');
        await quickInput(page, 'ECS service in prod (2/2)');
        await shot('pick-service');
        gate.hold('UpdateService'); // AWS answering slowly: the progress stays on screen until released
        await pickRow(page, 'web');

        const confirm = dialog(page, `Deploy a new revision of ${FAMILY} to prod/web?`);
        await confirm.waitFor({ timeout: 30_000 });
        const detail = await confirm.innerText();
        for (const want of [
          'Account: 123456789012',
          `Region: ${moto.region} (from awslogs-region of container web in ecs/task-definition.json)`,
          'Cluster: prod',
          'Service: web',
          `Task definition: a new revision of ${FAMILY} from ecs/task-definition.json, registered when you ` +
            `confirm (now running ${FAMILY}:1)`,
          `Endpoint: ${gate.endpoint}`,
        ]) {
          assert.ok(detail.includes(want), `the confirmation lacks "${want}":\n${detail}`);
        }
        await shot('confirm');
        await confirm.locator('.dialog-buttons a.monaco-button', { hasText: /^Deploy$/ }).click();

        const progress = toast(page, `Deploying ${FAMILY}:2 to prod/web`);
        await progress.waitFor({ timeout: 30_000 });
        await gate.held();
        await progress.filter({ hasText: 'updating the service' }).waitFor();
        await page.waitForTimeout(500); // let the toast finish fading in
        await shot('progress');
        gate.release();

        const done = toast(page, new RegExp(`Deployment of ${FAMILY}:2 to prod/web completed: 2/2 tasks running`));
        await done.waitFor({ timeout: 60_000 });
        assert.ok(
          (await done.locator('a.monaco-button', { hasText: 'Open in Console' }).count()) > 0,
          'no "Open in Console" button',
        );
        await progress.waitFor({ state: 'detached', timeout: 15_000 }); // the progress ends with the deployment
        await page.waitForTimeout(500);
        await shot('deployed');

        // What ECS now says, asked directly.
        const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services?.[0];
        assert.match(svc?.taskDefinition ?? '', new RegExp(`:task-definition/${FAMILY}:2$`));
        const v2 = (await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: `${FAMILY}:2` })))
          .taskDefinition;
        assert.equal(
          v2?.containerDefinitions?.[0]?.image,
          `123456789012.dkr.ecr.eu-west-1.amazonaws.com/hello-shipshape:${tag}`,
        );
        assert.equal(v2?.memory, '512');
      } finally {
        await gate.close();
        destroy();
      }
    },
  },
  {
    name:
      'Shipshape: Deploy Task Definition… asks for a placeholder without a value, and registers nothing when ' +
      'the confirmation is cancelled',
    needs: 'aws',
    async run({ page, url, workspace, shot, aws }) {
      const moto = aws!;
      const { ecs, ec2, destroy } = clients(moto);
      try {
        const file = deployableTaskDefinition(workspace);
        await seedProdService(ecs, ec2, file);
        writeWorkspaceSettings(workspace, { 'shipshape.aws.endpoint': moto.endpoint }); // no value for IMAGE_TAG

        await openWorkbench(page, url);
        await explorerItem(page, 'ecs').click();
        await openFromExplorer(page, 'task-definition.json');
        await page.locator('.codelens-decoration', { hasText: 'Deploy' }).first().waitFor({ timeout: 30_000 });
        await runCommand(page, 'Shipshape: Deploy Task Definition…');
        const input = await quickInput(page, 'Placeholder ${IMAGE_TAG} (1/1)');
        await input.locator('input').fill('3.0.0');
        await shot('placeholder');
        await input.locator('input').press('Enter');
        await quickInput(page, 'ECS cluster (1/2)');
        await pickRow(page, 'prod');
        await quickInput(page, 'ECS service in prod (2/2)');
        await pickRow(page, 'web');
        const confirm = dialog(page, `Deploy a new revision of ${FAMILY} to prod/web?`);
        await confirm.waitFor({ timeout: 30_000 });
        await shot('confirm');
        await confirm.locator('.dialog-buttons a.monaco-button', { hasText: /^Cancel$/ }).click();
        await confirm.waitFor({ state: 'detached' });
        await page.waitForTimeout(1500); // time for a registration that must not happen

        const arns = (await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: FAMILY }))).taskDefinitionArns;
        assert.deepEqual(
          arns?.map((a) => a.split('/').pop()),
          [`${FAMILY}:1`],
          'cancelling left a new revision behind',
        );
        const svc = (await ecs.send(new DescribeServicesCommand({ cluster: 'prod', services: ['web'] }))).services?.[0];
        assert.match(svc?.taskDefinition ?? '', new RegExp(`:task-definition/${FAMILY}:1$`));
        await shot('cancelled');
      } finally {
        destroy();
      }
    },
  },
  {
    name:
      'Shipshape: Tail CloudWatch Logs… says the credentials are missing before it asks for a filter; the ' +
      'status bar names the profile and the region the file gives',
    needs: 'aws',
    async run({ page, url, workspace, shot, aws }) {
      const moto = aws!;
      writeWorkspaceSettings(workspace, {
        'shipshape.aws.endpoint': moto.endpoint,
        'shipshape.aws.profile': 'no-such-profile',
      });
      await openWorkbench(page, url);
      await explorerItem(page, 'ecs').click();
      await openFromExplorer(page, 'task-definition.json');
      const status = page.locator('.statusbar-item', { hasText: /no-such-profile · / }).first();
      await status.waitFor({ timeout: 30_000 });
      assert.equal((await status.innerText()).trim(), 'no-such-profile · eu-west-1 · endpoint');
      await shot('status-bar');

      await runCommand(page, 'Shipshape: Tail CloudWatch Logs…');
      await toast(page, /No AWS credentials were found for profile "no-such-profile"/).waitFor({ timeout: 30_000 });
      assert.equal(
        await page.locator('.quick-input-widget:visible .quick-input-title', { hasText: 'Tail /ecs/' }).count(),
        0,
        'the filter pattern was asked for first',
      );
      await page.waitForTimeout(500); // let the toast finish fading in
      await shot('no-credentials');
    },
  },
  {
    name:
      "Shipshape: Tail CloudWatch Logs… follows the task definition's log " +
      'group and shows the events put while it runs',
    needs: 'aws',
    async run({ page, url, workspace, shot, aws }) {
      const moto = aws!;
      const { logs, destroy } = clients(moto);
      try {
        const stream = 'web/web/0123456789abcdef0123456789abcdef'; // awslogs: prefix/container/task id
        await logs.send(new CreateLogGroupCommand({ logGroupName: LOG_GROUP }));
        await logs.send(new CreateLogStreamCommand({ logGroupName: LOG_GROUP, logStreamName: stream }));
        await logs.send(new CreateLogStreamCommand({ logGroupName: LOG_GROUP, logStreamName: 'other/web/x' }));
        const put = async (messages: string[], logStreamName = stream) => {
          const now = Date.now();
          await logs.send(
            new PutLogEventsCommand({
              logGroupName: LOG_GROUP,
              logStreamName,
              logEvents: messages.map((message, i) => ({ timestamp: now + i, message })),
            }),
          );
        };
        await put(['listening on :3000 before-tail']);
        writeWorkspaceSettings(workspace, {
          'shipshape.aws.endpoint': moto.endpoint,
          'shipshape.aws.region': moto.region,
          'shipshape.aws.logs.intervalSeconds': 1,
          'terminal.integrated.gpuAcceleration': 'off', // the DOM renderer, whose text the test reads
        });

        await openWorkbench(page, url);
        await explorerItem(page, 'ecs').click();
        await openFromExplorer(page, 'task-definition.json');
        await runCommand(page, 'Shipshape: Tail CloudWatch Logs…');
        const input = await quickInput(page, `Tail ${LOG_GROUP}`);
        await shot('filter-pattern');
        await input.locator('input').press('Enter'); // no filter: every event

        const terminal = page.locator('.terminal-wrapper.active .xterm-rows, .terminal-wrapper .xterm-rows').first();
        const sees = (text: string | RegExp, timeout = 30_000) =>
          terminal.filter({ hasText: text }).waitFor({ timeout });
        await page
          .locator('.terminal-tab, .single-terminal-tab, .tabs-list .monaco-list-row', {
            hasText: `Logs: ${LOG_GROUP}`,
          })
          .first()
          .waitFor({ timeout: 30_000 });
        await sees(`Tailing ${LOG_GROUP} (web/web/) in ${moto.region}`);
        await sees('before-tail'); // from the last 10 minutes
        await shot('tailing');

        // Events put while it follows appear; another stream prefix does not (moto ignores the prefix; we filter).
        await put(['GET /health 200 in 3ms e2e-one', 'ERROR database connection refused e2e-two']);
        await put(['not ours e2e-other'], 'other/web/x');
        await sees('e2e-one');
        await sees('e2e-two');
        await put(['WARN slow request e2e-three']);
        await sees('e2e-three');
        const text = (await terminal.innerText()).replace(/\u00a0/g, ' ');
        assert.ok(!text.includes('e2e-other'), 'an event of another stream prefix was shown');
        assert.match(text, /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z web\/01234567 GET \/health 200 in 3ms e2e-one/);
        assert.equal(text.split('e2e-one').length, 2, 'an event was shown twice');
        await page
          .locator('#status\\.shipshape\\.aws\\.tails, .statusbar-item', { hasText: `Tailing ${LOG_GROUP}` })
          .first()
          .waitFor();
        await shot('events');

        await runCommand(page, 'Shipshape: Stop Log Tail');
        await sees('Stopped. 4 event(s) shown.');
        await put(['after the stop e2e-late']);
        await page.waitForTimeout(2500); // more than two poll intervals
        assert.ok(!(await terminal.innerText()).includes('e2e-late'), 'an event arrived after the stop');
        await shot('stopped');
      } finally {
        destroy();
      }
    },
  },
];
