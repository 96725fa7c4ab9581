import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeMarkdown, field, untranslated } from '../../../src/explorer/present/text';
import { propertyBudget } from '../propertyBudget';

/** Removes CommonMark backslash escapes: what a Markdown renderer shows for escaped text. */
function unescape(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('explorer: Markdown escaping of engine strings', () => {
  it('turns an HTML payload into literal text', () => {
    const escaped = escapeMarkdown('<img src=x onerror=alert(1)>');
    assert.equal(escaped, '\\<img src\\=x onerror\\=alert\\(1\\)\\>');
    assert.ok(!/(^|[^\\])</.test(escaped), 'no unescaped <');
  });

  it('turns emphasis, links and command links into literal text', () => {
    const escaped = escapeMarkdown('**bold**[link](command:workbench.action.quit)');
    assert.equal(escaped, '\\*\\*bold\\*\\*\\[link\\]\\(command\\:workbench\\.action\\.quit\\)');
  });

  it('escapes theme icons, entities and code spans', () => {
    assert.equal(escapeMarkdown('$(alert) &lt; `x`'), '\\$\\(alert\\) \\&lt\\; \\`x\\`');
  });

  it('flattens line breaks so a value cannot start a heading or list', () => {
    assert.equal(escapeMarkdown('a\n# b\r\n- c'), 'a \\# b \\- c');
  });

  it('leaves no Markdown punctuation unescaped, and renders back to the original text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const escaped = escapeMarkdown(raw);
        // Every ASCII punctuation character is preceded by a backslash that is itself not escaped.
        const tokens = escaped.match(/\\.|[\s\S]/gu) ?? [];
        for (const token of tokens) assert.ok(!/^[!-/:-@[-`{-~]$/.test(token), `bare ${token} in ${escaped}`);
        // eslint-disable-next-line no-control-regex -- control characters are what this strips
        const flattened = raw.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
        assert.equal(unescape(escaped), flattened);
      }),
      // fast-check's default count, 100 cases.
      propertyBudget(100),
    );
  });

  it('field() keeps our bold name and escapes only the value', () => {
    assert.equal(field('Name', 'a_b'), '**Name:** a\\_b');
  });

  it('untranslated fills {n} placeholders', () => {
    assert.equal(untranslated('Aux address {0} of {1}', 'host1', 2), 'Aux address host1 of 2');
  });
});
