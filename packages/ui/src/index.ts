export * from './diagram/format';
export * from './diagram/layout';
export * from './diagram/state';
export { OwnershipDiagram, defaultDocumentUrl, type OwnershipDiagramProps } from './diagram/OwnershipDiagram';
