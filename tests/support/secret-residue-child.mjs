// Child process of tests/integration/vault/secret-memory.test.ts: puts a key into a buffer from the shipped
// allocSecret, lets native code use it (as crypto and SQLite do), wipes it, collects garbage, then waits to be read.
// The key arrives masked (XOR 0x5a) on stdin, so the only unmasked copy ever made in this process is the secret buffer.
import { register } from 'tsx/esm/api';
import { timingSafeEqual } from 'node:crypto';

register();
const { allocSecret } = await import(new URL('../../src/core/vault/secret.ts', import.meta.url).href);
const masked = Buffer.from(process.argv[2], 'hex');
const secret = allocSecret(masked.length);
for (let i = 0; i < masked.length; i++) secret[i] = masked[i] ^ 0x5a;
timingSafeEqual(secret, Buffer.alloc(masked.length)); // native access: V8 would move an on-heap array now
secret.fill(0);
for (let i = 0; i < 5; i++) globalThis.gc();
process.stdout.write('ready\n');
setInterval(() => {}, 1000);
