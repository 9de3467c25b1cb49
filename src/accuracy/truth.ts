// Where expected values live: a truth.json in the folder (file name -> expected object), or a
// NAME.json beside each NAME.eml. Both shapes are read; truth.json wins for a file in both.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Case {
  file: string;
  path: string;
  expected: Record<string, unknown>;
}

export async function loadCases(dir: string): Promise<Case[]> {
  const names = (await readdir(dir)).sort();
  let table: Record<string, Record<string, unknown>> = {};
  if (names.includes('truth.json')) table = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8'));
  const cases: Case[] = [];
  for (const name of names.filter((n) => n.endsWith('.eml'))) {
    let expected = table[name];
    const sidecar = name.replace(/\.eml$/, '.json');
    if (!expected && names.includes(sidecar)) expected = JSON.parse(await readFile(join(dir, sidecar), 'utf8'));
    if (expected) cases.push({ file: name, path: join(dir, name), expected });
  }
  return cases;
}
