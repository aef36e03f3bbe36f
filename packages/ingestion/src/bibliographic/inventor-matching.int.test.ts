import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestionTestbed } from '../common/testbed';
import { inventorMatchesAssignor } from '@patentrack/business-rules';
import { inventorsForTransactions } from '@patentrack/db';
import { rfId } from '@patentrack/shared';
import { ingestAssignmentFile } from '../assignments/ingest';
import { writeAssignmentFile } from '../generator/assignment-xml';
import { ingestBibliographicFile } from './ingest';

const samplesRoot = join(import.meta.dirname, '../../../../data/samples');

const bed = ingestionTestbed('inventor-match');

describe('grant inventors reach inventor ↔ assignor matching (BR-021..023) through the bed.database', () => {
  it('finds the inventor of a transaction’s own patent by any of the document row’s numbers', async () => {
    for (const name of (await readdir(join(samplesRoot, 'uspto-grants'))).sort()) {
      const result = await ingestBibliographicFile({
        pool: bed.pool,
        source: join(samplesRoot, 'uspto-grants', name),
        feed: 'grants',
      });
      expect(result.status).toBe('success');
    }
    const sample = await ingestAssignmentFile({
      pool: bed.pool,
      source: join(samplesRoot, 'uspto-assignments/ad20160101_records001-133.xml'),
    });
    expect(sample.status).toBe('success');

    // Assignments on sample grants: by application number only, by grant number only, and by a company.
    const path = join(bed.workDir, 'ad20240105.xml');
    await writeAssignmentFile(path, '2024-01-05', [
      {
        reel: 700_001,
        frame: 1,
        conveyanceText: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
        recordedDate: '2021-02-01',
        assignors: [{ name: 'VISCO, STEVEN J.', executionDate: '2021-01-20' }],
        assignees: [{ name: 'POLYPLUS BATTERY COMPANY', city: 'BERKELEY', state: 'CALIFORNIA' }],
        properties: [{ appno: '17248024', filingDate: '2021-01-05' }],
      },
      {
        reel: 700_002,
        frame: 5,
        conveyanceText: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
        recordedDate: '2019-09-01',
        assignors: [{ name: 'LIU, ZHIYONG', executionDate: '2019-08-20' }],
        assignees: [{ name: 'MEDTRONIC MINIMED, INC.' }],
        properties: [{ grant: '11617522', grantKind: 'B2', issueDate: '2023-04-04' }],
      },
      {
        reel: 700_003,
        frame: 9,
        conveyanceText: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
        recordedDate: '2023-06-01',
        assignors: [{ name: 'MEDTRONIC MINIMED, INC.', executionDate: '2023-05-20' }],
        assignees: [{ name: 'ACME HOLDINGS LLC' }],
        properties: [{ appno: '16533534', grant: '11617522', grantKind: 'B2' }],
      },
    ]);
    expect((await ingestAssignmentFile({ pool: bed.pool, source: path })).status).toBe('success');

    const byApplication = rfId(700_001, 1);
    const byGrant = rfId(700_002, 5);
    const byCompany = rfId(700_003, 9);
    const { rows: sampleRows } = await bed.pool.query<{ rf_id: string }>(
      `SELECT rf_id FROM assignments WHERE rf_id NOT IN ($1, $2, $3)`,
      [byApplication, byGrant, byCompany],
    );
    const rfIds = [byApplication, byGrant, byCompany, ...sampleRows.map((row) => row.rf_id)];
    const inventors = await inventorsForTransactions(bed.pool, rfIds);
    const { rows: assignors } = await bed.pool.query<{ rf_id: string; or_name: string }>(
      `SELECT rf_id, or_name FROM assignors WHERE rf_id = ANY($1::varchar[])`,
      [rfIds],
    );
    const matched = new Map<string, string[]>();
    for (const { rf_id, or_name } of assignors) {
      for (const inventor of inventors.get(rf_id) ?? []) {
        if (inventorMatchesAssignor(inventor.name, or_name)) matched.set(rf_id, [inventor.name, or_name]);
      }
    }

    expect(
      inventors.get(byApplication)?.map((i) => `${i.docType} ${i.docNum} ${i.sequence} ${i.name}`),
    ).toEqual([
      'grant 11646472 1 Visco, Steven J.',
      'grant 11646472 2 Katz, Bruce D.',
      'grant 11646472 3 Nimon, Yevgeniy S.',
      'grant 11646472 4 De Jonghe, Lutgard C.',
    ]);
    expect(inventors.get(byCompany)?.map((i) => i.name)).toEqual([
      'Li, Xin X.',
      'Liu, Zhiyong',
      'Yavorsky, Matthew William',
    ]);
    expect(matched).toEqual(
      new Map([
        [byApplication, ['Visco, Steven J.', 'VISCO, STEVEN J.']],
        [byGrant, ['Liu, Zhiyong', 'LIU, ZHIYONG']],
      ]),
    );
    // The daily sample's patents are not among the grant samples: those transactions have no inventors.
    expect(sampleRows.length).toBeGreaterThan(100);
    expect(sampleRows.filter((row) => inventors.has(row.rf_id))).toEqual([]);
  });
});
