import { writeFile } from 'node:fs/promises';
import { grantDocumentXml, writeAssignmentFile, type AssignmentSpec } from '@patentrack/ingestion';
import type { RecordedTransaction } from '@patentrack/pipeline/testing';

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
