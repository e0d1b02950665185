// Parses a service's configuration once from an environment map. Every problem is
// reported at once, and `NAME_FILE` variables (Docker/Kubernetes secrets) are read
// into `NAME` so secrets need not sit in the environment.
import { readFileSync } from 'node:fs';
import type { z } from 'zod';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  readonly retryable = false;
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Returns a copy of `env` where each `NAME_FILE` has been read into `NAME` (unless `NAME` is set). */
export function resolveFileVariables(env: Env, readFile = defaultReadFile): Record<string, string> {
  const resolved: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined) resolved[name] = value;
  }
  for (const [name, path] of Object.entries(env)) {
    if (!name.endsWith('_FILE') || path === undefined || path === '') continue;
    const target = name.slice(0, -'_FILE'.length);
    if (env[target] !== undefined) continue;
    try {
      resolved[target] = readFile(path).trimEnd();
    } catch (err) {
      problems.push(`${name}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? err})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return resolved;
}

export function loadConfig<Schema extends z.ZodType>(schema: Schema, env: Env): z.output<Schema> {
  const result = schema.safeParse(resolveFileVariables(env));
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  return result.data;
}

function defaultReadFile(path: string): string {
  return readFileSync(path, 'utf8');
}
