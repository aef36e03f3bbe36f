import { describe, expect, it } from 'vitest';
import { ENVIRONMENT_MODES } from '@patentrack/shared';
import { featureOfPath, isReadOnlyMode, landingFor, navigationFor } from './navigation';

const hrefs = (mode: (typeof ENVIRONMENT_MODES)[number], role: 'member' | 'admin' = 'admin') =>
  navigationFor(mode, role).map((item) => item.href);

describe('navigation by environment mode (BR-061, product.md Part A)', () => {
  it('PRO shows everything and lands on Home', () => {
    expect(hrefs('PRO')).toContain('/settings/integrations');
    expect(hrefs('PRO')).toContain('/timeline');
    expect(landingFor('PRO')).toBe('/');
  });

  it('KPI hides only integrations', () => {
    expect(hrefs('KPI')).not.toContain('/settings/integrations');
    expect(hrefs('KPI')).toContain('/assets');
    expect(landingFor('KPI')).toBe('/');
  });

  it('DASHBOARD hides the asset list, search and integrations', () => {
    expect(hrefs('DASHBOARD')).not.toContain('/assets');
    expect(hrefs('DASHBOARD')).not.toContain('/search');
    expect(hrefs('DASHBOARD')).toContain('/broken-titles');
  });

  it('STANDARD and SAMPLE-1 land on the assets and hide Home metrics, trees, timeline and CPC', () => {
    for (const mode of ['STANDARD', 'SAMPLE-1'] as const) {
      expect(landingFor(mode)).toBe('/assets');
      expect(hrefs(mode)).not.toContain('/');
      expect(hrefs(mode)).not.toContain('/trees');
      expect(hrefs(mode)).not.toContain('/timeline');
      expect(hrefs(mode)).not.toContain('/cpc');
    }
  });

  it('the CPC cloud is an analysis view: shown in PRO, KPI and DASHBOARD, hidden in SAMPLE', () => {
    for (const mode of ['PRO', 'KPI', 'DASHBOARD'] as const) expect(hrefs(mode)).toContain('/cpc');
    expect(hrefs('SAMPLE')).not.toContain('/cpc');
    expect(featureOfPath('/cpc')).toBe('cpc');
  });

  it('sample modes are read-only, the others are not', () => {
    expect(ENVIRONMENT_MODES.filter(isReadOnlyMode)).toEqual(['SAMPLE', 'SAMPLE-1']);
  });

  it('members never see admin-only entries', () => {
    expect(hrefs('PRO', 'member')).not.toContain('/settings/integrations');
  });

  it('maps a path to the feature that owns it', () => {
    expect(featureOfPath('/')).toBe('home');
    expect(featureOfPath('/assets/123/diagram')).toBe('assets');
    expect(featureOfPath('/settings/integrations')).toBe('integrations');
    expect(featureOfPath('/settings/users')).toBe('settings');
    expect(featureOfPath('/unknown')).toBeNull();
  });
});
