import { writeFileSync } from 'node:fs';
import { createTestApp } from '../support/test-app';
it('dumps', async () => {
  const t = await createTestApp();
  const res = await t.http.get('/docs-json');
  writeFileSync('/tmp/openapi/doc.json', JSON.stringify(res.body, null, 2));
  await t.close();
});
