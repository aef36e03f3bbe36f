import type { ConveyType } from '@patentrack/shared';

export interface ClassificationCase {
  brId: string;
  text: string | null;
  conveyType: ConveyType;
  employerAssign: boolean;
}

/** Every example and edge case of business-rules §1 (BR-001…BR-010, BR-012). */
export const CLASSIFICATION_CASES: readonly ClassificationCase[] = [
  {
    brId: 'BR-001',
    text: 'CORRECTIVE ASSIGNMENT TO CORRECT THE ASSIGNEE NAME PREVIOUSLY RECORDED',
    conveyType: 'correct',
    employerAssign: false,
  },
  { brId: 'BR-001', text: 'INCORRECT ASSIGNEE', conveyType: 'correct', employerAssign: false },
  { brId: 'BR-001', text: 'RE-RECORD TO ADD ASSIGNOR', conveyType: 'correct', employerAssign: false },
  { brId: 'BR-002', text: 'EMPLOYMENT AGREEMENT', conveyType: 'employee', employerAssign: true },
  { brId: 'BR-002', text: 'EMPLOYEE CONFIRMATORY ASSIGNMENT', conveyType: 'employee', employerAssign: true },
  { brId: 'BR-003', text: 'CONFIRMATORY LICENSE', conveyType: 'govern', employerAssign: false },
  { brId: 'BR-003', text: 'CONFIRMATORY ASSIGNMENT', conveyType: 'govern', employerAssign: false },
  { brId: 'BR-004', text: 'MERGER AND CHANGE OF NAME', conveyType: 'merger', employerAssign: false },
  { brId: 'BR-004', text: 'CERTIFICATE OF MERGER', conveyType: 'merger', employerAssign: false },
  { brId: 'BR-005', text: 'CHANGE OF ADDRESS', conveyType: 'namechg', employerAssign: false },
  { brId: 'BR-005', text: 'CHANGE OF NAME', conveyType: 'namechg', employerAssign: false },
  { brId: 'BR-005', text: 'NAME CHANGE', conveyType: 'missing', employerAssign: false },
  { brId: 'BR-006', text: 'LETTERS OF TESTAMENTARY', conveyType: 'license', employerAssign: false },
  { brId: 'BR-006', text: 'LICENCE AGREEMENT', conveyType: 'missing', employerAssign: false },
  { brId: 'BR-006', text: 'LICENSE TERMINATION', conveyType: 'license', employerAssign: false },
  { brId: 'BR-007', text: 'RELEASE BY SECURED PARTY', conveyType: 'release', employerAssign: false },
  { brId: 'BR-007', text: 'SECURITY INTEREST RELEASE', conveyType: 'release', employerAssign: false },
  { brId: 'BR-008', text: 'PATENT MORTGAGE', conveyType: 'security', employerAssign: false },
  { brId: 'BR-008', text: 'ASSIGNMENT OF SECURITY INTEREST', conveyType: 'security', employerAssign: false },
  { brId: 'BR-008', text: 'SECURITY AGREEMENT', conveyType: 'security', employerAssign: false },
  {
    brId: 'BR-009',
    text: 'ASSIGNMENT OF ASSIGNORS INTEREST (SEE DOCUMENT FOR DETAILS).',
    conveyType: 'assignment',
    employerAssign: false,
  },
  { brId: 'BR-009', text: 'NUNC PRO TUNC ASSIGNMENT', conveyType: 'assignment', employerAssign: false },
  { brId: 'BR-009', text: 'ASSIGNS THE ENTIRE INTEREST', conveyType: 'missing', employerAssign: false },
  { brId: 'BR-010', text: 'DECREE OF DISTRIBUTION', conveyType: 'missing', employerAssign: false },
  { brId: 'BR-010', text: '', conveyType: 'missing', employerAssign: false },
  { brId: 'BR-010', text: null, conveyType: 'missing', employerAssign: false },
  {
    brId: 'BR-012',
    text: 'RELEASE AND REASSIGNMENT OF SECURITY INTEREST',
    conveyType: 'release',
    employerAssign: false,
  },
  { brId: 'BR-012', text: 'CORRECTIVE MERGER', conveyType: 'correct', employerAssign: false },
];
