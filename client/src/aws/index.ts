// The AWS logic (no `vscode` import): loaded lazily by the commands, tested against moto_server.
export * from './session';
export * from './errors';
export * from './taskdef';
export * from './ecs';
export * from './rollout';
export * from './logs';
export * from './present';
export * from './config';
