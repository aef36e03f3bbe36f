import {
  CONVEYANCE_COLORS,
  DEFAULT_RULES_CONFIG,
  DIAGRAM_SEGMENTS,
  conveyanceTypeInfo,
  type BoxType,
  type ConveyanceCategory,
  type DiagramBox,
  type DiagramConnection,
  type DiagramJson,
  type DiagramPopup,
  type RulesConfig,
} from '@patentrack/shared';
import type { TitleAssessment } from '../title/assess-title';
import { isChainLink } from '../title/assess-title';
import {
  daysBetween,
  earliestExecDate,
  inTransactionOrder,
  isEmployeeTransaction,
  txDate,
} from '../title/order';
import { conveyanceColor } from '../tree/build-tree';
import type { AssetInput, TransactionInput } from '../types';
import { countryFlag } from './country';

/** Connection labels (§5.8): LicenseEnd and Correct use their category name. */
export type ConnectionLabel =
  'Ownership' | 'Name Change' | 'Security' | 'Release' | 'License' | 'LicenseEnd' | 'Correct';

export interface BuildDiagramInput {
  organizationId: string;
  asset: AssetInput;
  /** `T(a)` with parties, classification, correspondent and page counts. */
  transactions: readonly TransactionInput[];
  assessment: Pick<TitleAssessment, 'status' | 'displayStatus' | 'encumbered' | 'chainRfIds'>;
  /** Supplied by the caller so that equal inputs serialize to identical bytes. */
  generatedAt: string;
  config?: RulesConfig;
}

/** §5.8 (D-18) `general.logoUrl`: stable API path of an organization's logo; never a signed URL, so stored diagrams stay byte-identical. */
export function organizationLogoPath(organizationId: string): string {
  return `/api/v1/organizations/${encodeURIComponent(organizationId)}/logo`;
}

const LABELS: Record<ConveyanceCategory, ConnectionLabel> = {
  Ownership: 'Ownership',
  NameChange: 'Name Change',
  Security: 'Security',
  Release: 'Release',
  License: 'License',
  LicenseEnd: 'LicenseEnd',
  Correct: 'Correct',
};

const BOX_COLORS: Record<BoxType, string | null> = {
  Inventor: null,
  Ownership: CONVEYANCE_COLORS.ownership,
  Security: CONVEYANCE_COLORS.security,
  Licenses: CONVEYANCE_COLORS.license,
  '3rdParties': null,
};

/**
 * §5.8, BR-043 arrows (D-17, D-18, D-23): the ownership-diagram JSON of one asset — boxes per party key, one
 * connection per (assignor, assignee) pair of every transaction, one popup per transaction.
 * Deterministic: the same input gives byte-identical `JSON.stringify` output.
 */
export function buildDiagram(input: BuildDiagramInput): DiagramJson {
  const config = input.config ?? DEFAULT_RULES_CONFIG;
  const ordered = inTransactionOrder(input.transactions);
  const chainRfIds = new Set(input.assessment.chainRfIds);

  const inventorKeys = new Set<string>();
  const ownerKeys = new Set<string>();
  const bankKeys = new Set<string>();
  const licenseeKeys = new Set<string>();
  const flags = new Map<string, string>();
  for (const t of ordered) {
    if (isEmployeeTransaction(t)) for (const party of t.assignors) inventorKeys.add(party.key);
    if (isChainLink(t, config.chain.linkTypes)) for (const party of t.assignors) ownerKeys.add(party.key);
    if (chainRfIds.has(t.rfId)) for (const party of t.assignees) ownerKeys.add(party.key);
    if (t.conveyType === 'security') for (const party of t.assignees) bankKeys.add(party.key);
    if (t.conveyType === 'release') for (const party of t.assignors) bankKeys.add(party.key);
    if (t.conveyType === 'license' || t.conveyType === 'licenseend')
      for (const party of t.assignees) licenseeKeys.add(party.key);
    for (const party of t.assignees) {
      const flag = countryFlag(party.country);
      if (flag && !flags.has(party.key)) flags.set(party.key, flag);
    }
  }
  const classify = (key: string): Pick<DiagramBox, 'segment' | 'boxType'> => {
    if (inventorKeys.has(key)) return { segment: DIAGRAM_SEGMENTS.inventor, boxType: 'Inventor' };
    if (ownerKeys.has(key)) return { segment: DIAGRAM_SEGMENTS.owner, boxType: 'Ownership' };
    if (bankKeys.has(key)) return { segment: DIAGRAM_SEGMENTS.bank, boxType: 'Security' };
    return {
      segment: DIAGRAM_SEGMENTS.thirdParty,
      boxType: licenseeKeys.has(key) ? 'Licenses' : '3rdParties',
    };
  };

  const boxes: DiagramBox[] = [];
  const boxIdByKey = new Map<string, number>();
  const connections: DiagramConnection[] = [];
  const popups: DiagramPopup[] = [];
  ordered.forEach((t, index) => {
    const assignmentNo = index + 1;
    for (const party of [...t.assignors, ...t.assignees]) {
      if (boxIdByKey.has(party.key)) continue;
      const id = boxes.length + 1;
      const { segment, boxType } = classify(party.key);
      boxIdByKey.set(party.key, id);
      boxes.push({
        id,
        entityKey: party.key,
        name: party.name,
        segment,
        boxType,
        color: BOX_COLORS[boxType],
        date: txDate(t),
        flag: flags.get(party.key) ?? null,
        assignmentNo,
      });
    }
    const category: ConveyanceCategory = isEmployeeTransaction(t)
      ? 'Ownership'
      : (conveyanceTypeInfo(t.conveyType)?.category ?? 'Ownership');
    const execDate = earliestExecDate(t);
    const fromIds = [...new Set(t.assignors.map((party) => boxIdByKey.get(party.key)!))];
    const toIds = [...new Set(t.assignees.map((party) => boxIdByKey.get(party.key)!))];
    for (const from of fromIds) {
      for (const to of toIds) {
        connections.push({
          id: connections.length + 1,
          from,
          to,
          assignmentNo,
          category,
          label: LABELS[category],
          color: isEmployeeTransaction(t) ? CONVEYANCE_COLORS.ownership : conveyanceColor(t.conveyType),
          rfId: t.rfId,
          reelNo: t.reelNo,
          frameNo: t.frameNo,
          execDate,
          recordDate: t.recordDate,
          popup: index,
        });
      }
    }
    popups.push({
      rfId: t.rfId,
      reelNo: t.reelNo,
      frameNo: t.frameNo,
      conveyanceText: t.conveyText ?? null,
      conveyanceType: t.conveyType,
      assignors: t.assignors.map((party) => party.originalName ?? party.name),
      assignees: t.assignees.map((party) => party.originalName ?? party.name),
      execDate,
      recordDate: t.recordDate,
      mailDate: null,
      pageCount: t.pageCount ?? null,
      correspondent: { name: t.correspondent?.name ?? null, address: [...(t.correspondent?.address ?? [])] },
      daysExecToRecord: daysBetween(txDate(t), t.recordDate),
    });
  });

  return {
    general: {
      application: input.asset.appnoDocNum,
      patent: input.asset.grantDocNum,
      title: input.asset.title ?? null,
      appnoDate: input.asset.appnoDate,
      grantDate: input.asset.grantDate ?? null,
      logoUrl: organizationLogoPath(input.organizationId),
      status: input.assessment.status,
      displayStatus: input.assessment.displayStatus,
      encumbered: input.assessment.encumbered,
      generatedAt: input.generatedAt,
    },
    boxes,
    connections,
    popups,
  };
}
