import type { EnvironmentMode, UserRole } from '@patentrack/shared';

export type Feature =
  | 'home'
  | 'assets'
  | 'brokenTitles'
  | 'trees'
  | 'timeline'
  | 'cpc'
  | 'events'
  | 'entities'
  | 'companies'
  | 'search'
  | 'settings'
  | 'integrations';

export interface NavItem {
  feature: Feature;
  href: string;
  label: string;
  adminOnly?: boolean;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { feature: 'home', href: '/', label: 'Home' },
  { feature: 'assets', href: '/assets', label: 'Assets' },
  { feature: 'brokenTitles', href: '/broken-titles', label: 'Broken titles' },
  { feature: 'trees', href: '/trees', label: 'Trees' },
  { feature: 'timeline', href: '/timeline', label: 'Timeline' },
  { feature: 'cpc', href: '/cpc', label: 'CPC' },
  { feature: 'events', href: '/events', label: 'Events' },
  { feature: 'entities', href: '/entities', label: 'Entities' },
  { feature: 'companies', href: '/companies', label: 'Companies' },
  { feature: 'search', href: '/search', label: 'Search' },
  { feature: 'settings', href: '/settings', label: 'Settings' },
  { feature: 'integrations', href: '/settings/integrations', label: 'Integrations', adminOnly: true },
];

/** What each environment mode hides (product.md Part A "Environment modes", BR-061); modes change navigation only. */
const HIDDEN_BY_MODE: Record<EnvironmentMode, readonly Feature[]> = {
  PRO: [],
  KPI: ['integrations'],
  DASHBOARD: ['assets', 'search', 'integrations'],
  STANDARD: ['home', 'trees', 'timeline', 'cpc', 'integrations'],
  'SAMPLE-1': ['home', 'trees', 'timeline', 'cpc', 'integrations'],
  // "A limited set of dashboards": the portfolio's title status stays, the analysis views go.
  SAMPLE: ['trees', 'timeline', 'cpc', 'events', 'integrations'],
};

export function isFeatureEnabled(mode: EnvironmentMode, feature: Feature): boolean {
  return !HIDDEN_BY_MODE[mode].includes(feature);
}

/** The sidebar of one user in one organisation's mode. */
export function navigationFor(mode: EnvironmentMode, role: UserRole): NavItem[] {
  return NAV_ITEMS.filter(
    (item) => isFeatureEnabled(mode, item.feature) && (!item.adminOnly || role !== 'member'),
  );
}

/** STANDARD and the sample modes land on the patent list; the others on Home. */
export function landingFor(mode: EnvironmentMode): string {
  return mode === 'STANDARD' || mode === 'SAMPLE' || mode === 'SAMPLE-1' ? '/assets' : '/';
}

/** Sample modes show demo data: every mutating action is disabled. */
export function isReadOnlyMode(mode: EnvironmentMode): boolean {
  return mode === 'SAMPLE' || mode === 'SAMPLE-1';
}

/** The feature a dashboard path belongs to, for redirecting routes a mode hides. */
export function featureOfPath(pathname: string): Feature | null {
  const match = [...NAV_ITEMS]
    .filter((item) => item.href !== '/')
    .sort((a, b) => b.href.length - a.href.length)
    .find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
  if (match) return match.feature;
  return pathname === '/' ? 'home' : null;
}
