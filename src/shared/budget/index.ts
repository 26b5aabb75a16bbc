// Public API of the budget rules engine (see README.md in this folder).
export * from './norm-schema';
export * from './norms';
export * from './inputs';
export * from './explain';
export * from './household';
export * from './engine';
export * from './projection';
export * from './json';
export * from './provisional';
export * from './bvv';
export * from './vtlb';
export * from './entitlements';
export * from './key-figures';
