/** Where a rule's documentation page lives when it is not shipped next to the server. */
export const REPOSITORY_URL = 'https://github.com/shipshape-dev/shipshape';
export function ruleDocUrl(code: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules/${code}.md`;
}
