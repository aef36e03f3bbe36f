import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  cpcGrantRecordXml,
  grantDocumentXml,
  withCpcRecords,
  writeAssignmentFile,
  type AssignmentSpec,
} from '@patentrack/ingestion';
import {
  exampleAsset,
  exampleTransactions,
  TITLE_CHAIN_EXAMPLES,
  type RecordedTransaction,
} from '@patentrack/pipeline';

/** A recorded transaction as real daily-file XML input (the ingestion generator's spec). */
export function assignmentSpec(transaction: RecordedTransaction, grantDate = '2009-01-06'): AssignmentSpec {
  const [reel, frame] = transaction.rfId.split('-').map(Number) as [number, number];
  return {
    reel,
    frame,
    conveyanceText: transaction.conveyText,
    recordedDate: transaction.recordDate,
    correspondent: transaction.correspondent ? { name: transaction.correspondent } : undefined,
    assignors: transaction.assignors.map((p) => ({ name: p.name, executionDate: p.execDate ?? undefined })),
    assignees: transaction.assignees.map((p) => ({ name: p.name })),
    properties: transaction.documents.map((d) => ({
      appno: d.appno ?? undefined,
      filingDate: d.appnoDate ?? undefined,
      grant: d.grant ?? undefined,
      grantKind: d.grant ? 'B2' : undefined,
      issueDate: d.grant ? grantDate : undefined,
      title: 'Generated invention',
    })),
  };
}

export async function writeAssignmentsXml(
  path: string,
  date: string,
  transactions: readonly RecordedTransaction[],
): Promise<void> {
  await writeAssignmentFile(
    path,
    date,
    transactions.map((t) => assignmentSpec(t)),
  );
}

/** A weekly grant file holding one document per grant (concatenated XML, as the feed ships it). */
export async function writeGrantsXml(
  path: string,
  grants: readonly {
    grant: string;
    appno: string;
    filingDate: string;
    assignee: string;
    inventor: { family: string; given: string };
  }[],
): Promise<void> {
  const documents = grants.map((g, i) =>
    grantDocumentXml(
      {
        docNumber: g.grant.padStart(8, '0'),
        kind: 'B2',
        date: '20090106',
        applicationNumber: g.appno,
        filingDate: g.filingDate.replaceAll('-', ''),
        title: `Generated grant ${g.grant}`,
        inventors: [{ lastName: g.inventor.family, firstName: g.inventor.given }],
        assignees: [{ orgname: g.assignee }],
      },
      i,
    ),
  );
  await writeFile(path, documents.join(''));
}

/**
 * The worked title chains of business-rules §4.2 as the files USPTO ships: one daily assignment file with every
 * example's transactions and one weekly grant file with the face assignees some examples name. Returns their
 * paths in `dir`.
 */
export async function writeTitleExampleFiles(dir: string): Promise<{ grants: string; assignments: string }> {
  const files = { grants: join(dir, 'ipgb20240102.xml'), assignments: join(dir, 'ad20240102.xml') };
  await writeGrantsXml(
    files.grants,
    TITLE_CHAIN_EXAMPLES.flatMap((example, index) => {
      const asset = exampleAsset(index);
      return example.faceAssignee
        ? [
            {
              grant: asset.grant,
              appno: asset.appno,
              filingDate: asset.appnoDate,
              assignee: example.faceAssignee,
              inventor: { family: 'SMITH', given: 'JOHN A' },
            },
          ]
        : [];
    }),
  );
  await writeAssignmentsXml(
    files.assignments,
    '2024-01-02',
    TITLE_CHAIN_EXAMPLES.flatMap((example, index) => exampleTransactions(index, example)),
  );
  return files;
}

const CPC_CLASSIFICATION = /<classification-cpc>([\s\S]*?)<\/classification-cpc>/g;

/** The CPC symbols each document of a grant or application file declares (`<classifications-cpc>`), in order. */
export function documentCpcSymbols(xml: string): string[][] {
  return xml
    .split('<?xml')
    .map((document) =>
      [...document.matchAll(CPC_CLASSIFICATION)].map(([, body]) => {
        const part = (tag: string) => new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(body!)?.[1] ?? '';
        return `${part('section')}${part('class')}${part('subclass')}${part('main-group')}/${part('subgroup')}`;
      }),
    )
    .filter((symbols) => symbols.length > 0);
}

/**
 * The grant master classification sample with the worked examples' grants added, so the demo's CPC cloud has
 * words: the examples are invented documents, so each borrows the classification of one real sample document
 * (in turn). A month is one snapshot, hence one file holding both. Returns its path in `dir`.
 */
export async function writeExampleCpcMasterFile(
  dir: string,
  sampleMaster: string,
  sampleDocuments: readonly string[],
): Promise<string> {
  const classifications = (
    await Promise.all(sampleDocuments.map(async (file) => documentCpcSymbols(await readFile(file, 'utf8'))))
  ).flat();
  const records =
    classifications.length === 0
      ? []
      : TITLE_CHAIN_EXAMPLES.map((_example, index) =>
          cpcGrantRecordXml(exampleAsset(index).grant, classifications[index % classifications.length]!),
        );
  const target = join(dir, basename(sampleMaster));
  await writeFile(target, withCpcRecords(await readFile(sampleMaster, 'utf8'), records));
  return target;
}
