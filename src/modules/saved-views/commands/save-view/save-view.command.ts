import { Command } from '@nestjs/cqrs';
import { Actor } from '../../../../shared/auth/actor';
import { SaveViewRequestDto } from './save-view.request.dto';

/** Resolves to the new view's id. */
export class SaveViewCommand extends Command<string> {
  constructor(
    readonly actor: Actor,
    readonly input: SaveViewRequestDto,
  ) {
    super();
  }
}
