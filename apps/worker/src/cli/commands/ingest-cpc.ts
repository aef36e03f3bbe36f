import { Option, type Command } from 'commander';
import { registerFileIngestCommand } from './ingest-files';

/**
 * `patentrack ingest cpc <file-or-url>...` loads monthly master classification files, each as a new snapshot of
 * its doc type (ingestion.md §3.4 b); `patentrack ingest cpc-scheme <file-or-url>...` loads scheme releases
 * (§3.4 a). They are separate commands, as they are separate jobs (`ingest:cpc`, `ingest:cpc-scheme`).
 */
export function registerIngestCpcCommands(program: Command): void {
  registerFileIngestCommand<{ type?: 'grant' | 'application' }>(program, {
    name: 'cpc',
    description:
      'ingest monthly CPC master classification files (US_Grant_/US_PGPub_CPC_MCF_XML_*.zip or .xml; paths or URLs)',
    argument: 'master files; each replaces the published month of its doc type',
    configure: (command) =>
      command.addOption(
        new Option('--type <doc-type>', 'doc type, when the file name does not say it').choices([
          'grant',
          'application',
        ]),
      ),
    load: (ingestion, options, cli) => ingestion.ingestCpcMasterFile({ ...options, docType: cli.type }),
  });
  registerFileIngestCommand<{ schemeVersion?: string }>(program, {
    name: 'cpc-scheme',
    description: 'ingest CPC scheme releases (CPCSchemeXML{YYYYMM}.zip or cpc-scheme-*.xml; paths or URLs)',
    argument: 'scheme releases, oldest first',
    configure: (command) =>
      command.option(
        '--scheme-version <YYYY.MM>',
        'release version, when neither the file name nor its publication-date gives it',
      ),
    load: (ingestion, options, cli) =>
      ingestion.ingestCpcSchemeFile({ ...options, schemeVersion: cli.schemeVersion }),
  });
}
