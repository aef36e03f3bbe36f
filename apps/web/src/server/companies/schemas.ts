import { z } from 'zod';
import { dataOf, pageOf, pageQuery, text } from '../listing/schemas';

export const companiesQuery = pageQuery({ search: text(200).optional() });
export const companySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  logoUrl: z.string().nullable(),
  assetCount: z.number().int(),
  entityId: z.uuid().nullable(),
  enrichmentStatus: z.string(),
  createdAt: z.string(),
});
export const pagedCompanies = pageOf(companySchema);

export const addCompanyBody = z.object({
  name: text(500),
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .max(255)
    .regex(/^(?=.{1,255}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Not a domain name')
    .optional(),
});
export const companyCreatedSchema = dataOf(
  z.object({
    id: z.uuid(),
    enrichmentJobId: z.string().describe('The `enrich:company` job that looks up its domain and logo.'),
    pipelineJobId: z.string(),
  }),
);
export const companyParams = z.object({ orgId: z.uuid(), companyId: z.uuid() });
