import { IngestionStatus } from './IngestionStatus';

export const metadata = { title: 'Ingestion' };

export default function IngestionPage() {
  return <IngestionStatus />;
}
