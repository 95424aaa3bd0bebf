export function complete(): never[] { return []; }
