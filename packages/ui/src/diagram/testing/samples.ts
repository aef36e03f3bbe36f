import {
  DIAGRAM_CATEGORY_COLORS,
  type DiagramBox,
  type DiagramCategory,
  type DiagramConnection,
  type DiagramJson,
  type DiagramPayload,
  type DiagramPopup,
  seededRandom,
} from '@patentrack/shared';

/**
 * Diagram JSON builders for tests, the browser harness and benchmarks. They follow business-rules §5.8: boxes by
 * first appearance (assignors before assignees), one connection per (assignor, assignee) pair, one popup per
 * transaction, `assignmentNo` 1…n in transaction order.
 */

type ConveyanceType =
  | 'employee'
  | 'assignment'
  | 'merger'
  | 'namechg'
  | 'security'
  | 'release'
  | 'license'
  | 'correct'
  | 'missing';

interface PartySpec {
  name: string;
  segment: DiagramBox['segment'];
  flag?: string;
}

export interface TransactionSpec {
  rfId: string;
  type: ConveyanceType;
  execDate: string | null;
  recordDate: string;
  assignors: PartySpec[];
  assignees: PartySpec[];
}

const CATEGORY_OF: Record<ConveyanceType, DiagramCategory> = {
  employee: 'Ownership',
  assignment: 'Ownership',
  merger: 'Ownership',
  missing: 'Ownership',
  namechg: 'NameChange',
  security: 'Security',
  release: 'Release',
  license: 'License',
  correct: 'Correct',
};
const LABEL_OF: Record<DiagramCategory, string> = {
  Ownership: 'Ownership',
  NameChange: 'Name Change',
  Security: 'Security',
  Release: 'Release',
  License: 'License',
  LicenseEnd: 'LicenseEnd',
  Correct: 'Correct',
};
const BOX_TYPE: Record<DiagramBox['segment'], DiagramBox['boxType']> = {
  0: 'Inventor',
  1: 'Ownership',
  2: 'Security',
  3: '3rdParties',
};
const BOX_COLOR: Record<DiagramBox['segment'], string | null> = {
  0: null,
  1: '#E60000',
  2: '#ffaa00',
  3: null,
};

const days = (from: string, to: string): number =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Assembles §5.8 JSON from transactions already in transaction order. */
export function diagramFromTransactions(
  general: Pick<
    DiagramJson['general'],
    'application' | 'patent' | 'title' | 'appnoDate' | 'grantDate' | 'status'
  > &
    Partial<DiagramJson['general']>,
  transactions: TransactionSpec[],
): DiagramJson {
  const boxes: DiagramBox[] = [];
  const boxByName = new Map<string, DiagramBox>();
  const connections: DiagramConnection[] = [];
  const popups: DiagramPopup[] = [];
  transactions.forEach((t, index) => {
    const assignmentNo = index + 1;
    const txDate = t.execDate ?? t.recordDate;
    const boxFor = (party: PartySpec): DiagramBox => {
      const existing = boxByName.get(party.name);
      if (existing) return existing;
      const box: DiagramBox = {
        id: boxes.length + 1,
        entityKey: `e${boxes.length + 1}`,
        name: party.name,
        segment: party.segment,
        boxType: party.segment === 3 && t.type === 'license' ? 'Licenses' : BOX_TYPE[party.segment],
        color: party.segment === 3 && t.type === 'license' ? '#E6E600' : BOX_COLOR[party.segment],
        date: txDate,
        flag: party.flag ?? null,
        assignmentNo,
      };
      boxes.push(box);
      boxByName.set(party.name, box);
      return box;
    };
    const from = t.assignors.map(boxFor);
    const to = t.assignees.map(boxFor);
    const [reel, frame] = t.rfId.split('-').map(Number) as [number, number];
    const category = CATEGORY_OF[t.type];
    for (const assignor of from) {
      for (const assignee of to) {
        connections.push({
          id: connections.length + 1,
          from: assignor.id,
          to: assignee.id,
          assignmentNo,
          category,
          label: LABEL_OF[category],
          color: DIAGRAM_CATEGORY_COLORS[category],
          rfId: t.rfId,
          reelNo: reel,
          frameNo: frame,
          execDate: t.execDate,
          recordDate: t.recordDate,
          popup: popups.length,
        });
      }
    }
    popups.push({
      rfId: t.rfId,
      reelNo: reel,
      frameNo: frame,
      conveyanceText: `${t.type.toUpperCase()} OF THE ENTIRE INTEREST`,
      conveyanceType: t.type,
      assignors: t.assignors.map((p) => p.name),
      assignees: t.assignees.map((p) => p.name),
      execDate: t.execDate,
      recordDate: t.recordDate,
      mailDate: null,
      pageCount: 3,
      correspondent: { name: 'PATENT COUNSEL LLP', address: ['100 MAIN STREET', 'SPRINGFIELD, VA 22150'] },
      daysExecToRecord: days(txDate, t.recordDate),
    });
  });
  return {
    general: {
      logoUrl: null,
      displayStatus: general.status,
      encumbered: false,
      generatedAt: '2025-01-01T00:00:00.000Z',
      ...general,
    },
    boxes,
    connections,
    popups,
  };
}

const inventor = (name: string): PartySpec => ({ name, segment: 0 });
const owner = (name: string, flag = 'us'): PartySpec => ({ name, segment: 1, flag });
const bank = (name: string): PartySpec => ({ name, segment: 2, flag: 'us' });

