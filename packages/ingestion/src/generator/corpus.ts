import { seededRandom } from '@patentrack/shared';
import type { AssignmentSpec, PartySpec, PropertySpec } from './assignment-xml';

const FIRST_NAMES = [
  'JOHN',
  'MARIA',
  'WEI',
  'HIROSHI',
  'ANNA',
  'DAVID',
  'PRIYA',
  'JAMES',
  'SOO-JIN',
  'LUCA',
  'FATIMA',
  'PETER',
  'ELENA',
  'RAJESH',
  'SARAH',
  'MICHAEL',
  'YUKI',
  'OLGA',
  'CARLOS',
  'EMMA',
];
const LAST_NAMES = [
  'SMITH',
  'GARCIA',
  'ZHANG',
  'TANAKA',
  'MÜLLER',
  'KIM',
  'PATEL',
  "O'BRIEN",
  'ROSSI',
  'NGUYEN',
  'JOHNSON',
  'IVANOVA',
  'DUBOIS',
  'SILVA',
  'KOWALSKI',
  'LEE',
  'SATO',
  'BROWN',
  'WANG',
  'ANDERSSON',
];
const STEMS = [
  'ACME',
  'NORTHWIND',
  'BLUE RIVER',
  'QUANTUM',
  'HELIX',
  'PACIFIC',
  'VERTEX',
  'SOLARIS',
  'GRANITE',
  'NEXUS',
  'AURORA',
  'CASCADE',
  'ORION',
  'PINNACLE',
  'SILVERLINE',
  'MERIDIAN',
  'ZENITH',
  'ATLAS',
  'BOREAL',
  'CRESCENT',
];
const FIELDS = [
  'SEMICONDUCTOR',
  'TECHNOLOGIES',
  'MEDICAL DEVICES',
  'COMMUNICATIONS',
  'PHARMACEUTICALS',
  'ROBOTICS',
  'ENERGY SYSTEMS',
  'NETWORKS',
  'MATERIALS',
  'SOFTWARE',
];
const SUFFIXES = [
  'INC.',
  'LLC',
  'CORPORATION',
  'CO., LTD.',
  'LIMITED',
  'GMBH',
  'KABUSHIKI KAISHA',
  'INCORPORATED',
  'COMPANY',
  'AG',
  'S.A.S.',
];
const BANKS = [
  'JPMORGAN CHASE BANK, N.A., AS ADMINISTRATIVE AGENT',
  'SILICON VALLEY BANK',
  'BANK OF AMERICA, N.A.',
  'WELLS FARGO BANK, NATIONAL ASSOCIATION',
  'CITIBANK, N.A., AS COLLATERAL AGENT',
];
const PLACES: Omit<PartySpec, 'name'>[] = [
  { city: 'SAN JOSE', state: 'CALIFORNIA', postcode: '95134' },
  { city: 'AUSTIN', state: 'TEXAS', postcode: '78701' },
  { city: 'BOSTON', state: 'MASSACHUSETTS', postcode: '02110' },
  { city: 'SEOUL', country: 'KOREA, REPUBLIC OF' },
  { city: 'TOKYO', country: 'JAPAN' },
  { city: 'MUNICH', country: 'GERMANY', postcode: '80333' },
  { city: 'SHENZHEN', country: 'CHINA' },
  { city: 'TORONTO', state: 'ONTARIO', country: 'CANADA' },
];
const TITLE_WORDS = [
  'method',
  'system',
  'apparatus',
  'wireless',
  'semiconductor',
  'device',
  'for',
  'controlling',
  'data',
  'network',
  'optical',
  'composition',
  'battery',
  'image',
  'processing',
  'sensor',
  'memory',
  'catheter',
  'vehicle',
  'display',
];

/** The USPTO conveyance texts seen in the daily files, with their share of records. */
const CONVEYANCES = [
  { text: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).', weight: 80, kind: 'assignment' },
  { text: 'SECURITY INTEREST (SEE DOCUMENT FOR DETAILS).', weight: 9, kind: 'security' },
  { text: 'MERGER (SEE DOCUMENT FOR DETAILS).', weight: 5, kind: 'merger' },
  { text: 'CHANGE OF NAME (SEE DOCUMENT FOR DETAILS).', weight: 1.5, kind: 'namechg' },
  { text: 'NUNC PRO TUNC ASSIGNMENT (SEE DOCUMENT FOR DETAILS).', weight: 1.5, kind: 'assignment' },
  { text: 'RELEASE BY SECURED PARTY (SEE DOCUMENT FOR DETAILS).', weight: 2, kind: 'release' },
  { text: 'LICENSE (SEE DOCUMENT FOR DETAILS).', weight: 1, kind: 'license' },
] as const;
const CONVEYANCE_TOTAL = CONVEYANCES.reduce((n, c) => n + c.weight, 0);

