// Loads the harness configuration: the file (JSON, or a .ts/.js module exporting it as default), then
// environment overrides, then validation. Every problem names the file or variable and the field.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { configSchema, type HarnessConfig } from './schema';
import { InputFileError, inputLimits, readTextFile } from '../../snapshot/read-text-file';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Environment variables that override the file, and the field each sets. */
export const envOverrides: { variable: string; path: string[]; parse?: (v: string) => unknown }[] = [
  { variable: 'VMC_REACH_TARGET', path: ['target'] },
  { variable: 'AWS_REGION', path: ['region'] },
  { variable: 'VMC_REACH_REPORT_DIR', path: ['reportDir'] },
  { variable: 'VMC_ORG_ID', path: ['live', 'orgId'] },
  { variable: 'VMC_SDDC_ID', path: ['live', 'sddcId'] },
  { variable: 'VMC_API_TOKEN_FILE', path: ['live', 'cspTokenFile'] },
  { variable: 'VMC_CSP_URL', path: ['live', 'cspUrl'] },
  { variable: 'VMC_URL', path: ['live', 'vmcUrl'] },
  { variable: 'VMC_REACH_VM_NAME', path: ['live', 'vm', 'name'] },
  { variable: 'VMC_REACH_VM_MANAGED_INSTANCE_ID', path: ['live', 'vm', 'managedInstanceId'] },
  { variable: 'VMC_REACH_VM_OS', path: ['live', 'vm', 'os'] },
  { variable: 'VMC_REACH_INSTANCE_PROFILE', path: ['live', 'instanceProfile'] },
  { variable: 'VMC_REACH_SUBNET_ID', path: ['live', 'subnetId'] },
];

export const defaultConfigFiles = ['vmc-reach.config.json', 'vmc-reach.config.ts', 'vmc-reach.config.js'];

async function readConfigFile(file: string): Promise<unknown> {
  if (file.endsWith('.json')) {
    const text = await readTextFile(file, { maxBytes: inputLimits.configFileBytes }).catch((e: Error) => {
      throw new ConfigError(
        e instanceof InputFileError ? `config file ${e.message}` : `config file ${file} cannot be read; check the path given with --config`,
      );
    });
    if (text === undefined)
      throw new ConfigError(`config file ${file} cannot be read; check the path given with --config (the file does not exist)`);
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ConfigError(`config file ${file} is not valid JSON: ${(e as Error).message}`);
    }
  }
  if (/\.(ts|js|cjs)$/.test(file)) {
    if (!existsSync(file)) throw new ConfigError(`config file ${file} does not exist; check the path given with --config`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('esbuild-register/dist/node').register({ target: 'node20' });
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(resolve(file)) as { default?: unknown };
      return mod.default ?? mod;
    } catch (e) {
      throw new ConfigError(`config file ${file} failed to load: ${(e as Error).message}`);
    }
  }
  throw new ConfigError(`config file ${file}: use a .json, .ts or .js file`);
}

function setPath(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = obj;
  for (const key of path.slice(0, -1)) {
    if (typeof cur[key] !== 'object' || cur[key] === null) cur[key] = {};
    cur = cur[key] as Record<string, unknown>;
  }
  cur[path[path.length - 1]!] = value;
}

export interface LoadedConfig {
  config: HarnessConfig;
  /** The file read, if any. */
  file?: string;
}

/** Reads `file` (or the first default file in `cwd`), applies `env` overrides and validates. */
export async function loadConfig(options: { file?: string; cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<LoadedConfig> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const given = options.file ?? env.VMC_REACH_CONFIG;
  const file = given ? resolve(cwd, given) : defaultConfigFiles.map((f) => resolve(cwd, f)).find((f) => existsSync(f));
  const raw = (file ? await readConfigFile(file) : {}) as Record<string, unknown>;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ConfigError(`config file ${file}: the top level must be an object`);
  const merged = structuredClone(raw);
  const setBy = new Map<string, string>();
  for (const o of envOverrides) {
    const v = env[o.variable];
    if (v === undefined || v === '') continue;
    setPath(merged, o.path, o.parse ? o.parse(v) : v);
    setBy.set(o.path.join('.'), o.variable);
  }
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const field = i.path.join('.') || '(top level)';
      const source = setBy.get(field) ? `environment variable ${setBy.get(field)}` : (file ?? 'the defaults');
      return `${source}: ${field}: ${i.message}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return { config: parsed.data, ...(file ? { file } : {}) };
}
