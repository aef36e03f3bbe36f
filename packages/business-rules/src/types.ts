import type { ConveyType } from '@patentrack/shared';

/** ISO calendar date `YYYY-MM-DD` (compares correctly as a string). */
export type IsoDate = string;

/** One party row of a transaction, already resolved to its entity. */
export interface PartyInput {
  /** `pk(p)`: representative id if set, else entity id (business-rules §0.1). */
  key: string;
  /** Representative name, else entity name (what the tree and diagram display). */
  name: string;
  /** Entity id of the row; defaults to `key` where an entity id is needed. */
  entityId?: string;
  /** The name exactly as recorded on the transaction (`or_name` / `ee_name`). */
  originalName?: string;
}

export interface AssignorInput extends PartyInput {
  execDate: IsoDate | null;
}

export interface AssigneeInput extends PartyInput {
  /** `ee_country` as recorded: an ISO alpha-2 code or an English country name. */
  country?: string | null;
}

/** A document row of a transaction (`document_ids`), with the application date when known. */
export interface DocumentInput {
  appnoDocNum: string | null;
  grantDocNum: string | null;
  appnoDate?: IsoDate | null;
}

/** One recorded assignment with its effective classification (`assignment_conveyances`). */
export interface TransactionInput {
  rfId: string;
  reelNo: number;
  frameNo: number;
  conveyText?: string | null;
  recordDate: IsoDate | null;
  conveyType: ConveyType;
  employerAssign: boolean;
  /** Assignors in recorded order. */
  assignors: readonly AssignorInput[];
  /** Assignees in recorded order. */
  assignees: readonly AssigneeInput[];
  /** The security a release names; parsed from `conveyText` when absent. */
  releaseRfId?: string | null;
  documents?: readonly DocumentInput[];
  correspondent?: { name: string | null; address: readonly string[] } | null;
  pageCount?: number | null;
}

/** The tracked company `c`: its party keys `K(c)` and normalized names for the name fallback. */
export interface CompanyInput {
  companyId?: string | null;
  /** `K(c)`: party keys of the company and its children. */
  partyKeys: readonly string[];
  /** Names used when a party's key is not in `K(c)` (compared after `normalizeName`, case-insensitive). */
  names?: readonly string[];
}

/** An asset (patent or application) of a company. */
export interface AssetInput {
  assetId: string;
  appnoDocNum: string | null;
  grantDocNum: string | null;
  appnoDate: IsoDate | null;
  grantDate?: IsoDate | null;
  layoutId: number | null;
  title?: string | null;
}