interface TrackedPatent extends PropertySpec {
  owner: PartySpec;
  securedBy?: PartySpec;
}

export interface CorpusOptions {
  seed?: number;
  /** First reel number; the default lies above real reels so generated keys never collide with samples. */
  startReel?: number;
  /** How many patents are remembered for later transfers (bounds memory on huge files). */
  patentWindow?: number;
}

/**
 * Generates realistic assignment records that form chains of title across records and files: inventors assign
 * new applications to companies, companies sell portfolios, pledge and release them, merge and rename.
 * One corpus object keeps its state between files, so consecutive daily files continue the same chains.
 */
export class AssignmentCorpus {
  private readonly random: () => number;
  private reel: number;
  private frame = 1;
  private readonly patents: TrackedPatent[] = [];
  private readonly companies: PartySpec[] = [];
  private nextSerial = 100_000;
  private nextGrant = 9_500_000;
  private nextPublication = 1_000_000;
  private readonly patentWindow: number;

  constructor(options: CorpusOptions = {}) {
    this.random = seededRandom(options.seed ?? 1);
    this.reel = options.startReel ?? 800_000;
    this.patentWindow = options.patentWindow ?? 50_000;
  }

  /** Records of one daily file recorded on `recordedDate` (`YYYY-MM-DD`), until `count` are produced. */
  *records(count: number, recordedDate: string): Generator<AssignmentSpec> {
    for (let n = 0; n < count; n++) yield this.next(recordedDate);
  }

  next(recordedDate: string): AssignmentSpec {
    const conveyance = this.pickConveyance();
    const { reel, frame } = this.nextReelFrame();
    const base = { reel, frame, conveyanceText: conveyance.text, recordedDate, pageCount: 2 + this.int(8) };
    const correspondent = {
      name: `${this.pick(LAST_NAMES)} & ${this.pick(LAST_NAMES)} LLP`,
      address1: `${100 + this.int(9000)} MARKET STREET`,
      address2: 'SUITE 400',
    };
    const owned = this.patents.length > 20 ? this.portfolio() : [];
    const executed = this.daysBefore(recordedDate, 5 + this.int(120));
    switch (conveyance.kind) {
      case 'security': {
        if (!owned.length) break;
        const bank = {
          name: this.pick(BANKS),
          address1: '383 MADISON AVENUE',
          city: 'NEW YORK',
          state: 'NEW YORK',
          postcode: '10179',
        };
        for (const patent of owned) patent.securedBy = bank;
        return {
          ...base,
          correspondent,
          assignors: [{ ...owned[0]!.owner, executionDate: executed }],
          assignees: [bank],
          properties: owned.map(toProperty),
        };
      }
      case 'release': {
        const pledged = owned.filter((p) => p.securedBy);
        if (!pledged.length) break;
        const bank = pledged[0]!.securedBy!;
        for (const patent of pledged) delete patent.securedBy;
        return {
          ...base,
          correspondent,
          assignors: [{ name: bank.name, executionDate: executed }],
          assignees: [pledged[0]!.owner],
          properties: pledged.map(toProperty),
        };
      }
      case 'merger':
      case 'namechg':
      case 'license': {
        if (!owned.length) break;
        const seller = owned[0]!.owner;
        const buyer = conveyance.kind === 'namechg' ? this.renamed(seller) : this.company();
        if (conveyance.kind !== 'license') for (const patent of owned) patent.owner = buyer;
        return {
          ...base,
          correspondent,
          assignors: [{ name: seller.name, executionDate: executed }],
          assignees: [buyer],
          properties: owned.map(toProperty),
        };
      }
      default:
        if (owned.length && this.random() < 0.3) {
          const buyer = this.company();
          const seller = owned[0]!.owner;
          for (const patent of owned) patent.owner = buyer;
          return {
            ...base,
            correspondent,
            assignors: [{ name: seller.name, executionDate: executed }],
            assignees: [buyer],
            properties: owned.map(toProperty),
          };
        }
    }
    return this.inventorAssignment(
      { ...base, conveyanceText: CONVEYANCES[0].text },
      correspondent,
      recordedDate,
    );
  }

