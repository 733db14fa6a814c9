/** How a path names a case: its GUID or its displayId (`CM<client_id>-<n>`). */
export type CaseRef = { readonly id: string } | { readonly displayId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DISPLAY_ID = /^CM\S{1,200}-[1-9][0-9]{0,15}$/;

/** Null when the text is neither a GUID nor shaped like a displayId. */
export function parseCaseRef(raw: string): CaseRef | null {
  if (UUID.test(raw)) return { id: raw.toLowerCase() };
  if (DISPLAY_ID.test(raw)) return { displayId: raw };
  return null;
}

/** The `cases` column and value a ref selects on (`c` is the cases alias). */
export function caseRefCondition(ref: CaseRef): { column: 'id' | 'display_id'; value: string } {
  return 'id' in ref
    ? { column: 'id', value: ref.id }
    : { column: 'display_id', value: ref.displayId };
}
