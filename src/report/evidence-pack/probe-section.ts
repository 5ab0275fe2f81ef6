// One probe in the evidence pack: expected, observed, the engine's verdict and how they compare, the
// hop list with the rule that decided each hop (the blocking hop marked), the fix, the raw transcript,
// timings, and every earlier attempt when the probe was retried. An indeterminate verdict is amber: its
// undecided hops are marked `?` and its assumptions listed (what, which object, what would settle it).
import { renderFixCommand, type Hop, type Verdict } from '../../network';
import type { Observation, ProbeRecord } from '../../target/results';
import { isFlaky } from '../junit';
import { html, type SafeHtml } from './html';
import { transcriptLabel } from '../transcript-label';

export const outcomeLabel = (p: ProbeRecord): string =>
  isFlaky(p) ? 'FLAKY' : { passed: 'PASS', failed: 'FAIL', 'infra-error': 'ERROR' }[p.outcome];

const expectedText = (p: ProbeRecord): string =>
  p.expected.probeError
    ? `the probe cannot run (${p.expected.probeError})`
    : p.expected.reachable
      ? 'reachable'
      : `unreachable${p.expected.blockedBy ? `, blocked by ${p.expected.blockedBy}` : ''}`;
/** What the probe sent: ping, or the protocol and port (and whether a listener was started on the destination). */
const probeText = (p: ProbeRecord): string => {
  const k = p.probe;
  if (!k || k.protocol === 'icmp') return 'ICMP echo (ping)';
  return `${k.protocol.toUpperCase()} port ${k.port}${k.protocol === 'udp' ? ', one-shot UDP responder started on the destination' : k.listen ? ', short-lived listener started on the destination' : ', no listener started (a RST counts as reachable unless the configuration names a REJECT rule that sent it)'}`;
};

const observedText = (o: Observation): string =>
  o.kind === 'ran' && o.port
    ? `${o.reachable ? 'reachable' : 'unreachable'}: ${o.port.protocol.toUpperCase()} port ${o.port.port} ${o.port.outcome} (${o.port.detail}); ${o.port.judged}${o.port.listener ? `; listener on the destination: ${o.port.listener.heard ? `heard ${o.port.listener.peer ?? 'its peer'}` : o.port.listener.cancelled ? 'heard nothing (cancelled when the probe ended)' : 'heard nothing'}` : ''} (SSM ${o.status}, exit ${o.exitCode}, ${o.apiCalls} API calls)`
    : o.kind === 'ran'
      ? `${o.reachable ? 'reachable' : 'unreachable'}: ${o.received}/${o.sent} replies${o.rttMs ? `, rtt min/avg/max ${o.rttMs.min}/${o.rttMs.avg}/${o.rttMs.max} ms${o.transcriptOrigin === 'model' ? " (the mock's, not measured)" : ''}` : ''} (SSM ${o.status}, exit ${o.exitCode}, ${o.apiCalls} API calls)`
      : `the probe did not run: ${o.error}`;
function verdictText(v: Verdict | null): string {
  if (!v) return 'not evaluated';
  if (v.blockedBy)
    return `unreachable: ${v.blockedBy.code} on the ${v.blockedBy.direction} path at ${v.blockedBy.resource.id}${v.blockedBy.resource.name ? ` (${v.blockedBy.resource.name})` : ''}`;
  if (v.status === 'indeterminate')
    return `indeterminate: ${v.hops.length} hops checked, none blocked, ${v.hops.filter((h) => h.outcome === 'indeterminate').length} could not be judged from the data (assumptions below)`;
  return `reachable (${v.hops.length} hops checked, none blocked)`;
}

