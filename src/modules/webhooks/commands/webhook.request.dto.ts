import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
} from 'class-validator';

export const MAX_FILTERS = 50;

export class CreateWebhookRequestDto {
  @ApiProperty({ example: 'https://hooks.example.com/cases' })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url: string;

  @ApiProperty({ example: ['case.*', 'sla.violated'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FILTERS)
  @IsString({ each: true })
  events: string[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'whsec_<base64 of 24-64 bytes>; generated when absent.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string;
}

export class UpdateWebhookRequestDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url?: string;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FILTERS)
  @IsString({ each: true })
  events?: string[];

  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description: 'A new secret (shown once); the old one still signs for 24 h.',
  })
  @IsOptional()
  @IsBoolean()
  rotateSecret?: boolean;
}
