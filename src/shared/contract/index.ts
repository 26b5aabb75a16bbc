export * from './errors';
export * from './procedures';
export * from './vault';
