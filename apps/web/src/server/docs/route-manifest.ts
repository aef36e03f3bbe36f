// The API's route modules, imported statically so the bundled server can document them without a file-system scan.
// route-manifest.test.ts fails when this list and the file-system route table disagree.
import * as route0 from '@/app/api/v1/admin/fix-items/route';
import * as route1 from '@/app/api/v1/admin/ingestion/freshness/route';
import * as route2 from '@/app/api/v1/admin/ingestion/jobs/[jobId]/retry/route';
import * as route3 from '@/app/api/v1/admin/ingestion/jobs/route';
import * as route4 from '@/app/api/v1/admin/ingestion/sources/[source]/run/route';
import * as route5 from '@/app/api/v1/admin/ingestion/status/route';
import * as approveOrgRoute from '@/app/api/v1/admin/organizations/[orgId]/approve/route';
import * as route6 from '@/app/api/v1/admin/organizations/[orgId]/data-quality/route';
import * as route7 from '@/app/api/v1/admin/organizations/[orgId]/rebuild-pipeline/route';
import * as route8 from '@/app/api/v1/admin/organizations/[orgId]/rebuild-tree/route';
import * as route9 from '@/app/api/v1/admin/organizations/[orgId]/route';
import * as route10 from '@/app/api/v1/admin/organizations/route';
import * as route11 from '@/app/api/v1/admin/queues/route';
import * as route12 from '@/app/api/v1/admin/transactions/route';
import * as route13 from '@/app/api/v1/assets/[assetId]/assignments/route';
import * as route14 from '@/app/api/v1/assets/[assetId]/citations/route';
import * as route15 from '@/app/api/v1/assets/[assetId]/cpc/route';
import * as route16 from '@/app/api/v1/assets/[assetId]/diagram/route';
import * as route17 from '@/app/api/v1/assets/[assetId]/family/route';
import * as route18 from '@/app/api/v1/assets/[assetId]/maintenance/route';
import * as route19 from '@/app/api/v1/assets/[assetId]/pdf/route';
import * as route20 from '@/app/api/v1/assets/[assetId]/route';
import * as route21 from '@/app/api/v1/assets/route';
import * as route22 from '@/app/api/v1/assets/search/route';
import * as route23 from '@/app/api/v1/assets/validate/route';
import * as route24 from '@/app/api/v1/assignments/[rfId]/route';
import * as route25 from '@/app/api/v1/auth/accept-invite/route';
import * as route26 from '@/app/api/v1/auth/forgot-password/route';
import * as route27 from '@/app/api/v1/auth/login/route';
import * as route28 from '@/app/api/v1/auth/logout/route';
import * as oauthGoogleRoute from '@/app/api/v1/auth/oauth/google/route';
import * as oauthMicrosoftRoute from '@/app/api/v1/auth/oauth/microsoft/route';
import * as route29 from '@/app/api/v1/auth/mfa/setup/route';
import * as route30 from '@/app/api/v1/auth/mfa/verify/route';
import * as route31 from '@/app/api/v1/auth/refresh/route';
import * as route32 from '@/app/api/v1/auth/register/route';
import * as route33 from '@/app/api/v1/auth/reset-password/route';
import * as route34 from '@/app/api/v1/auth/verify-email/resend/route';
import * as route35 from '@/app/api/v1/auth/verify-email/route';
import * as route36 from '@/app/api/v1/dashboards/broken-titles/route';
import * as route37 from '@/app/api/v1/dashboards/cpc-wordcloud/route';
import * as route38 from '@/app/api/v1/dashboards/summary/route';
import * as route39 from '@/app/api/v1/dashboards/timeline/route';
import * as route40 from '@/app/api/v1/dashboards/trees/[treeId]/route';
import * as route41 from '@/app/api/v1/dashboards/trees/route';
import * as route42 from '@/app/api/v1/docs/route';
import * as route43 from '@/app/api/v1/docs/ui/route';
import * as route44 from '@/app/api/v1/documents/[rfId]/route';
import * as route45 from '@/app/api/v1/events/assignments/route';
import * as integrationsRoute from '@/app/api/v1/integrations/route';
import * as slackConnectRoute from '@/app/api/v1/integrations/slack/connect/route';
import * as slackRoute from '@/app/api/v1/integrations/slack/route';
import * as slackNotifyRoute from '@/app/api/v1/integrations/slack/notify/route';
import * as driveConnectRoute from '@/app/api/v1/integrations/google-drive/connect/route';
import * as driveExportRoute from '@/app/api/v1/integrations/google-drive/export/route';
import * as driveRoute from '@/app/api/v1/integrations/google-drive/route';
import * as teamsConnectRoute from '@/app/api/v1/integrations/teams/connect/route';
import * as teamsRoute from '@/app/api/v1/integrations/teams/route';
import * as route70 from '@/app/api/v1/files/route';
import * as route46 from '@/app/api/v1/events/maintenance/route';
import * as route47 from '@/app/api/v1/events/route';
import * as route48 from '@/app/api/v1/events/stream/route';
import * as exportRoute from '@/app/api/v1/exports/route';
import * as exportStatusRoute from '@/app/api/v1/exports/[jobId]/route';
import * as route49 from '@/app/api/v1/me/password/route';
import * as route50 from '@/app/api/v1/me/route';
import * as companyLogoRoute from '@/app/api/v1/organizations/[orgId]/companies/[companyId]/logo/route';
import * as route51 from '@/app/api/v1/organizations/[orgId]/companies/[companyId]/route';
import * as route52 from '@/app/api/v1/organizations/[orgId]/companies/route';
import * as route53 from '@/app/api/v1/organizations/[orgId]/entities/[entityId]/route';
import * as route54 from '@/app/api/v1/organizations/[orgId]/entities/[entityId]/split/route';
import * as route55 from '@/app/api/v1/organizations/[orgId]/entities/merge/route';
import * as route56 from '@/app/api/v1/organizations/[orgId]/entities/normalize/[jobId]/route';
import * as route57 from '@/app/api/v1/organizations/[orgId]/entities/normalize/route';
import * as route58 from '@/app/api/v1/organizations/[orgId]/entities/route';
import * as route71 from '@/app/api/v1/organizations/[orgId]/logo/route';
import * as route59 from '@/app/api/v1/organizations/[orgId]/pipeline/route';
import * as route60 from '@/app/api/v1/organizations/[orgId]/route';
import * as route61 from '@/app/api/v1/organizations/[orgId]/users/[userId]/route';
import * as route62 from '@/app/api/v1/organizations/[orgId]/users/route';
import * as route63 from '@/app/api/v1/shared/[code]/assets/[assetId]/connections/route';
import * as route64 from '@/app/api/v1/shared/[code]/assets/[assetId]/diagram/route';
import * as route65 from '@/app/api/v1/shared/[code]/assets/route';
import * as route66 from '@/app/api/v1/shared/[code]/route';
import * as route67 from '@/app/api/v1/shares/[shareId]/access-log/route';
import * as route68 from '@/app/api/v1/shares/[shareId]/route';
import * as route69 from '@/app/api/v1/shares/route';

