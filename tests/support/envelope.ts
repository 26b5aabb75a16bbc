// A router answer that must be ok: its value, or a failed expectation that shows the whole envelope.
import { expect } from 'vitest';
import type { Envelope } from '../../src/shared/contract/errors';

export function valueOf<T>(env: Envelope<unknown>): T {
  expect(env.ok, JSON.stringify(env)).toBe(true);
  if (!env.ok) throw new Error('unreachable');
  return env.value as T;
}
