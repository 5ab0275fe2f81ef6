// The resources a scenario touched, from its ledger: created, adopted and changed (with their final
// state: removed, reverted, or still there), the changes the steps made, and the teardown's counts and
// failures.
import type { ScenarioResult } from '../../target/results';
import { html, type SafeHtml } from './html';

export function renderResources(s: ScenarioResult): SafeHtml {
  const rows = s.resources.map(
    (r) =>
      html`<tr class="resource ${r.action} state-${r.state}"><td>${r.action}</td><td>${r.type}</td><td>${r.name ?? ''}</td><td><code>${r.id ?? ''}</code></td><td>${r.state}</td><td>${r.at}</td></tr>`,
  );
  const count = (a: string): number => s.resources.filter((r) => r.action === a).length;
  const t = s.teardown;
  return html`<h4>resources</h4>
<p class="resource-summary">${count('created')} created, ${count('adopted')} adopted, ${count('changed')} changed; teardown removed ${t.removed}, reverted ${t.reverted}${t.failed.length ? html`, <strong class="fail">${t.failed.length} not removed</strong>` : ''}</p>
<table class="resources"><thead><tr><th>action</th><th>type</th><th>name</th><th>id</th><th>final state</th><th>at</th></tr></thead><tbody>${rows}</tbody></table>
${t.failed.length ? html`<ul class="teardown-failures">${t.failed.map((f) => html`<li>${f.type} ${f.id ?? ''}: ${f.error}</li>`)}</ul>` : ''}
${s.changes.length ? html`<h4>changes made by the steps</h4><ul class="changes">${s.changes.map((c) => html`<li><strong>${c.label}</strong>: ${c.detail}</li>`)}</ul>` : ''}`;
}
