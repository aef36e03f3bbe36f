import { sql } from 'drizzle-orm';
import type { Tx } from '@patentrack/db';
import { arrayParam, numberCandidates } from '@patentrack/db/queries';

/** Checks patent numbers in any notation against the tenant's portfolio (product.md #26). */
export async function validatePatentNumbers(tx: Tx, input: { patentNumbers: string[] }) {
  const data = [];
  for (const patentNumber of input.patentNumbers) {
    const numbers = numberCandidates(patentNumber);
    const { rows } = numbers.length
      ? await tx.execute<{ id: string; status: string | null }>(sql`
          select a.id, (select t.display_status from asset_title_status t where t.organization_id = a.organization_id and t.asset_id = a.id
                         order by case t.status when 'broken' then 0 when 'divested' then 1 else 2 end limit 1) as status
            from assets a where a.organization_id = app_current_org() and a.deleted_at is null
             and (a.grant_doc_num = any(${arrayParam(numbers)}::varchar[]) or a.appno_doc_num = any(${arrayParam(numbers)}::varchar[])) limit 1`)
      : { rows: [] };
    const hit = rows[0];
    data.push({ patentNumber, found: Boolean(hit), status: hit?.status ?? null, assetId: hit?.id ?? null });
  }
  const totalFound = data.filter((d) => d.found).length;
  return { data, totalFound, totalNotFound: data.length - totalFound };
}
