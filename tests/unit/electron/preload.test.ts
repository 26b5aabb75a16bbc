// Checklist #2: the preload exposes exactly invoke/on/off, all functions, and never the raw IPC objects.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../../src/shared/contract/procedures';

const stub = vi.hoisted(() => ({
  exposed: [] as { key: string; api: unknown }[],
  ipcRenderer: null as unknown as {
    invoke: ReturnType<typeof vi.fn>;
    on: (channel: string, listener: (...args: unknown[]) => void) => void;
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => void;
    emit: (channel: string, ...args: unknown[]) => boolean;
    listenerCount: (channel: string) => number;
  },
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const ipc = Object.assign(new Emitter(), { invoke: vi.fn(async () => ({ ok: true, value: 'pong' })) });
  stub.ipcRenderer = ipc as unknown as typeof stub.ipcRenderer;
  return {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => stub.exposed.push({ key, api }),
    },
    ipcRenderer: ipc,
  };
});

type Bridge = {
  invoke(name: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
  off(event: string, listener: (payload: unknown) => void): void;
};

let bridge: Bridge;

beforeEach(async () => {
  stub.exposed.length = 0;
  // The mocked module is cached across resetModules: clear what earlier preload instances registered.
  if (stub.ipcRenderer) {
    (stub.ipcRenderer as unknown as EventEmitter).removeAllListeners();
    stub.ipcRenderer.invoke.mockClear();
  }
  vi.resetModules();
  await import('../../../electron/preload/index');
  bridge = stub.exposed[0]!.api as Bridge;
});

/** What the main process sends: webContents.send(EVENT_CHANNEL, { event, payload }). */
function pushEvent(event: string, payload: unknown) {
  const ipcEvent = { sender: stub.ipcRenderer, senderId: 0, ports: [] };
  stub.ipcRenderer.emit(EVENT_CHANNEL, ipcEvent, { event, payload });
}

describe('preload bridge', () => {
  it('exposes one object, window.houvast, with exactly invoke/on/off, all functions', () => {
    expect(stub.exposed).toHaveLength(1);
    expect(stub.exposed[0]!.key).toBe('houvast');
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'off', 'on']);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('never exposes ipcRenderer or its methods', () => {
    const values = Object.values(bridge) as unknown[];
    expect(values).not.toContain(stub.ipcRenderer);
    expect(values).not.toContain(stub.ipcRenderer.invoke);
    expect(values).not.toContain(stub.ipcRenderer.on);
  });

  it('invoke sends (name, input) on the one RPC channel and returns its promise', async () => {
    const result = await bridge.invoke('vault.status', { a: 1 });
    expect(stub.ipcRenderer.invoke).toHaveBeenCalledWith(RPC_CHANNEL, 'vault.status', { a: 1 });
    expect(result).toEqual({ ok: true, value: 'pong' });
  });

  it('on delivers only the payload of the named event, never the IPC event object', () => {
    const locked = vi.fn();
    const other = vi.fn();
    bridge.on('vault.locked', locked);
    bridge.on('something.else', other);
    pushEvent('vault.locked', { reason: 'suspend' });
    expect(locked).toHaveBeenCalledTimes(1);
    expect(locked.mock.calls[0]).toEqual([{ reason: 'suspend' }]);
    expect(other).not.toHaveBeenCalled();
  });

  it('ignores malformed messages on the event channel', () => {
    const listener = vi.fn();
    bridge.on('x', listener);
    stub.ipcRenderer.emit(EVENT_CHANNEL, {}, null);
    stub.ipcRenderer.emit(EVENT_CHANNEL, {}, 'x');
    stub.ipcRenderer.emit(EVENT_CHANNEL, {}, { event: 42, payload: 1 });
    expect(listener).not.toHaveBeenCalled();
  });

  it('off and the unsubscribe function remove listeners; the IPC listener goes when none remain', () => {
    const a = vi.fn();
    const b = vi.fn();
    const unsubscribeB = bridge.on('e', b);
    bridge.on('e', a);
    expect(stub.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(1);
    bridge.off('e', a);
    pushEvent('e', 1);
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    unsubscribeB();
    pushEvent('e', 2);
    expect(b).toHaveBeenCalledTimes(1);
    expect(stub.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });

  it('a throwing listener does not stop the others', () => {
    const good = vi.fn();
    bridge.on('e', () => {
      throw new Error('boom');
    });
    bridge.on('e', good);
    pushEvent('e', 'p');
    expect(good).toHaveBeenCalledWith('p');
  });
});
