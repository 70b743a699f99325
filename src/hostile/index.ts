export { startHostile, type HostileServer, type StartHostileOptions } from './hostile-server.js';
export { HOSTILE_MODES, EXPECTED_FAILURE, isHostileMode, type HostileMode } from './modes.js';
export type { HostileOptions } from './respond.js';
