import { IsString, Matches, MaxLength } from 'class-validator';
import { MAX_MESSAGE_LENGTH, MAX_SUBJECT_LENGTH } from '../../domain/case-collaboration';

export class ReceiveMessageRequestDto {
  /** The sender as the gateway knows them: an e-mail address or a chat handle. */
  @IsString()
  @MaxLength(MAX_SUBJECT_LENGTH)
  @Matches(/\S/, { message: 'from must not be blank' })
  from: string;

  @IsString()
  @MaxLength(MAX_SUBJECT_LENGTH)
  @Matches(/\S/, { message: 'subject must not be blank' })
  subject: string;

  @IsString()
  @MaxLength(MAX_MESSAGE_LENGTH)
  @Matches(/\S/, { message: 'body must not be blank' })
  body: string;
}
