import { takeViolations } from './openapi-contract';

/**
 * Fails the test during which a response broke the OpenAPI document (see openapi-contract.ts).
 * Responses still in flight when a test ends are reported by the next test, or by afterAll.
 */
function failOnViolations(): void {
  const found = takeViolations();
  if (found.length === 0) return;
  const unique = [...new Set(found)];
  throw new Error(
    `${unique.length} response(s) do not conform to /docs-json:\n  - ${unique.slice(0, 20).join('\n  - ')}` +
      (unique.length > 20 ? `\n  … and ${unique.length - 20} more` : '') +
      '\nDeclare it on the route (ApiWrite/ApiRead/ApiList/ApiErrors in src/shared/http/api-responses.ts),' +
      ' for every route in src/shared/http/openapi-document.ts, or fix the response (API.md).',
  );
}

afterEach(failOnViolations);
afterAll(failOnViolations);
