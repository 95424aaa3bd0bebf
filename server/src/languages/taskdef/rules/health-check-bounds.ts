import type { TaskDefModel } from '../parse';
import { defineRule } from '../../../engine/define';
import { fargateExample } from '../examples';
import { get, num } from '../json';
import { containers } from '../ecs';
import { cite, fact } from '../limits';

const FACTS: Record<string, string> = {
  interval: 'health-check-interval',
  timeout: 'health-check-timeout',
  retries: 'health-check-retries',
  startPeriod: 'health-check-start-period',
};
/** The bounds of each healthCheck timing, from data/limits.json. */
export const HEALTH_CHECK_BOUNDS: Record<string, { min: number; max: number; unit: string; default?: number }> =
  Object.fromEntries(
    Object.entries(FACTS).map(([key, id]) => {
      const f = fact(id);
      return [key, { min: f.min!, max: f.max!, unit: f.unit!, default: f.default }];
    }),
  );
const b = HEALTH_CHECK_BOUNDS;

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
        `ECS accepts \`interval\` ${b.interval.min}–${b.interval.max} s (default ${b.interval.default}), ` +
        `\`timeout\` ${b.timeout.min}–${b.timeout.max} s (default ${b.timeout.default}), ` +
        `\`retries\` ${b.retries.min}–${b.retries.max} (default ${b.retries.default}) and ` +
        `\`startPeriod\` ${b.startPeriod.min}–${b.startPeriod.max} s (default off); other values are rejected at ` +
        `registration. ${cite('health-check-interval')}`,
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
