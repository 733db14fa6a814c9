import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DomainError, ErrorDetail } from '../../shared/errors/domain-error';
import { ErrorCode } from '../../shared/errors/error-codes';
import { nestFieldFilters } from '../../shared/http/field-filters';
import type { CaseListFilters, CaseSort } from '../cases';
import { ListCasesRequestDto } from '../cases';

/** Paging belongs to each run of a view, not to the view. */
const NOT_FILTERS = ['limit', 'cursor', 'sort'];

function details(errors: ValidationError[]): ErrorDetail[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((message) => ({
      field: e.property === 'sort' ? 'sort' : `filters.${e.property}`,
      message,
    })),
  );
}

/**
 * A view's filters and sort, read by the list route's own request DTO, exactly as if they had
 * come in its query string: what the list route refuses, a view refuses (400 with details).
 */
export function viewListRequest(
  filters: Record<string, unknown>,
  sort: CaseSort | undefined,
): { filters: CaseListFilters; sort: CaseSort } {
  const paging = Object.keys(filters)
    .filter((key) => NOT_FILTERS.includes(key))
    .map((key) => ({ field: `filters.${key}`, message: `${key} is not a filter` }));
  const given = nestFieldFilters({ ...filters, ...(sort && { sort }) });
  const dto = plainToInstance(ListCasesRequestDto, given);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  const problems = [...paging, ...details(errors)];
  if (problems.length > 0) throw new DomainError(ErrorCode.ValidationFailed, undefined, problems);
  // Paging keys were refused above, so what is left besides the sort are the filters.
  const { sort: chosen = 'createdAt', ...parsed } = dto;
  return { filters: parsed, sort: chosen };
}
