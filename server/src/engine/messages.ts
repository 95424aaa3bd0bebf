import type { RuleMeta } from './types';

/** Fills `{{name}}` placeholders of a rule's message with the report's data. */
export function formatMessage(meta: RuleMeta, messageId: string, data?: Record<string, string | number>): string {
  const template = meta.messages[messageId];
  if (template === undefined) return `${meta.description} (unknown message id ${messageId})`;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    data && data[name] !== undefined ? String(data[name]) : whole,
  );
}
