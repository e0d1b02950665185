// Parses a service's configuration once from an environment map. Every problem is
// reported at once, and `NAME_FILE` variables (Docker/Kubernetes secrets) are read
// into `NAME` so secrets need not sit in the environment.
import { readFileSync } from 'node:fs';
import { WireError } from '@wire/schema';
import type { z } from 'zod';
import { commonSettingsProblems } from './common-settings.js';

export class ConfigError extends WireError<'CONFIG_INVALID'> {
  constructor(readonly problems: string[]) {
    super(
      'CONFIG_INVALID',
      'configuration',
      `invalid configuration:\n  - ${problems.join('\n  - ')}`,
    );
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Returns the variables named in `names`, where `NAME_FILE` has been read into
 * `NAME` unless `NAME` is set. Other variables of the environment are ignored.
 */
export function resolveFileVariables(
  env: Env,
  names: readonly string[],
  readFile = defaultReadFile,
): Record<string, string> {
  const resolved: Record<string, string> = {};
  const problems: string[] = [];
  for (const target of names) {
    const value = env[target];
    if (value !== undefined) {
      resolved[target] = value;
      continue;
    }
    const name = `${target}_FILE`;
    const path = env[name];
    if (path === undefined || path === '') continue;
    try {
      resolved[target] = readFile(path).trimEnd();
    } catch (err) {
      problems.push(`${name}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? err})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return resolved;
}

/**
 * The variables of `env` that `schema` reads (NAME and NAME_FILE), as given: for
 * a child process that must read the same settings, secrets still from their files.
 */
export function schemaVariables(schema: z.ZodObject, env: Env): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const name of Object.keys(schema.shape).flatMap((key) => [key, `${key}_FILE`])) {
    const value = env[name];
    if (value !== undefined) variables[name] = value;
  }
  return variables;
}

export function loadConfig<Schema extends z.ZodObject>(schema: Schema, env: Env): z.output<Schema> {
  const result = schema.safeParse(resolveFileVariables(env, Object.keys(schema.shape)));
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
    );
  }
  const problems = commonSettingsProblems(result.data);
  if (problems.length > 0) throw new ConfigError(problems);
  return result.data;
}

/** For a service's main: a configuration problem is reported plainly and ends the process. */
export function loadConfigOrExit<Schema extends z.ZodObject>(
  schema: Schema,
  env: Env,
  service: string,
): z.output<Schema> {
  try {
    return loadConfig(schema, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${service}: ${err.message}\n`);
    process.exit(78); // EX_CONFIG
  }
}

function defaultReadFile(path: string): string {
  return readFileSync(path, 'utf8');
}
