import { CommandBus } from '@nestjs/cqrs';
import { DefinitionsBuilder } from '../../../../../test/support/builders/definitions.builder';
import { caseTrail, userActor } from '../../../../../test/support/case-trail';
import {
  createTestModule,
  TestModule,
  CASE_PATH_MODULES,
} from '../../../../../test/support/test-module';
import { CommentsModule } from '../../comments.module';
import { newTenant } from '../../../../../test/support/test-env';
import { CreateCaseCommand } from '../../../cases';
import { AddCommentCommand } from '../add-comment/add-comment.command';
import { AddTagsCommand } from './add-tags.command';

/** The comment commands on a case, without HTTP. */
const COMMENT_MODULES = [...CASE_PATH_MODULES, CommentsModule];

describe('Collaboration commands racing on one case (integration)', () => {
  let t: TestModule;
  let bus: CommandBus;

  beforeAll(async () => {
    t = await createTestModule(COMMENT_MODULES);
    bus = t.get(CommandBus);
  });
  afterAll(() => t.close());

  it('loses no tag and no comment when 10 of each arrive at once', async () => {
    const tenant = newTenant();
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
    const actor = userActor(tenant);
    const id: string = await bus.execute(
      new CreateCaseCommand(actor, { caseTypeId: type.id, details: 'Busy case' }),
    );
    const commands = Array.from({ length: 10 }, (_, i) => [
      new AddTagsCommand(userActor(tenant, `agent-${i}`), { id }, [`tag-${i}`]),
      new AddCommentCommand(userActor(tenant, `agent-${i}`), { id }, `comment ${i}`),
    ]).flat();
    const outcomes = await Promise.allSettled(commands.map((c) => bus.execute(c)));
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);

    const trail = await caseTrail(t.dataSource, tenant, id);
    expect([...(trail.row?.tags as string[])].sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `tag-${i}`).sort(),
    );
    expect(trail.comments).toHaveLength(10);
    expect(trail.row?.version).toBe(21);
    expect(trail.activities.filter((a) => a.type === 'case.tags-added')).toHaveLength(10);
    expect(trail.activities.filter((a) => a.type === 'case.commented')).toHaveLength(10);
  });
});