function assumptionsTable(v: Verdict): SafeHtml {
  const rows = v.assumptions.map(
    (a) =>
      html`<tr class="assumption"><td>${a.path}</td><td>${a.hopKind}</td><td>${a.resource.id}${a.resource.name ? ` (${a.resource.name})` : ''}</td><td>${a.what}</td><td><code>${a.missing}</code> <span class="muted">${a.code}</span></td><td>${a.settle}</td></tr>`,
  );
  return html`<h4 class="assumptions-heading">assumptions: what the data cannot decide</h4><table class="assumptions"><thead><tr><th>path</th><th>hop</th><th>object</th><th>what could not be judged</th><th>missing</th><th>what would settle it</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const outcomeCell = (h: Hop): string => ({ allow: '✓ allow', block: '✗ block', indeterminate: '? cannot judge' })[h.outcome];
const transcriptOf = (o: Observation): string =>
  o.kind === 'ran' ? `$ ${o.command}\n${o.transcript}` : `$ ${o.command}\n${o.transcript ?? ''}${o.transcript ? '\n' : ''}${o.error}`;

function decidedBy(h: Hop): string {
  if (h.stateful) return 'stateful: reply of an allowed flow';
  if (h.matched) return h.matched.summary;
  return h.outcome === 'block' && h.kind !== 'instance-state' && h.kind !== 'vm-power' ? 'no rule matched' : '—';
}

function hopTable(v: Verdict): SafeHtml {
  const rows = v.hops.map((h, i) => {
    const blocking = v.blockedBy?.hopIndex === i;
    return html`<tr class="hop ${h.outcome}${blocking ? ' blocking-hop-row' : ''}"><td>${i + 1}</td><td>${h.path}</td><td>${h.kind}</td>
<td>${h.resource.id}${h.resource.name ? ` (${h.resource.name})` : ''}${h.via ? html`<br><span class="muted">on ${h.via.id}</span>` : ''}</td>
<td>${decidedBy(h)}</td><td class="verdict-cell">${blocking ? html`<span class="block-marker">✗ blocking hop</span>` : outcomeCell(h)}${h.code ? html` <code>${h.code}</code>` : ''}</td><td>${h.detail}</td></tr>`;
  });
  return html`<table class="hops"><thead><tr><th>#</th><th>path</th><th>hop</th><th>resource</th><th>rule that decided</th><th>outcome</th><th>detail</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function renderProbe(p: ProbeRecord, n: number): SafeHtml {
  const v = p.verdict;
  const label = outcomeLabel(p);
  const attempts = (p.previousAttempts ?? []).map(
    (a, i) => html`<details class="attempt"><summary>attempt ${i + 1}: ${a.outcome} — ${a.reasons.join('; ')}</summary>
<p>${observedText(a.observed)} · packets vs configuration: ${a.agreement} · started ${a.startedAt}, ${a.durationMs} ms</p><p class="transcript-origin origin-${a.observed.transcriptOrigin}">${transcriptLabel(a.observed)}</p><pre class="transcript">${transcriptOf(a.observed)}</pre></details>`,
  );
  return html`<section class="probe outcome-${label.toLowerCase()}${v ? ` verdict-${v.status}` : ''}" id="probe-${n}" data-probe="${n}">
<h3><span class="badge ${label.toLowerCase()}">${label}</span> #${n} ${p.label}</h3>
<table class="facts"><tbody>
<tr><th>from</th><td>${p.from.name} (${p.from.kind} ${p.from.id}, ${p.from.ip})</td></tr>
<tr><th>to</th><td>${p.to.name} (${p.to.kind} ${p.to.id}, ${p.to.ip})</td></tr>
<tr><th>probe</th><td>${probeText(p)}</td></tr>
<tr><th>expected</th><td>${expectedText(p)}</td></tr>
<tr><th>observed</th><td>${observedText(p.observed)}</td></tr>
<tr><th>engine verdict</th><td class="${v ? `verdict-${v.status}` : ''}">${verdictText(v)}</td></tr>
<tr><th>packets vs configuration</th><td>${p.agreement}</td></tr>
<tr><th>attempts</th><td>${p.attempts}</td></tr>
<tr><th>timing</th><td>started ${p.startedAt}, took ${p.durationMs} ms</td></tr>
${p.reasons.length ? html`<tr><th>${p.outcome === 'passed' ? 'notes' : 'why'}</th><td>${p.reasons.map((r) => html`<div>${r}</div>`)}</td></tr>` : ''}
${v?.blockedBy ? html`<tr><th>fix</th><td>${v.blockedBy.fix.text}<pre class="fix">${renderFixCommand(v.blockedBy.fix)}</pre></td></tr>` : ''}
</tbody></table>
${v ? hopTable(v) : html`<p class="muted">no verdict: the configuration could not be evaluated</p>`}
${v && v.assumptions.length ? assumptionsTable(v) : ''}
<h4>transcript</h4><p class="transcript-origin origin-${p.observed.transcriptOrigin}">${transcriptLabel(p.observed)}</p><pre class="transcript">${transcriptOf(p.observed)}</pre>
${attempts.length ? html`<h4>earlier attempts</h4>${attempts}` : ''}
</section>`;
}
