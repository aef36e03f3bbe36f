import { z } from 'zod';
import { ASSET_SORTS, ASSET_STATUS_FILTERS, SEARCH_FIELDS } from '@patentrack/db/queries';
import { CONVEY_TYPES } from '@patentrack/shared';
import { isoDate, nullableDate, pageOf, pageQuery, text, dataOf } from '../listing/schemas';

export const assetParams = z.object({ assetId: z.uuid() });

export const assetListQuery = pageQuery({
  search: text(200).optional(),
  status: z.enum(ASSET_STATUS_FILTERS).optional(),
  entityId: z.uuid().optional(),
  cpcCode: z
    .string()
    .trim()
    .regex(/^[A-Z][0-9A-Z/ ]{0,18}$/i, 'Not a CPC code')
    .transform((c) => c.toUpperCase())
    .optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  conveyanceType: z.enum(CONVEY_TYPES).optional(),
  sort: z.enum(ASSET_SORTS).optional(),
});

export const assetListItemSchema = z.object({
  id: z.uuid(),
  grantNumber: z.string().nullable(),
  applicationNumber: z.string().nullable(),
  title: z.string().nullable(),
  currentAssignee: z.string().nullable(),
  status: z.string().nullable(),
  assignmentCount: z.number().int(),
  lastActivity: nullableDate,
  applicationDate: nullableDate,
  grantDate: nullableDate,
});

export const assetSearchQuery = pageQuery({
  q: text(200),
  fields: z
    .string()
    .max(200)
    .transform((list) =>
      list
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(SEARCH_FIELDS)).min(1))
    .optional(),
});

export const searchResultSchema = z.object({
  id: z.uuid(),
  numbers: z.object({ grant: z.string().nullable(), application: z.string().nullable() }),
  title: z.string().nullable(),
  matchField: z.enum(SEARCH_FIELDS),
  matchSnippet: z.string().nullable(),
  score: z.number(),
});

const cpcEntry = z.object({
  code: z.string(),
  level: z.number().int().nullable(),
  description: z.string().nullable(),
  parentCode: z.string().nullable(),
  first: z.boolean(),
});

export const assetDetailSchema = dataOf(
  z.object({
    id: z.uuid(),
    grantNumber: z.string().nullable(),
    applicationNumber: z.string().nullable(),
    publicationNumber: z.string().nullable(),
    title: z.string().nullable(),
    abstract: z.string().nullable().describe('Not carried by the bibliographic feeds yet; always null.'),
    applicationType: z.string().nullable(),
    applicationDate: nullableDate,
    publicationDate: nullableDate,
    grantDate: nullableDate,
    grantKind: z.string().nullable(),
    claimsCount: z.number().int().nullable(),
    maintenanceStatus: z.string(),
    status: z.string().nullable(),
    currentAssignee: z.string().nullable(),
    titleStatus: z.array(
      z.object({
        companyId: z.uuid(),
        companyName: z.string(),
        status: z.string(),
        displayStatus: z.string(),
        reason: z.string().nullable(),
        breakRfId: z.string().nullable(),
        encumbered: z.boolean(),
      }),
    ),
    inventors: z.array(
      z.object({
        name: z.string(),
        city: z.string().nullable(),
        state: z.string().nullable(),
        country: z.string().nullable(),
      }),
    ),
    cpc: z.array(cpcEntry),
    counts: z.object({
      transactions: z.number().int(),
      maintenanceEvents: z.number().int(),
      cpcCodes: z.number().int(),
    }),
    lastActivity: nullableDate,
  }),
);

export const assignmentsQuery = pageQuery({ conveyanceType: z.enum(CONVEY_TYPES).optional() });

const party = z.object({ name: z.string(), entityId: z.uuid() });
export const assignmentItemSchema = z.object({
  rfId: z.string(),
  conveyanceType: z.string().nullable(),
  conveyanceLabel: z.string().nullable(),
  color: z.string().nullable(),
  conveyanceText: z.string().nullable(),
  employerAssignment: z.boolean(),
  recordDate: nullableDate,
  executionDate: nullableDate,
  documentAvailable: z.boolean(),
  assignors: z.array(party.extend({ executionDate: nullableDate })),
  assignees: z.array(party),
});

