import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MAX_MESSAGE_LENGTH, MAX_SUBJECT_LENGTH } from '../../domain/case-collaboration';

export class SendMessageRequestDto {
  @IsString()
  @MaxLength(MAX_SUBJECT_LENGTH)
  @Matches(/\S/, { message: 'subject must not be blank' })
  subject: string;

  @IsString()
  @MaxLength(MAX_MESSAGE_LENGTH)
  @Matches(/\S/, { message: 'body must not be blank' })
  body: string;

  /** An e-mail address; the case's initiator when absent. */
  @IsOptional()
  @IsEmail()
  @MaxLength(320)
  to?: string;
}
