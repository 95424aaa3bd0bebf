import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, insertProp, items, replaceNode, str } from '../json';
import { parsesCleanly } from '../rule-kit';

const EFS = { fileSystemId: 'fs-0123456789abcdef0', rootDirectory: '/' };

/** TD404: an EFS volume mounted without TLS. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD404',
    id: 'efs-transit-encryption',
    kinds: ['taskdef'],
    defaultSeverity: 'warning',
    security: { severity: 5.9 },
    description: 'An EFS volume is mounted without encryption in transit.',
    messages: {
      missing: 'EFS volume "{{name}}" is mounted without TLS: its NFS traffic crosses the VPC in clear text.',
      disabled:
        'EFS volume "{{name}}" sets "transitEncryption": "DISABLED": its NFS traffic crosses the VPC in clear text.',
    },
    fixable: 'suggestion',
    docs: {
      rationale:
        'Without `transitEncryption: ENABLED` the task mounts EFS over plain NFS: file contents and metadata ' +
        'travel unencrypted and unauthenticated between the task and the mount target. With it, the EFS mount ' +
        'helper wraps NFS in TLS (required anyway for IAM authorization and access points). The suggestion adds ' +
        '`"transitEncryption": "ENABLED"`; the mount target must allow port 2049 as before.',
      attack:
        'Anyone who can observe or redirect traffic in the VPC (a compromised instance in the same subnet, a ' +
        'misrouted peering) reads or alters the files the task writes to EFS.',
      incorrect: fargateExample({ volumes: [{ name: 'data', efsVolumeConfiguration: EFS }] }),
      correct: fargateExample({
        volumes: [{ name: 'data', efsVolumeConfiguration: { ...EFS, transitEncryption: 'ENABLED' } }],
      }),
      peers: [
        'checkov CKV_AWS_97 (Terraform/CloudFormation)',
        'trivy AVD-AWS-0035',
        'KICS "ECS Task Definition Volume Not Encrypted"',
      ],
    },
  },
  check(ctx) {
    if (!parsesCleanly(ctx)) return;
    for (const v of items(get(ctx.model.taskDef, 'volumes'))) {
      const efs = get(v, 'efsVolumeConfiguration');
      if (efs?.type !== 'object') continue;
      const name = str(get(v, 'name')) ?? '?';
      const te = get(efs, 'transitEncryption');
      const value = str(te);
      if (value === 'ENABLED' || (value !== undefined && value !== 'DISABLED')) continue;
      const at = te ?? get(v, 'name') ?? efs;
      ctx.report({
        start: at.offset,
        end: at.offset + at.length,
        messageId: te ? 'disabled' : 'missing',
        data: { name },
        fix: {
          title: 'Enable transit encryption',
          safe: false,
          edits: [te ? replaceNode(te, '"ENABLED"') : insertProp(ctx.text, efs, 'transitEncryption', '"ENABLED"')],
        },
      });
    }
  },
});
