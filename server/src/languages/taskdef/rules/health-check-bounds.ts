import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, num } from '../json';
import { containers } from '../ecs';

export const HEALTH_CHECK_BOUNDS: Record<string, { min: number; max: number; unit: string; default?: number }> = {
  interval: { min: 5, max: 300, unit: 'seconds', default: 30 },
  timeout: { min: 2, max: 120, unit: 'seconds', default: 5 },
  retries: { min: 1, max: 10, unit: 'retries', default: 3 },
  startPeriod: { min: 0, max: 300, unit: 'seconds', default: 0 },
};

/** TD208: healthCheck interval/timeout/retries/startPeriod within the bounds ECS accepts. */
export const rule = defineRule<TaskDefModel>({
  meta: {
    code: 'TD208',
    id: 'health-check-bounds',
    kinds: ['taskdef'],
    defaultSeverity: 'error',
    description: 'A healthCheck timing is outside the bounds ECS accepts.',
    messages: { outOfBounds: 'healthCheck.{{key}} must be between {{min}} and {{max}} {{unit}}, not {{value}}.' },
    fixable: false,
    docs: {
      severity: 'ECS refuses to register health check timings outside its bounds.',
      rationale:
        'ECS accepts `interval` 5–300 s (default 30), `timeout` 2–120 s ' +
        '(default 5), `retries` 1–10 (default 3) and `startPeriod` 0–300 s (default off); other ' +
        'values are rejected at registration.',
      incorrect: fargateExample({}, { healthCheck: { command: ['CMD', 'true'], interval: 1 } }),
      correct: fargateExample({}, { healthCheck: { command: ['CMD', 'true'], interval: 10 } }),
    },
  },
  check(ctx) {
    for (const c of containers(ctx.model.taskDef)) {
      const hc = get(c.node, 'healthCheck');
      for (const [key, b] of Object.entries(HEALTH_CHECK_BOUNDS)) {
        const n = get(hc, key);
        const v = num(n);
        if (v === undefined || (v >= b.min && v <= b.max)) continue;
        ctx.report({
          start: n!.offset,
          end: n!.offset + n!.length,
          messageId: 'outOfBounds',
          data: { key, min: b.min, max: b.max, unit: b.unit, value: v },
        });
      }
    }
  },
});