  /** Inventors assign a fresh application (sometimes already published and granted) to their employer. */
  private inventorAssignment(
    base: Omit<AssignmentSpec, 'assignors' | 'assignees' | 'properties'>,
    correspondent: AssignmentSpec['correspondent'],
    recordedDate: string,
  ): AssignmentSpec {
    const employer = this.company();
    const inventors = Array.from({ length: 1 + this.int(4) }, () => ({
      name: `${this.pick(LAST_NAMES)}, ${this.pick(FIRST_NAMES)}${this.random() < 0.5 ? ` ${String.fromCharCode(65 + this.int(26))}.` : ''}`,
      executionDate: this.daysBefore(recordedDate, 10 + this.int(400)),
    }));
    const year = Number(recordedDate.slice(0, 4));
    const properties: TrackedPatent[] = Array.from(
      { length: this.random() < 0.9 ? 1 : 2 + this.int(4) },
      () => {
        const filingDate = this.daysBefore(recordedDate, 30 + this.int(1500));
        const stage = this.random();
        const patent: TrackedPatent = {
          appno: `${13 + this.int(5)}${String(this.nextSerial++ % 1_000_000).padStart(6, '0')}`,
          filingDate,
          title: this.title(),
          owner: employer,
        };
        if (stage > 0.35) {
          patent.pgpub = `${year - 1}${String(this.nextPublication++ % 10_000_000).padStart(7, '0')}`;
          patent.publicationDate = this.daysBefore(recordedDate, 20 + this.int(300));
        }
        if (stage > 0.65) {
          const design = this.random() < 0.05;
          patent.grant = design ? `D${this.nextGrant++ % 1_000_000}` : String(this.nextGrant++);
          patent.grantKind = design ? 'S1' : this.random() < 0.8 ? 'B2' : 'B1';
          patent.issueDate = this.daysBefore(recordedDate, this.int(200));
        }
        return patent;
      },
    );
    this.patents.push(...properties);
    if (this.patents.length > this.patentWindow)
      this.patents.splice(0, this.patents.length - this.patentWindow);
    return {
      ...base,
      correspondent,
      assignors: inventors,
      assignees: [employer],
      properties: properties.map(toProperty),
    };
  }

  /** A few patents of one owner: the subject of a later transfer, pledge or release. */
  private portfolio(): TrackedPatent[] {
    const anchor = this.patents[this.int(this.patents.length)]!;
    const size = this.random() < 0.7 ? 1 : 2 + this.int(30);
    const start = this.int(this.patents.length);
    const sameOwner = [anchor];
    for (let k = 0; k < this.patents.length && sameOwner.length < size; k += 1 + this.int(5)) {
      const candidate = this.patents[(start + k) % this.patents.length]!;
      if (candidate !== anchor && candidate.owner === anchor.owner) sameOwner.push(candidate);
    }
    return sameOwner;
  }

  private company(): PartySpec {
    if (this.companies.length > 50 && this.random() < 0.6) return this.pick(this.companies);
    const place = this.pick(PLACES);
    const company = {
      name: `${this.pick(STEMS)} ${this.pick(FIELDS)} ${this.pick(SUFFIXES)}`,
      address1: `${1 + this.int(9999)} ${this.pick(STEMS)} PARKWAY`,
      ...place,
    };
    if (this.companies.length < 20_000) this.companies.push(company);
    return company;
  }

  private renamed(company: PartySpec): PartySpec {
    const renamed = { ...company, name: `${this.pick(STEMS)} ${company.name}` };
    this.companies.push(renamed);
    return renamed;
  }

  private nextReelFrame(): { reel: number; frame: number } {
    if (this.frame > 9000) {
      this.reel += 1;
      this.frame = 1;
    }
    const result = { reel: this.reel, frame: this.frame };
    this.frame += 1 + this.int(12);
    return result;
  }

  private pickConveyance(): (typeof CONVEYANCES)[number] {
    let roll = this.random() * CONVEYANCE_TOTAL;
    for (const conveyance of CONVEYANCES) {
      roll -= conveyance.weight;
      if (roll < 0) return conveyance;
    }
    return CONVEYANCES[0];
  }

  private title(): string {
    const words = Array.from({ length: 4 + this.int(8) }, () => this.pick(TITLE_WORDS));
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  private daysBefore(date: string, days: number): string {
    return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  }

  private int(bound: number): number {
    return Math.floor(this.random() * bound);
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

function toProperty(patent: TrackedPatent): PropertySpec {
  const { owner: _owner, securedBy: _securedBy, ...property } = patent;
  return property;
}
