// The command line. Each command is a thin wrapper over src/commands.
import { Command } from 'commander';
import { formatReport, gradeFolder } from './commands/accuracy.js';
import { runExtract } from './commands/extract.js';
import { orderCommand, ordersCommand, ownerCommand, runCommand, setAsideCommand } from './commands/service.js';
import { ConfigError } from './config.js';

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('orderwatch')
    .description('Watches a mailbox for online orders so that no cancellation window slips by.')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('extract')
    .description('print what each email says about its order, one JSON object per line ("-" reads standard input)')
    .argument('<files...>', '.eml files')
    .option('--pretty', 'indent the JSON for people', false)
    .action(async (files: string[], opts: { pretty: boolean }) => {
      const failed = await runExtract(files, { pretty: opts.pretty, now: new Date(), out: (l) => process.stdout.write(`${l}\n`) });
      if (failed > 0) exitCode = 1;
    });

  program
    .command('accuracy')
    .description('grade extraction on folders of .eml files against their truth.json or NAME.json files')
    .argument('<dirs...>', 'folders of .eml files')
    .option('-v, --verbose', 'list every miss', false)
    .action(async (dirs: string[], opts: { verbose: boolean }) => {
      for (const dir of dirs) console.log(formatReport(dir, await gradeFolder(dir, new Date()), opts.verbose));
    });

  const out = (text: string) => process.stdout.write(`${text}\n`);
  program
    .command('run')
    .description('watch the mailbox: backfill, then follow new mail, until SIGINT/SIGTERM')
    .option('--once', 'scan once, wait for every message to be read, print the orders and exit', false)
    .action(async (opts: { once: boolean }) => {
      exitCode = await runCommand(opts, out);
    });
  program
    .command('orders')
    .description('list the orders on record')
    .option('--json', 'print a JSON array', false)
    .action(async (opts: { json: boolean }) => {
      exitCode = await ordersCommand(opts, out);
    });
  program
    .command('order')
    .description('show one order with its correspondence')
    .argument('<id>', 'the order id or its order number')
    .option('--json', 'print JSON', false)
    .action(async (id: string, opts: { json: boolean }) => {
      exitCode = await orderCommand(id, opts, out);
    });
  program
    .command('cancel')
    .description('ask the store to cancel an order (or, when its address cannot be trusted, get told what to do)')
    .argument('<order>', 'the order id or its order number')
    .action(async (id: string) => {
      exitCode = await ownerCommand('cancel', id, out);
    });
  program
    .command('keep')
    .description('keep an order: no more reminders about it')
    .argument('<order>', 'the order id or its order number')
    .action(async (id: string) => {
      exitCode = await ownerCommand('keep', id, out);
    });
  program
    .command('set-aside')
    .description('list the messages set aside (unparseable, oversized, unmatched) with their reasons')
    .option('--json', 'print JSON', false)
    .action(async (opts: { json: boolean }) => {
      exitCode = await setAsideCommand(opts, out);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`orderwatch: configuration: ${err.message}\n`);
      return 2;
    }
    if (err instanceof Error && (err.name === 'RedisUnavailableError' || err.name === 'MerchantsFileError')) {
      process.stderr.write(`orderwatch: ${err.message}\n`);
      return 2;
    }
    const code = (err as { exitCode?: number }).exitCode;
    return typeof code === 'number' ? code : 2;
  }
  return exitCode;
}