/** The worked example of business-rules §5.8: SMITH → BETA, a security to FIRST BANK and its release. */
export function workedExampleDiagram(): DiagramJson {
  return diagramFromTransactions(
    {
      application: '11234567',
      patent: '7654321',
      title: 'Widget with a self-aligning hinge',
      appnoDate: '2004-11-02',
      grantDate: '2010-02-02',
      status: 'complete',
      encumbered: false,
    },
    [
      {
        rfId: '000100-0001',
        type: 'employee',
        execDate: '2005-03-01',
        recordDate: '2005-03-10',
        assignors: [inventor('SMITH, JOHN')],
        assignees: [owner('BETA CORP')],
      },
      {
        rfId: '000400-0001',
        type: 'security',
        execDate: '2015-06-01',
        recordDate: '2015-06-12',
        assignors: [owner('BETA CORP')],
        assignees: [bank('FIRST BANK')],
      },
      {
        rfId: '000500-0001',
        type: 'release',
        execDate: '2018-09-03',
        recordDate: '2018-09-20',
        assignors: [bank('FIRST BANK')],
        assignees: [owner('BETA CORP')],
      },
    ],
  );
}

/** Business-rules BT-2: SMITH → ACME, then GAMMA → BETA — a `chain_gap` break at 000200-0001. */
export function brokenChainDiagram(): DiagramPayload {
  const diagram = diagramFromTransactions(
    {
      application: '12345678',
      patent: '8123456',
      title: 'Method for layered sealing of battery housings',
      appnoDate: '2008-05-20',
      grantDate: '2012-02-21',
      status: 'broken',
      displayStatus: 'broken',
    },
    [
      {
        rfId: '000100-0001',
        type: 'employee',
        execDate: '2010-01-05',
        recordDate: '2010-01-20',
        assignors: [inventor('SMITH, JOHN'), inventor('JONES, MARY')],
        assignees: [owner('ACME INC')],
      },
      {
        rfId: '000200-0001',
        type: 'assignment',
        execDate: '2012-03-01',
        recordDate: '2012-03-15',
        assignors: [owner('GAMMA LLC')],
        assignees: [owner('BETA CORP')],
      },
    ],
  );
  const key = (name: string) => diagram.boxes.find((b) => b.name === name)?.id as number;
  return {
    ...diagram,
    brokenLink: { rfId: '000200-0001', fromBoxIds: [key('ACME INC')], toBoxIds: [key('GAMMA LLC')] },
  };
}

const addDays = (iso: string, count: number): string =>
  new Date(Date.parse(iso) + count * 86_400_000).toISOString().slice(0, 10);

/**
 * A long, realistic title history: inventors assign to an employer, then sales, mergers, name changes, security
 * interests with releases, licences to third parties, corrections and unclassified conveyances.
 */
export function generatedDiagram(transactionTotal: number, seed = 7): DiagramJson {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const inventors = [
    'SMITH, JOHN',
    'JONES, MARY',
    'NGUYEN, LINH',
    'GARCIA, ANA',
    'MÜLLER, KLAUS',
    'TANAKA, HIROSHI',
  ].map(inventor);
  let holder = owner('ACME TECHNOLOGIES INCORPORATED');
  let ownerSerial = 0;
  let bankSerial = 0;
  let licenseeSerial = 0;
  const openSecurities: PartySpec[] = [];
  let date = '2003-04-01';
  const transactions: TransactionSpec[] = [];
  const push = (type: ConveyanceType, assignors: PartySpec[], assignees: PartySpec[]) => {
    date = addDays(date, 20 + Math.floor(random() * 120));
    const n = transactions.length + 1;
    transactions.push({
      rfId: `${String(10_000 + n * 37).padStart(6, '0')}-${String((n * 13) % 10_000).padStart(4, '0')}`,
      type,
      execDate: random() < 0.1 ? null : date,
      recordDate: addDays(date, 3 + Math.floor(random() * 40)),
      assignors,
      assignees,
    });
  };
  push('employee', inventors, [holder]);
  while (transactions.length < transactionTotal) {
    const roll = random();
    if (roll < 0.25) {
      ownerSerial += 1;
      const buyer = owner(
        `${pick(['NORTHWIND', 'CONTOSO', 'GLOBEX', 'INITECH', 'UMBRELLA', 'STARK'])} ${pick(['HOLDINGS', 'IP LLC', 'GMBH', 'KK', 'LIMITED'])} ${ownerSerial}`,
        pick(['us', 'de', 'jp', 'gb']),
      );
      push(pick(['assignment', 'assignment', 'merger'] as const), [holder], [buyer]);
      holder = buyer;
    } else if (roll < 0.35) {
      ownerSerial += 1;
      const renamed = owner(`${holder.name.split(' ')[0]} RENAMED ${ownerSerial}`);
      push('namechg', [holder], [renamed]);
      holder = renamed;
    } else if (roll < 0.6) {
      bankSerial += 1;
      const lender = bank(`${pick(['FIRST', 'NATIONAL', 'CAPITAL', 'SILICON'])} BANK ${bankSerial}`);
      openSecurities.push(lender);
      push('security', [holder], [lender]);
    } else if (roll < 0.8 && openSecurities.length > 0) {
      push('release', [openSecurities.shift() as PartySpec], [holder]);
    } else if (roll < 0.9) {
      licenseeSerial += 1;
      push('license', [holder], [{ name: `LICENSEE ${licenseeSerial} CORP`, segment: 3 }]);
    } else if (roll < 0.95) {
      push('correct', [holder], [holder]);
    } else {
      push('missing', [holder], [owner(`${holder.name} (UNCLASSIFIED)`)]);
    }
  }
  return diagramFromTransactions(
    {
      application: '10987654',
      patent: '10224138',
      title: 'System and method for distributed ledger reconciliation across heterogeneous storage tiers',
      appnoDate: '2002-12-16',
      grantDate: '2019-03-05',
      status: 'complete',
      encumbered: openSecurities.length > 0,
    },
    transactions,
  );
}
