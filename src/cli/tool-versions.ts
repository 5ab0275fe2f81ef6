// The versions a run report records: vmc-reach itself (package.json), Node.js, and the installed
// versions of the libraries that talk to the services.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const libraries = ['@aws-sdk/client-ec2', '@aws-sdk/client-ssm', 'msw'];

async function versionOf(file: string): Promise<string | undefined> {
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}

export async function toolVersions(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = { 'vmc-reach': (await versionOf(join(root, 'package.json'))) ?? 'unknown', node: process.version };
  for (const lib of libraries) {
    const v = await versionOf(join(root, 'node_modules', lib, 'package.json'));
    if (v) out[lib] = v;
  }
  return out;
}
