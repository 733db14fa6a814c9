import { CaseRowBuilder } from './builders/case-rows.builder';
import { TestApp } from './test-app';
import { newTenant } from './test-env';
import { bearer } from './tokens';

export interface Listed {
  id: string;
  [field: string]: unknown;
}

/** Requests on the case lists of the app `app()` returns (set in a beforeAll). */
export function caseListHelpers(app: () => TestApp) {
  const builder = (tenant = newTenant()) => new CaseRowBuilder(app().dataSource, tenant);
  const admin = (tenant: string) => bearer({ tenant });

  const list = (path: string, headers: Record<string, string>) =>
    app().http.get(`/api/v1/cases${path}`).set(headers);

  async function ids(path: string, headers: Record<string, string>): Promise<string[]> {
    const res = await list(path, headers);
    expect(res.status).toBe(200);
    return (res.body.data as Listed[]).map((c) => c.id);
  }

  /** Follows nextCursor to the end; `between` runs after each page (to write concurrently). */
  async function pageThrough(
    path: string,
    headers: Record<string, string>,
    between: () => Promise<unknown> = async () => undefined,
  ): Promise<string[][]> {
    const pages: string[][] = [];
    const sep = path.includes('?') ? '&' : '?';
    let cursor: string | null = null;
    do {
      const res = await list(`${path}${cursor ? `${sep}cursor=${cursor}` : ''}`, headers);
      expect(res.status).toBe(200);
      pages.push((res.body.data as Listed[]).map((c) => c.id));
      cursor = res.body.page.nextCursor as string | null;
      await between();
    } while (cursor && pages.length < 50);
    return pages;
  }

  return { builder, admin, list, ids, pageThrough };
}
