/**
 * Business-rules benchmark (prints figures; not a test).
 *   groupNames over 100,000 generated company names (suffix changes, typos, punctuation) — target ≤ 10 s
 *   assessTitle over 100,000 assets × 5 transactions — target ≤ 2 s
 */
import { performance } from 'node:perf_hooks';
import { seededRandom } from '@patentrack/shared';
import {
  assessTitle,
  groupNames,
  normalizeName,
  type NameGroupItem,
  type TransactionInput,
} from '@patentrack/business-rules';
import { tx } from '../packages/business-rules/src/testing/transactions';

const NAME_COUNT = 100_000;
const ASSET_COUNT = 100_000;

const random = seededRandom(20240601);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const LEADS = [
  'Acme',
  'Global',
  'Advanced',
  'United',
  'Pacific',
  'Nova',
  'Apex',
  'Summit',
  'Quantum',
  'Vertex',
  'Blue',
  'Red',
  'Silver',
  'Golden',
  'Northern',
  'Southern',
  'Eastern',
  'Western',
  'Atlantic',
  'Alpine',
  'Delta',
  'Sigma',
  'Omega',
  'Prime',
  'Fusion',
  'Orion',
  'Helix',
  'Titan',
  'Zenith',
  'Crescent',
  'Evergreen',
  'Harbor',
  'Liberty',
  'Pioneer',
  'Sterling',
  'Summit',
  'Phoenix',
  'Cobalt',
  'Granite',
  'Meridian',
  'Nippon',
  'Tokyo',
  'Osaka',
  'Siemens',
  'Bayer',
  'Hanwha',
  'Samsung',
  'Lucent',
  'Kyoto',
  'Rhein',
  'Nordic',
  'Baltic',
  'Iberia',
  'Andes',
  'Sahara',
  'Boreal',
  'Cascade',
  'Keystone',
  'Lakeside',
  'Riverside',
];
const MIDDLES = [
  'Micro',
  'Semiconductor',
  'Systems',
  'Technologies',
  'Networks',
  'Medical',
  'Pharma',
  'Devices',
  'Energy',
  'Robotics',
  'Optics',
  'Materials',
  'Chemical',
  'Electric',
  'Electronics',
  'Software',
  'Biotech',
  'Instruments',
  'Motors',
  'Aerospace',
  'Photonics',
  'Wireless',
  'Labs',
  'Dynamics',
  'Analytics',
  'Genomics',
  'Solar',
  'Polymers',
  'Foods',
  'Industries',
  'Holdings',
  'Research',
  'Imaging',
  'Sensors',
  'Controls',
  'Logistics',
  'Textiles',
  'Plastics',
  'Machines',
  'Circuits',
  'Display',
  'Storage',
  'Memory',
  'Vision',
  'Audio',
  'Power',
  'Battery',
  'Fiber',
  'Laser',
  'Nano',
  'Cloud',
  'Data',
  'Security',
  'Health',
  'Diagnostics',
  'Therapeutics',
  'Vaccines',
  'Agro',
  'Marine',
  'Auto',
];
const THIRDS = [
  'International',
  'America',
  'Europe',
  'Asia',
  'Group',
  'Worldwide',
  'Partners',
  'Enterprises',
  'Solutions',
  'Ventures',
];
const SUFFIXES = [
  'Inc',
  'Corp',
  'Llc',
  'Ltd',
  'Co',
  'Gmbh',
  'Ag',
  'Kabushiki Kaisha',
  'Plc',
  'Sa',
  'Bv',
  'Co., Ltd.',
  'Inc.',
  'Corporation',
  'Limited',
  'Incorporated',
  'Company',
];

function typo(name: string): string {
  const i = 1 + Math.floor(random() * (name.length - 2));
  const letter = String.fromCharCode(97 + Math.floor(random() * 26));
  switch (Math.floor(random() * 4)) {
    case 0:
      return name.slice(0, i) + letter + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + name.slice(i + 1);
    case 2:
      return name.slice(0, i) + letter + name.slice(i);
    default:
      return name.slice(0, i - 1) + name[i] + name[i - 1] + name.slice(i + 1);
  }
}

