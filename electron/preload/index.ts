// The preload exposes window.houvast = { invoke, on, off } and nothing else: no ipcRenderer, no
// IPC event objects, no Node. Built as CommonJS because sandboxed preloads cannot load ES modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../../src/shared/contract/channels';

type Listener = (payload: unknown) => void;

/** event name -> listeners. One ipcRenderer listener fans out, so the page never sees IPC events. */
const listeners = new Map<string, Set<Listener>>();
let subscribed = false;

function dispatch(_event: IpcRendererEvent, message: unknown): void {
  if (!message || typeof message !== 'object') return;
  const { event, payload } = message as { event?: unknown; payload?: unknown };
  if (typeof event !== 'string') return;
  const set = listeners.get(event);
  if (!set) return;
  // Only the payload crosses into the page; the IpcRendererEvent (with its sender) never does.
  for (const listener of [...set]) {
    try {
      listener(payload);
    } catch {
      // A failing listener must not stop the others.
    }
  }
}

function remove(event: string, listener: Listener): void {
  const set = listeners.get(event);
  if (!set) return;
  set.delete(listener);
  if (set.size === 0) listeners.delete(event);
  if (listeners.size === 0 && subscribed) {
    ipcRenderer.removeListener(EVENT_CHANNEL, dispatch);
    subscribed = false;
  }
}

const bridge = {
  invoke(name: string, input: unknown): Promise<unknown> {
    return ipcRenderer.invoke(RPC_CHANNEL, name, input);
  },
  /**
   * Subscribes and returns an unsubscribe function. Use that function from the page: the context
   * bridge wraps functions anew on every call, so off() with "the same" listener cannot find it
   * there (electron/electron#33328). off() still works where identity holds (tests, no bridge).
   */
  on(event: string, listener: Listener): () => void {
    if (typeof event !== 'string' || typeof listener !== 'function') return () => {};
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener);
    if (!subscribed) {
      ipcRenderer.on(EVENT_CHANNEL, dispatch);
      subscribed = true;
    }
    return () => remove(event, listener);
  },
  off(event: string, listener: Listener): void {
    if (typeof event !== 'string') return;
    remove(event, listener);
  },
};

contextBridge.exposeInMainWorld('houvast', bridge);
