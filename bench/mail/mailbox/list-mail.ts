// Mailing-list traffic (Mailman-style): questions, replies quoting the thread, now and then a patch.
import { displayAddress, messageId, rfc2822Date, subjectHeader } from '../headers.js';
import { message, textLeaf } from '../mime.js';
import { drawSize, type Rng } from '../rng.js';
import { ip, trace } from './fastmail-trace.js';
import { PERSONAL_DOMAINS, person } from './people.js';
import { sentences } from './sentences.js';

const LIST_NAMES = [
  { name: 'rust-users', host: 'lists.rust-community.org', topics: ['Lifetimes in trait objects', 'Best crate for CSV parsing?', 'Order of evaluation in match arms', 'Async closures and borrowing', 'Cross-compiling for ARM', 'Return values from spawned tasks', 'Benchmarking allocators', 'Workspace layout for a CLI'] },
  { name: 'pgsql-general', host: 'lists.postgresql.example.org', topics: ['Slow query after upgrade to 16', 'Vacuum not reclaiming space', 'ORDER BY with NULLS LAST on an index', 'Logical replication lag', 'Partitioning by month', 'Connection pooling advice'] },
  { name: 'climbing-club', host: 'groups.io', topics: ['Saturday trip to the quarry', 'Rope inventory', 'Winter training schedule', 'Carpool for the festival', 'New members evening', 'Gear swap'] },
  { name: 'neighbourhood', host: 'lists.riverside-residents.org', topics: ['Street party planning', 'Lost cat near the park', 'Bin collection changes', 'Tree planting day', 'Parking on Elm Street', 'Delivery vans blocking the road'] },
  { name: 'debian-user', host: 'lists.debian.org', topics: ['Wi-Fi drops after suspend', 'Upgrading from bookworm', 'systemd timer not firing', 'Which firmware package for AX210?', 'Printer stopped working', 'Backup strategy for /home'] },
];

export function listMail(rng: Rng, ms: number): Buffer {
  const list = rng.pick(LIST_NAMES);
  const from = person(rng);
  const topic = rng.pick(list.topics);
  const patch = list.name === 'rust-users' || list.name === 'pgsql-general' ? rng.chance(0.1) : false;
  const reply = !patch && rng.chance(0.62);
  const subject = patch ? `[${list.name}] [PATCH v${rng.int(1, 4)} ${rng.int(1, 7)}/7] ${topic.toLowerCase()}` : `${reply ? 'Re: ' : ''}[${list.name}] ${topic}`;
  const target = drawSize(rng, 5_000, 0.6, 1_500, 25_000);
  let text = `${sentences(rng, 'en', 2, 5)}\n\n`;
  if (reply) text = `On ${rfc2822Date(ms - rng.int(1, 48) * 3_600_000, 0)}, ${person(rng).name} wrote:\n${Array.from({ length: rng.int(4, 40) }, () => `> ${sentences(rng, 'en', 1, 1)}`).join('\n')}\n\n${text}`;
  while (text.length < target) {
    text += patch
      ? `diff --git a/src/${rng.hex(6)}.rs b/src/${rng.hex(6)}.rs\nindex ${rng.hex(7)}..${rng.hex(7)} 100644\n@@ -${rng.int(1, 400)},7 +${rng.int(1, 400)},9 @@\n-    let value = input.parse()?;\n+    let value = input.trim().parse().map_err(Error::from)?;\n+    debug_assert!(value >= 0);\n     Ok(value)\n`
      : `${sentences(rng, 'en', 2, 6)}\n\n`;
  }
  text += `\n--\n${from.name}\n\n_______________________________________________\n${list.name} mailing list\n${list.name}@${list.host}\nhttps://${list.host}/mailman/listinfo/${list.name}\n`;
  const id = messageId(rng, from.address.split('@')[1]!);
  const parent = reply ? messageId(rng, rng.pick(PERSONAL_DOMAINS)) : null;
  return message(
    trace(rng, ms, `mail.${list.host}`, ip(rng), `${list.name}-bounces+robin.keller=fastmail.com@${list.host}`, [list.host]),
    [
      ['From', displayAddress(from.name, from.address)],
      ['To', `${list.name}@${list.host}`],
      ['Date', rfc2822Date(ms, rng.pick([0, 60, -300, 540]))],
      ['Message-ID', id],
      ['In-Reply-To', parent],
      ['References', parent ? `${messageId(rng, rng.pick(PERSONAL_DOMAINS))} ${parent}` : null],
      ['Subject', subjectHeader(subject)],
      ['List-Id', `${list.name} <${list.name}.${list.host}>`],
      ['List-Unsubscribe', `<https://${list.host}/mailman/options/${list.name}>, <mailto:${list.name}-request@${list.host}?subject=unsubscribe>`],
      ['List-Archive', `<https://${list.host}/pipermail/${list.name}/>`],
      ['List-Post', `<mailto:${list.name}@${list.host}>`],
      ['Precedence', 'list'],
    ],
    textLeaf(text),
  );
}
