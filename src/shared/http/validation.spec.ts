import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { validationPipe } from './validation';

class WindowDto {
  @IsInt()
  @Min(1)
  dueInHours: number;
}

class SlaDto {
  @IsString()
  name: string;

  @ValidateNested()
  @Type(() => WindowDto)
  window: WindowDto;
}

class ParentDto {
  @IsString()
  name: string;

  @ValidateNested({ each: true })
  @Type(() => SlaDto)
  slas: SlaDto[];
}

async function failure(value: unknown): Promise<DomainError> {
  try {
    await validationPipe().transform(value, { type: 'body', metatype: ParentDto });
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('validation passed');
}

describe('validationPipe', () => {
  it('answers CASE4000 with one detail per bad field, nested fields by their dotted path', async () => {
    const error = await failure({
      name: 5,
      slas: [
        { name: 'ok', window: { dueInHours: 2 } },
        { name: 7, window: { dueInHours: 0 } },
      ],
      unknown: true,
    });
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'name must be a string' },
        { field: 'slas.1.name', message: 'name must be a string' },
        { field: 'slas.1.window.dueInHours', message: 'dueInHours must not be less than 1' },
        { field: 'unknown', message: 'property unknown should not exist' },
      ]),
    );
    expect(error.details).toHaveLength(4);
  });

  it('reports unknown nested properties too', async () => {
    const error = await failure({
      name: 'n',
      slas: [{ name: 'a', window: { dueInHours: 1, x: 1 } }],
    });
    expect(error.details).toEqual([
      { field: 'slas.0.window.x', message: 'property x should not exist' },
    ]);
  });

  it('passes and transforms a valid body', async () => {
    const value = (await validationPipe().transform(
      { name: 'n', slas: [{ name: 'a', window: { dueInHours: 3 } }] },
      { type: 'body', metatype: ParentDto },
    )) as ParentDto;
    expect(value).toBeInstanceOf(ParentDto);
    expect(value.slas[0].window).toBeInstanceOf(WindowDto);
  });
});
