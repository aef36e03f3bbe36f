export {
  createTestDatabase,
  ensureTestTemplate,
  maintainAsSuperuser,
  testAdminUrl,
  type TestDatabase,
} from './template';
