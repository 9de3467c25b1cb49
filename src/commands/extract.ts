// `orderwatch extract FILE...`: one JSON line per input, in input order; a bad file prints its
// error and the command goes on with the next.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { readOrder } from '../mail/read-order.js';

export interface ExtractCommandOptions {
  pretty: boolean;
  now: Date;
  out: (line: string) => void;
}

/** Returns the number of inputs that failed. */
export async function runExtract(files: string[], options: ExtractCommandOptions): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      const source = file === '-' ? process.stdin : await openFile(file);
      const extraction = await readOrder(source, { now: options.now });
      options.out(JSON.stringify({ file, ...extraction }, null, options.pretty ? 2 : undefined));
    } catch (err) {
      failed++;
      options.out(JSON.stringify({ file, error: describe(err) }, null, options.pretty ? 2 : undefined));
    }
  }
  return failed;
}

async function openFile(file: string): Promise<NodeJS.ReadableStream> {
  const info = await stat(file);
  if (info.isDirectory()) throw new Error('is a directory, not an email file');
  return createReadStream(file, { highWaterMark: 256 * 1024 });
}

function describe(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err) {
    const code = (err as { code: string }).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EACCES') return 'permission denied';
  }
  return err instanceof Error ? err.message : String(err);
}
