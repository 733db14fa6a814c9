import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class RelabelCaseStatusRequestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'label must not be blank' })
  label: string;
}
