// Developer aid: shows an email's working text next to what was extracted from it.
import { readFileSync } from 'node:fs';
import { parseMessage } from '../src/mail/parse.js';
import { buildDocument } from '../src/extract/document.js';
import { extract } from '../src/extract/index.js';
for (const file of process.argv.slice(2)) {
  const m = await parseMessage(readFileSync(file));
  const d = buildDocument(m);
  const e = extract(m, { now: new Date() });
  console.log(`### ${file}\nSUBJECT ${d.subject}\nFROM ${d.from?.address} DATE ${d.dateHeader}`);
  console.log(d.text.split('\n').slice(0, Number(process.env.LINES ?? 40)).map((l) => `  | ${l.slice(0, 180)}`).join('\n'));
  const { evidence, ...rest } = e;
  console.log(JSON.stringify(rest));
  console.log(JSON.stringify(evidence, null, 1));
}
