// The public face of the cases module: the only file other modules may import.
export { CasesModule } from './cases.module';
export { CaseRepository } from './domain/case.repository';
export { CaseTypeConfigReader } from './domain/case-type-config.reader';
export { VIEW_PERMISSIONS } from './domain/case-visibility';
export { CaseAnswers } from './http/case-answers';
export { CaseResponseDto } from './http/case.response.dto';
export { GetCaseQuery } from './queries/get-case/get-case.query';
export { ListCasesQuery } from './views/queries/list-cases/list-cases.query';
export type {
  CaseListItem,
  CaseListFilters,
  CaseSort,
  CaseView,
} from './views/queries/list-cases/list-cases.query';
export { ListCasesRequestDto } from './views/queries/list-cases/list-cases.request.dto';
export { CreateCaseCommand } from './commands/create-case/create-case.command';
export { EditCaseCommand } from './commands/edit-case/edit-case.command';
export { OpenCaseCommand } from './commands/open-case/open-case.command';
export { ProcessCaseCommand } from './commands/process-case/process-case.command';
export { RequestCaseInputCommand } from './commands/request-case-input/request-case-input.command';
export { HoldCaseCommand } from './commands/hold-case/hold-case.command';
export { ResolveCaseCommand } from './commands/resolve-case/resolve-case.command';
export { CompleteCaseCommand } from './commands/complete-case/complete-case.command';
export { CancelCaseCommand } from './commands/cancel-case/cancel-case.command';
export { ReopenCaseCommand } from './commands/reopen-case/reopen-case.command';
export { ClaimCaseCommand } from './commands/claim-case/claim-case.command';
export { UnclaimCaseCommand } from './commands/unclaim-case/unclaim-case.command';
export { TransferCaseCommand } from './commands/transfer-case/transfer-case.command';
export { visibleCase, visibleCaseId } from './queries/visible-case.sql';
export { CaseEvent, CaseChangeData, CaseEventClass, FieldChange } from './domain/events/case.event';
export { commentIsPublic } from './domain/events/case.event';
export { PendingComment, CaseProps, ChangeContext } from './domain/case.props';
export { COMMENT_VISIBILITIES, CommentVisibility } from './domain/case.props';
export { CaseCommentDto, CaseDocumentDto } from './http/case.response.dto';
export { ApiIfMatch, IfMatchVersion } from './http/if-match';
export { Case } from './domain/case.aggregate';
export { CaseChange } from './domain/case-change';
export { changedFields } from './domain/case-edit';
export { raisedPercent, ReachedMilestone } from './domain/case-milestones';
export { nextState } from './domain/case-transitions';
export { normalizeTags, MAX_TAG_LENGTH, MAX_TAGS } from './domain/case-values';
export { CaseCommentedEvent } from './domain/events/case-commented.event';
export { CaseInitiatorCommentedEvent } from './domain/events/case-initiator-commented.event';
export { CaseMessageReceivedEvent } from './domain/events/case-message-received.event';
export { CaseMessageSentEvent } from './domain/events/case-message-sent.event';
export { CaseMilestoneReachedEvent } from './domain/events/case-milestone-reached.event';
export { CaseTagRemovedEvent } from './domain/events/case-tag-removed.event';
export { CaseTagsAddedEvent } from './domain/events/case-tags-added.event';
export { CaseWatcherAddedEvent } from './domain/events/case-watcher-added.event';
export { CaseWatcherRemovedEvent } from './domain/events/case-watcher-removed.event';
export { visibleOr404 } from './domain/case-visibility';
export { canAnswerAsInitiator } from './domain/case-initiator-access';
export {
  CASE_COMMENT_COLUMNS,
  CASE_DOCUMENT_COLUMNS,
  commentsFor,
} from './queries/case-children.sql';
export { CaseCreatedEvent } from './domain/events/case-created.event';
export { CaseDocumentRemovedEvent } from './domain/events/case-document-removed.event';
export { CaseDocumentUploadedEvent } from './domain/events/case-document-uploaded.event';
export { CaseMergedEvent } from './domain/events/case-merged.event';
export { CaseUnmergedEvent } from './domain/events/case-unmerged.event';
export { CaseAlreadyMergedError, CaseNotMergedError } from './domain/case.errors';
export type { CaseBeforeMerge } from './domain/case.props';
export { CaseUnclaimedEvent } from './domain/events/case-unclaimed.event';
export { CaseAutoAssignedEvent } from './domain/events/case-auto-assigned.event';
export { CaseAutoAssignmentSkippedEvent } from './domain/events/case-auto-assignment-skipped.event';
