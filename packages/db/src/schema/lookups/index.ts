export * from './conveyance-types';
export * from './tree-types';
export * from './dashboard-item-types';
export * from './activity-codes';
export * from './maintenance-fee-event-codes';
