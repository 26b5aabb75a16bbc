import { z } from 'zod';

// Zod's JIT compiles object parsers with `new Function`, probing for it when the first object schema is
// built; under the renderer's CSP (no 'unsafe-eval') that probe is blocked and reported as a CSP violation.
// The renderer's entry imports this module first, before anything that builds schemas (schemas decide at
// construction whether they compile). The core (a worker or utilityProcess, no CSP) keeps the JIT: it
// validates every procedure's output, the budget's large view included (issue 10 §1).
z.config({ jitless: true });
