import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Permission } from '../../../../shared/auth/permission.enum';

export class CreateOAuthClientRequestDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @IsEnum(Permission, { each: true })
  permissions: Permission[];
}
