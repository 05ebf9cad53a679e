/**
 * The `briefing` command line (CONTRACTS.md). Another thin handler over the same core the
 * Lambda uses: parse arguments, build local dependencies, call one function, print the result.
 * Bad input ends with one line on stderr and a non-zero exit; --debug adds the stack.
 */
import { Command, CommanderError, Option } from 'commander';
import { BriefingError, describeError } from '#domain/errors.ts';
import { THEME_IDS } from '#domain/types.ts';
import type { CliIo } from './io.ts';
import { createStyler } from './terminal.ts';

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors were already printed.
      return error.exitCode;
    }
    const debug = argv.includes('--debug');
    const style = createStyler(io.stderr, { color: !argv.includes('--no-color') });
    io.stderr.write(`${style.failure(`briefing: ${describeError(error)}`)}\n`);
    if (error instanceof BriefingError && error.hint) io.stderr.write(`hint: ${error.hint}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else if (!(error instanceof BriefingError)) io.stderr.write('(run with --debug for details)\n');
    return 1;
  }
}

/** Options given before the command name (`briefing --no-color run`) as well as after it. */
function globalOptions(command: Command): { color?: boolean; debug?: boolean } {
  const all = command.optsWithGlobals() as { color?: boolean; debug?: boolean };
  return { color: all.color, debug: all.debug };
}

function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

const list = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

// Commands load their modules on use, so `briefing classify` does not pay for the AWS SDK or cheerio.
const runCmd = () => import('./commands/run-command.ts');
const stdinCmds = () => import('./commands/stdin-commands.ts');
const archiveCmds = () => import('./commands/archive-commands.ts');
const feedsCmds = () => import('./commands/feeds-commands.ts');
const subscriberCmds = () => import('./commands/subscribers-command.ts');
const invokeCmd = () => import('./commands/invoke-command.ts');
const reportCmd = () => import('./commands/report-command.ts');

function buildProgram(io: CliIo): Command {
  const program = new Command('briefing')
    .description(
      'Daily intelligence digest on China–Russia relations: fetch, filter, summarise, archive, mail.',
    )
    .version('0.1.0')
    .option('--debug', 'print stack traces on errors')
    .option('--no-color', 'no colour on a terminal (NO_COLOR=1 does the same)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(add --help for usage)');

  program
    .command('run')
    .description(
      'Build an edition: fetch feeds, keep what is about China–Russia relations, write the archive and mail.',
    )
    .option('--config <file>', 'configuration file (default: ./briefing.config.json, else built-in defaults)')
    .option(
      '--feeds <file>',
      'feeds file: JSON [{name,url,perspective?,language?}], url http(s) or relative to the file',
    )
    .option('--out <dir>', 'output folder: site/ (published), state/ (private), outbox/, adhoc/', './out')
    .option(
      '--now <iso>',
      "the run's clock, UTC unless it names a zone (default: now; with --offline: the sample's recording time)",
    )
    .option(
      '--since <when>',
      'window start: a duration such as 24h or 3d, or an ISO date (an ad-hoc briefing)',
    )
    .option('--until <iso>', 'window end (default: --now)')
    .addOption(
      new Option('--themes <ids>', `only these themes, comma-separated (${THEME_IDS.join(', ')})`).argParser(
        list,
      ),
    )
    .option('--query <text>', 'narrow the edition to items matching this free text')
    .option(
      '--dry-run',
      'render only: store nothing, send nothing; the rendering goes to <out>/dry-run/<id>/',
    )
    .option('--to <emails...>', 'send only to these addresses (never to the subscriber list)')
    .option('--edition <id>', 'edition id (default: the date, or a date-based id for ad-hoc runs)')
    .option('--no-archive', 'do not write the edition anywhere (mail only)')
    .option(
      '--publish',
      'put an ad-hoc briefing into the public archive (default: private, under <out>/adhoc/)',
    )
    .option('--offline', 'run against the bundled sample day served from 127.0.0.1 (no internet needed)')
    .option('--allow-private-network', 'let feed content point at loopback/private addresses (tests only)')
    .option('--json', 'print the result as JSON instead of the summary')
    .option('--quiet', 'no progress display')
    .action(async (options, command: Command) =>
      (await runCmd()).runDigestCommand({ ...options, ...globalOptions(command) }, io),
    );

  program
    .command('classify')
    .description(
      'Classify JSON Lines items from stdin: {"id","title","summary"?,"text"?,...} -> {"id","relevant","score","themes","reasons"}',
    )
    .action(async () => (await stdinCmds()).runClassify(io));

  program
    .command('extract')
    .description(
      'Extract the article from one HTML page on stdin; prints {title,byline?,published?,canonicalUrl?,language?,text}',
    )
    .option('--url <url>', "the page's address (for relative links and metadata)", 'https://example.invalid/')
    .action(async (options: { url: string }) => (await stdinCmds()).runExtract(io, options.url));

  program
    .command('parse-feed')
    .description(
      'Parse one feed document (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed) from stdin; prints JSON',
    )
    .option('--content-type <type>', 'the HTTP Content-Type it was served with (for its charset)')
    .option('--url <url>', 'the feed address (for relative links)')
    .action(async (options: { contentType?: string; url?: string }) =>
      (await stdinCmds()).runParseFeed(io, options),
    );

  program
    .command('preview')
    .description('Render the email of an edition already in the output folder and write it as HTML')
    .option('--out <dir>', 'output folder', './out')
    .option('--edition <id>', 'edition id (default: the latest)')
    .option('--config <file>', 'configuration file')
    .option('--to <email>', 'render as received by this address')
    .option('--write <file>', 'where to write the HTML (default: <out>/outbox/preview-<id>.html)')
    .action(async (options) => (await archiveCmds()).runPreview(options, io));

  program
    .command('serve')
    .description(
      "Serve an output folder's site/ on 127.0.0.1 for browsing the archive (never its state or mail)",
    )
    .argument('[dir]', 'output folder', './out')
    .option('--port <n>', 'port (0 = any free port)', '8080')
    .option('--config <file>', 'configuration file (for the subscription API)')
    .option('--sample-port <n>', "port for the offline sample's article pages (0: do not serve them)", '8081')
    .action(async (dir: string, options: { port: string; config?: string; samplePort: string }) =>
      (await archiveCmds()).runServe(dir, options, io),
    );

  const feeds = program.command('feeds').description('Manage the feeds file');
  feeds
    .command('import')
    .description('Import an OPML file into a feeds file (created when missing, duplicates skipped)')
    .argument('<opml>', 'OPML file')
    .option('--feeds <file>', 'feeds file to update', './feeds.json')
    .option(
      '--allow-private-network',
      'also import feeds on loopback, private or metadata addresses (local test servers only)',
    )
    .action(
      async (opml: string, options: { feeds: string; allowPrivateNetwork?: boolean }, command: Command) =>
        (await feedsCmds()).runFeedsImport(opml, { ...options, ...globalOptions(command) }, io),
    );

  feeds
    .command('export')
    .description('Write the curated feed list (the built-in default) as a feeds file to start from')
    .option('--feeds <file>', 'feeds file to write', './feeds.json')
    .option('--force', 'overwrite the file when it exists')
    .action(async (options: { feeds: string; force?: boolean }) =>
      (await feedsCmds()).runFeedsExport(options.feeds, options, io),
    );

  const archive = program.command('archive').description('Maintain the archive');
  archive
    .command('rebuild')
    .description('Rebuild editions.json, the home page, feeds and search from the editions alone')
    .option('--out <dir>', 'output folder', './out')
    .option('--config <file>', 'configuration file')
    .option('--json', 'print the result as JSON instead of the summary')
    .action(async (options, command: Command) =>
      (await archiveCmds()).runArchiveRebuild({ ...options, ...globalOptions(command) }, io),
    );

  program
    .command('invoke')
    .description(
      'Run a briefing in AWS: the options of run, sent to the deployed digest function as a manual event',
    )
    .option(
      '--function-name <name>',
      'the digest function (stack output DigestFunctionName; default $BRIEFING_FUNCTION_NAME)',
    )
    .option(
      '--stack <name>',
      'a deployed stack: invoke its digest function (stack output DigestFunctionName)',
    )
    .option('--region <region>', 'AWS region (default: from the AWS configuration)')
    .option('--since <when>', 'window start: a duration such as 72h or 3d, or an ISO date')
    .option('--until <iso>', 'window end')
    .addOption(new Option('--themes <ids>', 'only these themes, comma-separated').argParser(list))
    .option('--query <text>', 'narrow the edition to items matching this free text')
    .option('--to <emails...>', 'send only to these addresses')
    .option('--dry-run', 'render only: store nothing, send nothing')
    .option('--edition <id>', 'edition id')
    .option('--no-archive', 'do not write the edition anywhere')
    .option('--publish', 'put an ad-hoc briefing into the public archive (default: private)')
    .action(async (options) => (await invokeCmd()).runInvoke(options, io));

  program
    .command('report')
    .description(
      "An edition's run report, with what the senders have mailed so far when it went through the send queue",
    )
    .option('--edition <id>', 'edition id (default: the latest run)')
    .addOption(new Option('--out <dir>', 'output folder whose state/ holds the reports').default('./out'))
    .option('--stack <name>', 'a deployed stack: its data bucket')
    .option('--bucket <name>', 'the data bucket itself')
    .option('--region <region>', 'AWS region (default: from the AWS configuration)')
    .option('--json', 'print JSON')
    .action(async (options) => (await reportCmd()).runReport(options, io));

  const subscribers = program
    .command('subscribers')
    .description(
      'Manage subscribers: in the private state of an output folder (--out), or in a deployed stack (--stack NAME or --bucket NAME)',
    );
  const target = (command: Command) =>
    command
      .addOption(new Option('--out <dir>', 'output folder whose state/ holds the list').default('./out'))
      .option('--stack <name>', 'a deployed stack: its data bucket (stack output DataBucketName)')
      .option('--bucket <name>', 'the data bucket itself')
      .option('--region <region>', 'AWS region (default: from the AWS configuration)');
  target(subscribers.command('add'))
    .description('Add addresses (pending unless --confirmed; no opt-in mail is sent)')
    .argument('<emails...>')
    .option('--confirmed', 'mark as confirmed (consent obtained elsewhere; recorded as "operator cli")')
    .addOption(new Option('--themes <ids>', 'only these themes, comma-separated').argParser(list))
    .option('--note <text>', 'consent note kept with the record')
    .action(async (emails: string[], options) =>
      (await subscriberCmds()).runSubscribersAdd(emails, options, io),
    );
  target(subscribers.command('confirm'))
    .description('Confirm pending addresses')
    .argument('<emails...>')
    .action(async (emails: string[], options) =>
      (await subscriberCmds()).runSubscribersConfirm(emails, options, io),
    );
  target(subscribers.command('remove'))
    .description(
      'Unsubscribe addresses (--purge deletes the record entirely); an unknown address is an error',
    )
    .argument('<emails...>')
    .option('--purge', 'delete the record (erasure request)')
    .action(async (emails: string[], options) =>
      (await subscriberCmds()).runSubscribersRemove(emails, options, io),
    );
  target(subscribers.command('list'))
    .description('List subscribers')
    .option('--status <status>', 'only this status (pending, confirmed, unsubscribed, bounced, complained)')
    .option('--json', 'print JSON')
    .action(async (options) => (await subscriberCmds()).runSubscribersList(options, io));
  target(subscribers.command('export'))
    .description('Export the list with consent records')
    .option('--format <format>', 'csv or json', 'csv')
    .action(async (options) => (await subscriberCmds()).runSubscribersExport(options, io));
  target(subscribers.command('import'))
    .description(
      'Import a CSV of email[,themes]: each address is sent a confirmation mail (double opt-in) unless --confirmed --reason',
    )
    .argument(
      '<file>',
      'CSV file; a header row "email,themes" is optional; themes space- or semicolon-separated',
    )
    .option('--confirmed', 'mark as confirmed without a confirmation mail (requires --reason)')
    .option('--reason <text>', 'how these addresses consented (kept with each record)')
    .option('--config <file>', 'configuration for the local opt-in mail (with --out)')
    .action(async (file: string, options) =>
      (await subscriberCmds()).runSubscribersImport(file, options, io),
    );

  return program;
}
