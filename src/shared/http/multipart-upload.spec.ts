import { safeContentType, safeFileName } from './multipart-upload';
import { attachmentDisposition } from './file-download';

describe('safeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\flow.bpmn', 'flow.bpmn'],
    ['..', 'file'],
    ['', 'file'],
    [undefined, 'file'],
    ['.env', 'env'],
    ['a\u0000b\u0007c\r\n.txt', 'abc.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['what?<is>:"this"|*.txt', 'what__is___this___.txt'],
    ['  spaced name.txt  ', 'spaced name.txt'],
    ['Ünïcödé 文件.txt', 'Ünïcödé 文件.txt'],
  ])('%j becomes %j', (raw, expected) => {
    expect(safeFileName(raw)).toBe(expected);
  });

  it('bounds the length and keeps the extension', () => {
    const name = safeFileName(`${'x'.repeat(500)}.json`);
    expect([...name].length).toBe(200);
    expect(name.endsWith('.json')).toBe(true);
  });
});

describe('safeContentType', () => {
  it('keeps a well-formed media type and replaces anything else', () => {
    expect(safeContentType('Application/XML')).toBe('application/xml');
    expect(safeContentType('text/html\r\nX-Evil: 1')).toBe('application/octet-stream');
    expect(safeContentType('nonsense')).toBe('application/octet-stream');
    expect(safeContentType(undefined)).toBe('application/octet-stream');
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('plan "v2".pdf')).toBe(
      `attachment; filename="plan _v2_.pdf"; filename*=UTF-8''plan%20%22v2%22.pdf`,
    );
    expect(attachmentDisposition('文件.txt')).toBe(
      `attachment; filename="__.txt"; filename*=UTF-8''%E6%96%87%E4%BB%B6.txt`,
    );
  });
});
