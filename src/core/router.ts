// The router: the one place where a (name, input) pair from any shell becomes a service call.
// Unknown names, invalid input, locked vaults and thrown errors all become the error envelope;
// nothing a caller sends can make it throw.
import { z } from 'zod';
import {
  AppError,
  DEFAULT_MESSAGES,
  contract,
  isProcedureName,
  type Envelope,
  type IssueDetail,
  type ProcedureName,
  type ProcedureOutput,
  type ProcedureParsedInput,
} from '../shared/contract';
import { installDutchErrors } from '../shared/contract/locale';
import { capIssues, loneSurrogateIssues } from '../shared/strict-json';
import { compiledSchema } from './compiled-schema';
import type { Logger } from './logger';

export type Handlers = {
  [K in ProcedureName]: (input: ProcedureParsedInput<K>) => Promise<ProcedureOutput<K>> | ProcedureOutput<K>;
};

export interface RouterGuards {
  /** Throws AppError NO_VAULT / LOCKED when the vault is not unlocked. */
  assertUnlocked(): void;
  /** Throws AppError FORBIDDEN when the open vault's kind does not run this procedure (called once unlocked). */
  assertAllowed?(name: ProcedureName): void;
}

export interface Router {
  handle(name: unknown, input: unknown): Promise<Envelope<unknown>>;
}

export function zodIssues(error: z.ZodError, prefix = ''): IssueDetail[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'),
    message: i.message,
  }));
}

export function createRouter(handlers: Handlers, guards: RouterGuards, logger: Logger): Router {
  installDutchErrors();
  // Each procedure's output schema compiled on its first answer (compiled-schema.ts): same results and issues.
  const outputs = new Map<ProcedureName, z.ZodType>();
  const outputOf = (name: ProcedureName): z.ZodType => {
    let schema = outputs.get(name);
    if (!schema) outputs.set(name, (schema = compiledSchema(contract[name].output as z.ZodType)));
    return schema;
  };
  return {
    async handle(name, rawInput) {
      try {
        if (!isProcedureName(name)) {
          return fail('UNKNOWN_PROCEDURE', DEFAULT_MESSAGES.UNKNOWN_PROCEDURE);
        }
        const def = contract[name];
        // Text with a broken character (a lone UTF-16 surrogate) is refused with its place: stored, it would become
        // U+FFFD and the input silently altered. The file import and the CLI check their files the same way.
        const broken = loneSurrogateIssues(rawInput);
        if (broken.length > 0) return fail('VALIDATION', 'Een tekst in de invoer bevat een ongeldig teken (een losse UTF-16-surrogaat). Er is niets gewijzigd.', capIssues(broken));
        const parsed = def.input.safeParse(rawInput ?? {});
        if (!parsed.success) {
          const issues = zodIssues(parsed.error);
          return fail('VALIDATION', issues[0]?.message ?? DEFAULT_MESSAGES.VALIDATION, issues);
        }
        if (def.unlocked) {
          guards.assertUnlocked();
          guards.assertAllowed?.(name);
        }
        const handler = handlers[name] as (input: unknown) => unknown;
        const result = await handler(parsed.data);
        const checked = outputOf(name).safeParse(result);
        if (!checked.success) {
          // Never echo the data: it may hold personal data. The paths are enough to find the bug.
          logger.error('router.output_invalid', { procedure: name, paths: zodIssues(checked.error).map((i) => i.path) });
          return fail('INTERNAL', DEFAULT_MESSAGES.INTERNAL);
        }
        return { ok: true, value: checked.data };
      } catch (err) {
        if (err instanceof AppError) return fail(err.code, err.message, err.issues);
        logger.error('router.unexpected', { procedure: typeof name === 'string' ? name : '?', error: err });
        return fail('INTERNAL', DEFAULT_MESSAGES.INTERNAL);
      }
    },
  };
}

function fail(code: AppError['code'], message: string, issues?: IssueDetail[]): Envelope<never> {
  return { ok: false, error: issues && issues.length > 0 ? { code, message, issues } : { code, message } };
}
