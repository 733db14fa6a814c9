import { CaseState } from '../../../shared/domain/case-state';
import { caseIn, ctx } from '../../../../test/support/builders/case-aggregate.builder';
import { Case } from '../../cases';
import { CaseEvent } from '../../cases';
import { documentChange } from './case-document-change';

const events = (c: Case) =>
  (c.pullEvents() as CaseEvent[]).map((e) => ({ type: e.type, actorId: e.actorId, data: e.data }));

describe('document changes', () => {
  it('records document uploads and removals', () => {
    const kase = caseIn(CaseState.RESOLVED);
    const document = {
      id: 'doc-1',
      fileName: 'a.pdf',
      contentType: 'application/pdf',
      size: 3,
      sha256: 'abc',
    };
    kase.applyChange(documentChange('attach', document), ctx());
    kase.applyChange(documentChange('remove', document), ctx());
    expect(events(kase)).toEqual([
      {
        type: 'case.document-uploaded',
        actorId: 'alice',
        data: {
          documentId: 'doc-1',
          fileName: 'a.pdf',
          contentType: 'application/pdf',
          size: 3,
          sha256: 'abc',
        },
      },
      {
        type: 'case.document-removed',
        actorId: 'alice',
        data: { documentId: 'doc-1', fileName: 'a.pdf' },
      },
    ]);
  });
});