export const familySchema = dataOf(
  z.array(
    z.object({
      familyId: z.string(),
      country: z.string(),
      publicationNumber: z.string(),
      kind: z.string(),
      applicationNumber: z.string().nullable(),
      assetId: z.uuid().nullable(),
    }),
  ),
).describe('EPO family members; empty until the EPO family sweep has looked the patent up.');

export const cpcSchema = dataOf(z.array(cpcEntry)).describe(
  'Empty until the CPC master-classification feed has been loaded.',
);

export const maintenanceSchema = dataOf(
  z.array(
    z.object({
      eventCode: z.string(),
      eventDate: z.string(),
      description: z.string().nullable(),
      feeWindow: z.enum(['3.5', '7.5', '11.5']).nullable(),
      status: z.enum(['paid', 'due', 'surcharge', 'expired', 'other']),
    }),
  ),
).describe(
  'Maintenance-fee events of the granted patent; empty until the maintenance-fee feed has been loaded.',
);

export const citationsQuery = z.object({ dir: z.enum(['cites', 'citedBy']).optional() });
export const citationsSchema = z
  .object({
    data: z.array(
      z.object({
        number: z.string(),
        title: z.string().nullable(),
        assignee: z.string().nullable(),
        direction: z.enum(['cites', 'citedBy']),
      }),
    ),
    totalCites: z.number().int(),
    totalCitedBy: z.number().int(),
  })
  .describe('No citation source is ingested yet: always the empty shape with zero totals.');

export const validateBody = z.object({ patentNumbers: z.array(text(40)).min(1).max(100) });
export const validateSchema = z.object({
  data: z.array(
    z.object({
      patentNumber: z.string(),
      found: z.boolean(),
      status: z.string().nullable(),
      assetId: z.uuid().nullable(),
    }),
  ),
  totalFound: z.number().int(),
  totalNotFound: z.number().int(),
});

export const pagedAssets = pageOf(assetListItemSchema);
export const pagedSearch = pageOf(searchResultSchema);
export const pagedAssignments = pageOf(assignmentItemSchema);

/** A reel/frame id as recorded (`012345-0678`). */
export const rfIdSchema = z.string().regex(/^\d{1,6}-\d{1,4}$/, 'Expected a reel/frame id like 012345-0678');
export const documentQuery = z.object({ rfId: rfIdSchema });
export const documentLinkSchema = dataOf(z.object({ url: z.string(), expiresAt: z.string() }));
export const documentParams = z.object({ rfId: rfIdSchema });
export const signedDocumentQuery = z.object({
  expires: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 40)
    .optional(),
  signature: z
    .string()
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional(),
});

const panelParty = z.object({ name: z.string(), entityId: z.uuid() });
export const transactionPanelSchema = dataOf(
  z.object({
    rfId: z.string(),
    reelNo: z.number().int(),
    frameNo: z.number().int(),
    conveyanceType: z.string(),
    conveyanceLabel: z.string().nullable(),
    conveyanceText: z.string().nullable(),
    employerAssignment: z.boolean(),
    category: z.string().nullable(),
    color: z.string().nullable(),
    recordDate: z.string().nullable(),
    executionDate: z.string().nullable(),
    correspondent: z.object({ name: z.string(), address: z.string().nullable() }).nullable(),
    pageCount: z.number().int().nullable(),
    documentAvailable: z.boolean(),
    assignors: z.array(panelParty.extend({ executionDate: z.string().nullable() })),
    assignees: z.array(panelParty),
    assets: z.array(
      z.object({
        id: z.uuid(),
        grantNumber: z.string().nullable(),
        applicationNumber: z.string().nullable(),
      }),
    ),
  }),
);
