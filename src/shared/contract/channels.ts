// Electron IPC channel names, in a module of their own so the sandboxed preload can import them
// without bundling the whole contract (and zod). Re-exported from procedures.ts.

/** The single RPC channel name used by Electron IPC. */
export const RPC_CHANNEL = 'houvast:rpc';
/** Core events pushed to the renderer as { event, payload }. */
export const EVENT_CHANNEL = 'houvast:event';
