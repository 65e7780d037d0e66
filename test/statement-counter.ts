import pgLib from 'pg';

export interface StatementCounter {
  /** statements sent since the counter was installed */
  readonly count: number;
  restore(): void;
}

/**
 * Counts every statement any pg client of this process sends (the app's pool included), by patching
 * the pg client; `onStatement` also sees each statement's text and the pending result. Used by the
 * statement-budget test and the intake and scale benchmarks.
 */
export function countStatements(onStatement?: (text: string, result: unknown) => void): StatementCounter {
  const original = pgLib.Client.prototype.query;
  const call = original as (...args: unknown[]) => unknown;
  let count = 0;
  pgLib.Client.prototype.query = function (this: pgLib.Client, ...args: unknown[]) {
    count++;
    const result = call.apply(this, args);
    if (onStatement) {
      const first = args[0] as string | { text?: string };
      onStatement(typeof first === 'string' ? first : (first.text ?? ''), result);
    }
    return result;
  } as typeof pgLib.Client.prototype.query;
  return {
    get count() {
      return count;
    },
    restore: () => {
      pgLib.Client.prototype.query = original;
    },
  };
}
