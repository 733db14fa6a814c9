// The public face of the comments module: the only file other modules may import.
export { CommentsModule } from './comments.module';
export { AddTagsCommand } from './commands/add-tags/add-tags.command';
export { CaseCommentMover } from './infrastructure/case-comment.mover';
