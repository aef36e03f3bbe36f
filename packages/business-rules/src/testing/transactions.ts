import type { ConveyType } from '@patentrack/shared';
import type { AssigneeInput, AssignorInput, CompanyInput, DocumentInput, TransactionInput } from '../types';

/** Test and benchmark builders: a party's key, entity id and name are all its (upper-case) name. */
const toList = (names: string | readonly string[]): readonly string[] =>
  typeof names === 'string' ? [names] : names;

/** Reel and frame from a short spec id such as `100-1` or a canonical `048811-0679`. */
function reelFrame(rfId: string): { reelNo: number; frameNo: number } {
  const [reel, frame] = rfId.split('-');
  return { reelNo: Number(reel), frameNo: Number(frame ?? 0) };
}

export interface TransactionOptions extends Partial<Omit<TransactionInput, 'assignors' | 'assignees'>> {
  recordDate?: string | null;
  assigneeCountry?: string | null;
  documents?: readonly DocumentInput[];
}

/** A transaction executed (and, unless given, recorded) on `date`, as in the spec's worked examples. */
export function tx(
  rfId: string,
  date: string | null,
  conveyType: ConveyType,
  assignors: string | readonly string[],
  assignees: string | readonly string[],
  options: TransactionOptions = {},
): TransactionInput {
  const { assigneeCountry, ...rest } = options;
  return {
    rfId,
    ...reelFrame(rfId),
    conveyText: null,
    recordDate: date,
    conveyType,
    employerAssign: conveyType === 'employee',
    assignors: toList(assignors).map((name): AssignorInput => ({
      key: name,
      entityId: name,
      name,
      execDate: date,
    })),
    assignees: toList(assignees).map((name): AssigneeInput => ({
      key: name,
      entityId: name,
      name,
      country: assigneeCountry ?? null,
    })),
    ...rest,
  };
}

export function company(...names: string[]): CompanyInput {
  return { companyId: names[0] ?? null, partyKeys: names };
}
