// The command line. Each command is a thin wrapper over src/commands.
import { Command } from 'commander';
import { formatReport, gradeFolder } from './commands/accuracy.js';
import { runExtract } from './commands/extract.js';

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

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    const code = (err as { exitCode?: number }).exitCode;
    return typeof code === 'number' ? code : 2;
  }
  return exitCode;
}