function variant(base: string, suffix: string): string {
  switch (Math.floor(random() * 5)) {
    case 0:
      return `${base} ${pick(SUFFIXES)}`;
    case 1:
      return typo(`${base} ${suffix}`);
    case 2:
      return `${base.replace(' ', pick(['-', ', ', ' & ', '  ']))} ${suffix}`;
    case 3:
      return `${base}, ${suffix}.`;
    default:
      return `${base.toUpperCase()} ${suffix}`;
  }
}

function generateCompanyNames(count: number): NameGroupItem[] {
  const items: NameGroupItem[] = [];
  const seen = new Set<string>();
  while (items.length < count) {
    const base = [pick(LEADS), pick(MIDDLES), ...(random() < 0.3 ? [pick(THIRDS)] : [])].join(' ');
    const suffix = pick(SUFFIXES);
    const variants = 1 + Math.floor(random() * 6);
    for (let v = 0; v < variants && items.length < count; v++) {
      const name = normalizeName(v === 0 ? `${base} ${suffix}` : variant(base, suffix));
      if (seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      const instances = v === 0 ? 50 + Math.floor(random() * 5000) : 1 + Math.floor(random() * 40);
      items.push({ entityId: `e${items.length}`, name, instances });
    }
  }
  return items;
}

function generateAssets(count: number): TransactionInput[][] {
  const assets: TransactionInput[][] = [];
  for (let a = 0; a < count; a++) {
    const owners = [`P${a}`, `Q${a % 997}`, `R${a % 113}`, 'BETA'];
    const rf = (n: number) => `${String(a).padStart(6, '0')}-${String(n).padStart(4, '0')}`;
    const transactions = [
      tx(rf(1), '2005-01-01', 'employee', `INVENTOR ${a}`, owners[0]!),
      tx(rf(2), '2007-01-01', 'assignment', owners[0]!, owners[1]!),
      tx(
        rf(3),
        '2009-01-01',
        random() < 0.1 ? 'merger' : 'assignment',
        random() < 0.05 ? 'STRANGER' : owners[1]!,
        owners[2]!,
      ),
      tx(rf(4), '2011-01-01', 'assignment', owners[2]!, owners[3]!),
      tx(rf(5), '2013-01-01', 'security', 'BETA', random() < 0.5 ? 'FIRST BANK' : 'SECOND BANK'),
    ];
    assets.push(random() < 0.5 ? transactions.reverse() : transactions);
  }
  return assets;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Wall and CPU time of `run`; CPU time shows the cost when other processes share the machine. */
function measure<T>(run: () => T): { result: T; wall: string } {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  const result = run();
  const cpu = process.cpuUsage(cpuStart);
  return {
    result,
    wall: `${seconds(performance.now() - wallStart)} (cpu ${seconds((cpu.user + cpu.system) / 1000)})`,
  };
}
const peakRssMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

const names = generateCompanyNames(NAME_COUNT);
const grouping = measure(() => groupNames(names));
const groups = grouping.result;
const multiMember = groups.filter((group) => group.members.length > 1).length;
process.stdout.write(
  `groupNames: ${names.length} names → ${groups.length} groups (${multiMember} with variants) in ${grouping.wall}; target ≤ 10 s\n`,
);

const assets = generateAssets(ASSET_COUNT);
const beta = { partyKeys: ['BETA'] };
const verdicts = new Map<string, number>();
const titles = measure(() => {
  for (const transactions of assets) {
    const { displayStatus } = assessTitle({ transactions, company: beta });
    verdicts.set(displayStatus, (verdicts.get(displayStatus) ?? 0) + 1);
  }
});
process.stdout.write(
  `assessTitle: ${assets.length} assets × 5 transactions in ${titles.wall}; target ≤ 2 s; ${JSON.stringify(Object.fromEntries(verdicts))}\n`,
);
process.stdout.write(`peak RSS: ${peakRssMb()} MB\n`);
