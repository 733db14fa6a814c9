import { Module } from '@nestjs/common';
import { CasesModule } from '../cases';
import { AddCommentHandler } from './commands/add-comment/add-comment.handler';
import { AddInitiatorCommentHandler } from './commands/add-initiator-comment/add-initiator-comment.handler';
import { AddTagsHandler } from './commands/add-tags/add-tags.handler';
import { ReceiveMessageHandler } from './commands/receive-message/receive-message.handler';
import { RecordMilestoneHandler } from './commands/record-milestone/record-milestone.handler';
import { RemoveTagHandler } from './commands/remove-tag/remove-tag.handler';
import { SendMessageHandler } from './commands/send-message/send-message.handler';
import { UnwatchCaseHandler } from './commands/unwatch-case/unwatch-case.handler';
import { WatchCaseHandler } from './commands/watch-case/watch-case.handler';
import { CaseMessageRepository } from './domain/case-message.repository';
import { CaseCommentsController } from './http/case-comments.controller';
import { CaseMessagesController } from './http/case-messages.controller';
import { CaseMilestonesController } from './http/case-milestones.controller';
import { CaseTagsController } from './http/case-tags.controller';
import { CaseWatchersController } from './http/case-watchers.controller';
import { CaseCommentMover } from './infrastructure/case-comment.mover';
import { CaseCommentsSubscriber } from './infrastructure/case-comments.subscriber';
import { CaseMessageSqlRepository } from './infrastructure/case-message.sql-repository';
import { ListCommentsHandler } from './queries/list-comments/list-comments.handler';
import { ListMessagesHandler } from './queries/list-messages/list-messages.handler';

const controllers = [
  CaseCommentsController,
  CaseMessagesController,
  CaseTagsController,
  CaseWatchersController,
  CaseMilestonesController,
];
const commandHandlers = [
  AddCommentHandler,
  AddInitiatorCommentHandler,
  AddTagsHandler,
  RemoveTagHandler,
  WatchCaseHandler,
  UnwatchCaseHandler,
  SendMessageHandler,
  ReceiveMessageHandler,
  RecordMilestoneHandler,
];
const queryHandlers = [ListCommentsHandler, ListMessagesHandler];

/** Comments, initiator comments, tags, watchers, messages and manual milestones of a case. */
@Module({
  imports: [CasesModule],
  controllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    { provide: CaseMessageRepository, useClass: CaseMessageSqlRepository },
    CaseCommentsSubscriber,
    CaseCommentMover,
  ],
  exports: [CaseCommentMover],
})
export class CommentsModule {}
