// The escaping helper: every interpolated value is escaped, nested fragments are not escaped twice.
import { escapeHtml, html, joinHtml } from './html';

test('text and attribute values are escaped', () => {
  const evil = `<script>alert("x")</script>&'`;
  expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
    '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
  );
});

test('fragments built with html pass through once, arrays are joined, empty values vanish', () => {
  const inner = html`<b>${'a<b'}</b>`;
  expect(html`<i>${inner}${[html`<u>1</u>`, '<2>']}${null}${undefined}${false}${0}</i>`.value).toBe(
    '<i><b>a&lt;b</b><u>1</u>&lt;2&gt;0</i>',
  );
});

test('a plain string that looks like markup is still escaped', () => {
  expect(html`${'<b>bold</b>'}`.value).toBe('&lt;b&gt;bold&lt;/b&gt;');
  expect(escapeHtml('a&amp;b')).toBe('a&amp;amp;b');
  expect(joinHtml([html`<a>`, html`<b>`], ', ').value).toBe('<a>, <b>');
});
