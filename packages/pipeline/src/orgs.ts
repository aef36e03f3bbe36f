import { nameKey } from '@patentrack/business-rules';
import { z } from 'zod';
import { AppError } from '@patentrack/shared';
import { sqlState, UNIQUE_VIOLATION, type Pool } from './db';

export const createOrganizationInput = z.object({
  name: z.string().trim().min(1).max(255),
  companies: z.array(z.string().trim().min(1).max(500)).min(1),
});
export type CreateOrganizationInput = z.input<typeof createOrganizationInput>;

export interface CreatedOrganization {
  id: string;
  name: string;
  slug: string;
  companies: { id: string; name: string; representativeId: string | null }[];
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100) || 'org';

/**
 * Creates an active organization with its configuration row and tracked companies. A company is linked to
 * the representative of an entity with its name when one exists, so its whole name group counts as `K(c)`.
 */
export async function createOrganization(
  pool: Pool,
  input: CreateOrganizationInput,
): Promise<CreatedOrganization> {
  const { name, companies } = createOrganizationInput.parse(input);
  const client = await pool.connect();
  try {
    await client.query('begin');
    const slug = slugOf(name);
    const { rows } = await client.query<{ id: string }>(
      `insert into organizations (name, slug, status) values ($1, $2, 'active') returning id`,
      [name, slug],
    );
    const orgId = rows[0]!.id;
    await client.query(`select set_config('app.current_org_id', $1, true)`, [orgId]);
    await client.query(`insert into customer_configurations (organization_id) values ($1)`, [orgId]);
    const created: CreatedOrganization['companies'] = [];
    for (const companyName of [...new Set(companies)]) {
      const key = nameKey(companyName);
      const { rows: inserted } = await client.query<{ id: string; representative_id: string | null }>(
        `insert into companies (organization_id, name, original_name, name_key, representative_id)
         values ($1, $2::varchar, $2::varchar, $3::varchar, (select e.representative_id from entities e
                                    where e.name_key in ($3::varchar, lower(regexp_replace(btrim($2::varchar), '\\s+', ' ', 'g')))
                                      and e.representative_id is not null
                                    order by e.instances desc, e.id limit 1))
         returning id, representative_id`,
        [orgId, companyName, key],
      );
      created.push({
        id: inserted[0]!.id,
        name: companyName,
        representativeId: inserted[0]!.representative_id,
      });
    }
    await client.query('commit');
    return { id: orgId, name, slug, companies: created };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    if (sqlState(error) === UNIQUE_VIOLATION)
      throw new AppError('CONFLICT', `an organization named "${name}" already exists`);
    throw error;
  } finally {
    client.release();
  }
}

/** The organization with this name, if any (seeding is idempotent through it). */
export async function findOrganizationByName(pool: Pool, name: string): Promise<{ id: string } | null> {
  const { rows } = await pool.query<{ id: string }>(
    `select id from organizations where lower(name) = lower($1) and deleted_at is null`,
    [name],
  );
  return rows[0] ?? null;
}
