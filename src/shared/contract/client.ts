// The typed client every shell's renderer and tests use; a Transport carries (name, input) to the router.
import type { Envelope } from './errors';
import { AppError } from './errors';
import type { EventName, EventPayload, ProcedureInput, ProcedureName, ProcedureOutput } from './procedures';

export interface Transport {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export interface Client {
  call<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<ProcedureOutput<K>>;
  /** Like call, but returns the envelope instead of throwing. */
  tryCall<K extends ProcedureName>(name: K, input: ProcedureInput<K>): Promise<Envelope<ProcedureOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): Client {
  return {
    async tryCall(name, input) {
      return (await transport.invoke(name, input)) as Envelope<never>;
    },
    async call(name, input) {
      const env = await transport.invoke(name, input);
      if (!env.ok) throw new AppError(env.error.code, env.error.message, env.error.issues);
      return env.value as never;
    },
    on(event, listener) {
      return transport.on(event, listener as (p: unknown) => void);
    },
  };
}
