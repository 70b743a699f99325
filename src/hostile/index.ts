export { startHostile, type HostileServer, type StartHostileOptions } from './hostile-server.js';
export { HOSTILE_MODES, isHostileMode, type HostileMode } from './modes.js';
export type { HostileOptions } from './respond.js';
