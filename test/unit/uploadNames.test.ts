import { describe, expect, it } from 'vitest';
import { cleanFileName, storedFileName } from '../../src/domain/uploads.ts';
import { contentDisposition } from '../../src/routes/contentDisposition.ts';

describe('the names uploaded files are kept and served under', () => {
  it.each([
    ['a right-to-left override that turns exe into a pdf to the eye', 'invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['every bidi embedding, override and isolate', 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef\u2066g\u2067h\u2068i\u2069j.pdf', 'abcdefghij.pdf'],
    ['left-to-right and right-to-left marks', 'договор\u200E\u200F.pdf', 'договор.pdf'],
    ['zero-width spaces and joiners, a byte-order mark, a soft hyphen', 'scan\u200B\u200C\u200D\uFEFF\u00AD.png', 'scan.png'],
    ['control characters and line separators', 'a\u0000b\u0007c\u001Bd\u007Fe\u0085f\u2028g\u2029h.pdf', 'abcdefgh.pdf'],
    ['a path', '../../etc/passwd', 'passwd'],
    ['a Windows path', 'C:\\Users\\me\\талап.docx', 'талап.docx'],
    ['a quote', 'a"b.pdf', 'ab.pdf'],
    ['nothing left', '\u202E\u200B', 'file'],
  ])('removes %s', (_what, name, cleaned) => {
    expect(cleanFileName(name)).toBe(cleaned);
  });

  it('keeps Kazakh and Russian letters, composed', () => {
    expect(cleanFileName('Қазақ тілі — сенімхат.pdf')).toBe('Қазақ тілі — сенімхат.pdf');
    expect(cleanFileName('и\u0306ошкар-ола.pdf')).toBe('йошкар-ола.pdf');
  });

  it.each([
    ['invoice\u202Efdp.exe', 'pdf', 'invoicefdp.pdf'],
    ['report.exe', 'pdf', 'report.pdf'],
    ['photo.PDF', 'png', 'photo.png'],
    ['scan', 'jpg', 'scan.jpg'],
    ['Протокол 12.03.2025', 'pdf', 'Протокол 12.03.2025.pdf'],
    ['archive.tar.gz', 'docx', 'archive.tar.docx'],
    ['.pdf', 'pdf', 'file.pdf'],
    ['contract. ', 'pdf', 'contract.pdf'],
  ])('keeps %s as a %s file named %s', (name, extension, kept) => {
    expect(storedFileName(name, extension)).toBe(kept);
  });

  it('serves a checked type under its own extension, without hidden characters, whatever the kept name says', () => {
    expect(contentDisposition('invoice\u202Efdp.exe', 'attachment', 'application/pdf')).toBe(`attachment; filename="invoicefdp.pdf"; filename*=UTF-8''invoicefdp.pdf`);
    expect(contentDisposition('сенімхат.exe', 'inline', 'image/png')).toBe(`inline; filename="________.png"; filename*=UTF-8''${encodeURIComponent('сенімхат.png')}`);
    // A court act's title is no file name: its slash stays, its hidden characters go.
    expect(contentDisposition('Решение 7517-24-00-2/101\u202E', 'inline', 'text/plain; charset=utf-8')).toBe(`inline; filename="_______ 7517-24-00-2/101"; filename*=UTF-8''${encodeURIComponent('Решение 7517-24-00-2/101')}`);
  });
});
