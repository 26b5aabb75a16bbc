// Payment arrangements: the pure proposal engine, the cent rule, debt inclusion, the wanbetalersregeling
// stages and the zorgpremie schemes.
export * from './types';
export * from './allocate';
export * from './capacity';
export * from './engine';
export * from './inclusion';
export * from './dossier';
export * from './zorg';
export * from './scheme';
export * from './scheme-engine';
export * from './scheme-conditions';
export * from './json';