/** URL path (with `:name` parameters) and module of every route file under /api/v1. */
export const ROUTE_MODULES: readonly (readonly [string, Record<string, unknown>])[] = [
  ['/api/v1/admin/fix-items', route0],
  ['/api/v1/admin/ingestion/freshness', route1],
  ['/api/v1/admin/ingestion/jobs/:jobId/retry', route2],
  ['/api/v1/admin/ingestion/jobs', route3],
  ['/api/v1/admin/ingestion/sources/:source/run', route4],
  ['/api/v1/admin/ingestion/status', route5],
  ['/api/v1/admin/organizations/:orgId/approve', approveOrgRoute],
  ['/api/v1/admin/organizations/:orgId/data-quality', route6],
  ['/api/v1/admin/organizations/:orgId/rebuild-pipeline', route7],
  ['/api/v1/admin/organizations/:orgId/rebuild-tree', route8],
  ['/api/v1/admin/organizations/:orgId', route9],
  ['/api/v1/admin/organizations', route10],
  ['/api/v1/admin/queues', route11],
  ['/api/v1/admin/transactions', route12],
  ['/api/v1/assets/:assetId/assignments', route13],
  ['/api/v1/assets/:assetId/citations', route14],
  ['/api/v1/assets/:assetId/cpc', route15],
  ['/api/v1/assets/:assetId/diagram', route16],
  ['/api/v1/assets/:assetId/family', route17],
  ['/api/v1/assets/:assetId/maintenance', route18],
  ['/api/v1/assets/:assetId/pdf', route19],
  ['/api/v1/assets/:assetId', route20],
  ['/api/v1/assets', route21],
  ['/api/v1/assets/search', route22],
  ['/api/v1/assets/validate', route23],
  ['/api/v1/assignments/:rfId', route24],
  ['/api/v1/auth/accept-invite', route25],
  ['/api/v1/auth/forgot-password', route26],
  ['/api/v1/auth/login', route27],
  ['/api/v1/auth/logout', route28],
  ['/api/v1/auth/oauth/google', oauthGoogleRoute],
  ['/api/v1/auth/oauth/microsoft', oauthMicrosoftRoute],
  ['/api/v1/auth/mfa/setup', route29],
  ['/api/v1/auth/mfa/verify', route30],
  ['/api/v1/auth/refresh', route31],
  ['/api/v1/auth/register', route32],
  ['/api/v1/auth/reset-password', route33],
  ['/api/v1/auth/verify-email/resend', route34],
  ['/api/v1/auth/verify-email', route35],
  ['/api/v1/dashboards/broken-titles', route36],
  ['/api/v1/dashboards/cpc-wordcloud', route37],
  ['/api/v1/dashboards/summary', route38],
  ['/api/v1/dashboards/timeline', route39],
  ['/api/v1/dashboards/trees/:treeId', route40],
  ['/api/v1/dashboards/trees', route41],
  ['/api/v1/docs', route42],
  ['/api/v1/docs/ui', route43],
  ['/api/v1/documents/:rfId', route44],
  ['/api/v1/events/assignments', route45],
  ['/api/v1/events/maintenance', route46],
  ['/api/v1/events', route47],
  ['/api/v1/events/stream', route48],
  ['/api/v1/exports', exportRoute],
  ['/api/v1/exports/:jobId', exportStatusRoute],
  ['/api/v1/files', route70],
  ['/api/v1/integrations', integrationsRoute],
  ['/api/v1/integrations/google-drive/connect', driveConnectRoute],
  ['/api/v1/integrations/google-drive/export', driveExportRoute],
  ['/api/v1/integrations/google-drive', driveRoute],
  ['/api/v1/integrations/slack/connect', slackConnectRoute],
  ['/api/v1/integrations/slack/notify', slackNotifyRoute],
  ['/api/v1/integrations/slack', slackRoute],
  ['/api/v1/integrations/teams/connect', teamsConnectRoute],
  ['/api/v1/integrations/teams', teamsRoute],
  ['/api/v1/me/password', route49],
  ['/api/v1/me', route50],
  ['/api/v1/organizations/:orgId/companies/:companyId/logo', companyLogoRoute],
  ['/api/v1/organizations/:orgId/companies/:companyId', route51],
  ['/api/v1/organizations/:orgId/companies', route52],
  ['/api/v1/organizations/:orgId/entities/:entityId', route53],
  ['/api/v1/organizations/:orgId/entities/:entityId/split', route54],
  ['/api/v1/organizations/:orgId/entities/merge', route55],
  ['/api/v1/organizations/:orgId/entities/normalize/:jobId', route56],
  ['/api/v1/organizations/:orgId/entities/normalize', route57],
  ['/api/v1/organizations/:orgId/entities', route58],
  ['/api/v1/organizations/:orgId/logo', route71],
  ['/api/v1/organizations/:orgId/pipeline', route59],
  ['/api/v1/organizations/:orgId', route60],
  ['/api/v1/organizations/:orgId/users/:userId', route61],
  ['/api/v1/organizations/:orgId/users', route62],
  ['/api/v1/shared/:code/assets/:assetId/connections', route63],
  ['/api/v1/shared/:code/assets/:assetId/diagram', route64],
  ['/api/v1/shared/:code/assets', route65],
  ['/api/v1/shared/:code', route66],
  ['/api/v1/shares/:shareId/access-log', route67],
  ['/api/v1/shares/:shareId', route68],
  ['/api/v1/shares', route69],
];
