import type { ConveyanceSource, ConveyType } from '@patentrack/shared';

export interface ClassificationRule {
  brId: string;
  keywords: readonly string[];
  conveyType: ConveyType;
}

/** BR-001…BR-009 in BR-012 priority order: the first row with a contained keyword wins. */
export const CLASSIFICATION_RULES: readonly ClassificationRule[] = [
  { brId: 'BR-001', keywords: ['correct', 're-record'], conveyType: 'correct' },
  { brId: 'BR-002', keywords: ['employee', 'employment'], conveyType: 'employee' },
  { brId: 'BR-003', keywords: ['confirmator'], conveyType: 'govern' },
  { brId: 'BR-004', keywords: ['merger'], conveyType: 'merger' },
  { brId: 'BR-005', keywords: ['change of name', 'change of address'], conveyType: 'namechg' },
  { brId: 'BR-006', keywords: ['license', 'letters of testamentary'], conveyType: 'license' },
  { brId: 'BR-007', keywords: ['release'], conveyType: 'release' },
  { brId: 'BR-008', keywords: ['security', 'mortgage'], conveyType: 'security' },
  { brId: 'BR-009', keywords: ['assignment'], conveyType: 'assignment' },
];

export interface TextClassification {
  conveyType: ConveyType;
  employerAssign: boolean;
  matchedKeyword: string | null;
}

/** BR-001…BR-010, BR-012: keyword classification by plain, case-insensitive substring containment. */
export function classifyText(text: string | null): TextClassification {
  const lower = (text ?? '').toLowerCase();
  if (lower.length > 0) {
    for (const rule of CLASSIFICATION_RULES) {
      const matchedKeyword = rule.keywords.find((keyword) => lower.includes(keyword));
      if (matchedKeyword !== undefined) {
        return {
          conveyType: rule.conveyType,
          employerAssign: rule.conveyType === 'employee',
          matchedKeyword,
        };
      }
    }
  }
  return { conveyType: 'missing', employerAssign: false, matchedKeyword: null };
}

export interface ConveyanceOverride {
  conveyType: ConveyType;
  employerAssign: boolean;
}

/** One `assignment_conveyances` row as computed by the classify and flag steps. */
export interface ConveyanceClassification {
  rfId: string;
  keywordConveyType: ConveyType | null;
  conveyType: ConveyType;
  employerAssign: boolean;
  source: ConveyanceSource;
  matchedKeyword: string | null;
  /** BR-023 audit: the inventor and assignor names that matched. */
  matchedNames: string[] | null;
}

/** BR-011 (override beats text) over BR-001…BR-012: the classify step's row for one transaction. */
export function classifyConveyance(
  rfId: string,
  conveyText: string | null,
  override?: ConveyanceOverride | null,
): ConveyanceClassification {
  const keyword = classifyText(conveyText);
  if (override) {
    return {
      rfId,
      keywordConveyType: keyword.conveyType,
      conveyType: override.conveyType,
      employerAssign: override.employerAssign,
      source: 'override',
      matchedKeyword: null,
      matchedNames: null,
    };
  }
  return {
    rfId,
    keywordConveyType: keyword.conveyType,
    conveyType: keyword.conveyType,
    employerAssign: keyword.employerAssign,
    source: 'keyword',
    matchedKeyword: keyword.matchedKeyword,
    matchedNames: null,
  };
}
