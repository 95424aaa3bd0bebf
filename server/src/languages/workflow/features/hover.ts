export function hover(): undefined { return undefined; }
