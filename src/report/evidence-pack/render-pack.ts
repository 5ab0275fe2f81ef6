// The evidence pack: one self-contained HTML page per run, for a PoC sign-off or a support ticket. Run
// metadata, the summary of every probe, then per scenario the topology drawing (paths and blocking hops),
// each probe in full and the resources touched. All data is scrubbed (secrets always; account ids on
// request) before anything is rendered, and rendered only through the `html` escaper. Nothing is loaded
// from the network: styles are inline, there are no scripts, fonts or images.
import { statusCounts, verdictCell } from '../../network';
import type { ProbeRecord, ScenarioResult } from '../../target/results';
import { worldFromSnapshotFiles } from '../../snapshot';
import { html, SafeHtml } from './html';
import { outcomeLabel, renderProbe } from './probe-section';
import { renderResources } from './resources-section';
import { createScrubber, scrubDeep, secretsFromEnv } from './scrub';
import { styles } from './styles';
import { topologyOf, type TopologyModel } from './topology-model';
import { renderTopologySvg, type DrawnProbe } from './topology-svg';

export interface PackMetadata {
  runId: string;
  target: 'mock' | 'live';
  startedAt: string;
  durationMs: number;
  /** Tool and library versions (vmc-reach, node, …). */
  versions: Record<string, string>;
  /** Command line or other context worth recording. */
  command?: string;
}

export interface PackOptions {
  scrubAccountIds?: boolean;
  /** Secret values to redact; default: those found in the environment. */
  secrets?: readonly string[];
}

export interface ScenarioView {
  result: ScenarioResult;
  topology: TopologyModel | null;
  topologyError?: string;
}

/** A scenario's part of the pack that costs the most (its discovered configuration read into a topology), made apart so a run can make it early. */
export function scenarioView(result: ScenarioResult): ScenarioView {
  if (!result.discovered)
    return { result, topology: null, topologyError: 'no configuration was discovered (the scenario stopped before its first probe)' };
  try {
    return { result, topology: topologyOf(worldFromSnapshotFiles(new Map(Object.entries(result.discovered)))) };
  } catch (e) {
    return { result, topology: null, topologyError: `the discovered configuration could not be read: ${(e as Error).message}` };
  }
}

const numbered = (results: readonly ScenarioResult[]): Map<ProbeRecord, number> => {
  const m = new Map<ProbeRecord, number>();
  results.flatMap((s) => s.probes).forEach((p, i) => m.set(p, i + 1));
  return m;
};

function summary(results: readonly ScenarioResult[], n: Map<ProbeRecord, number>): SafeHtml {
  const probes = results.flatMap((s) => s.probes);
  const count = (label: string): number => probes.filter((p) => outcomeLabel(p) === label).length;
  const verdicts = statusCounts(probes.flatMap((p) => (p.verdict ? [p.verdict] : [])));
  const rows = results.flatMap((s) =>
    s.probes.map(
      (
        p,
      ) => html`<tr class="outcome-${outcomeLabel(p).toLowerCase()}"><td class="num"><a href="#probe-${n.get(p)}">#${n.get(p)}</a></td><td>${s.title}</td><td>${p.label}</td>
<td>${p.expected.probeError ? 'cannot run' : p.expected.reachable ? 'reachable' : `unreachable ${p.expected.blockedBy ?? ''}`}</td>
<td>${p.observed.kind === 'ran' ? `${p.observed.reachable ? 'reachable' : 'unreachable'} ${p.observed.received}/${p.observed.sent}` : 'did not run'}</td>
<td class="${p.verdict ? `verdict-${p.verdict.status}` : ''}">${!p.verdict ? '—' : verdictCell(p.verdict)}</td><td><span class="badge ${outcomeLabel(p).toLowerCase()}">${outcomeLabel(p)}</span></td></tr>`,
    ),
  );
  return html`<p class="totals">${probes.length} probes: <strong>${count('PASS')}</strong> passed, <strong>${count('FLAKY')}</strong> flaky (passed after a retry), <strong>${count('FAIL')}</strong> failed, <strong>${count('ERROR')}</strong> could not run; ${results.filter((s) => s.error).length} scenario(s) could not run; ${results.reduce((k, s) => k + s.teardown.failed.length, 0)} teardown failure(s)</p>
<p class="verdict-totals">engine verdicts on the discovered configuration: <strong>${verdicts.reachable}</strong> reachable, <strong>${verdicts.unreachable}</strong> unreachable, <strong class="verdict-indeterminate">${verdicts.indeterminate}</strong> indeterminate (the data cannot decide them: judged by the packets alone)</p>
<table class="summary"><thead><tr><th>#</th><th>scenario</th><th>probe</th><th>expected</th><th>observed</th><th>engine verdict</th><th>result</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function scenarioSection(v: ScenarioView, n: Map<ProbeRecord, number>, index: number): SafeHtml {
  const s = v.result;
  const drawn: DrawnProbe[] = s.probes.map((p) => ({
    n: n.get(p)!,
    label: p.label,
    from: { kind: p.from.kind, id: p.from.id },
    to: { kind: p.to.kind, id: p.to.id },
    verdict: p.verdict,
  }));
  return html`<section class="scenario" id="scenario-${index + 1}">
<h2>${s.title}</h2>
<p class="muted">run ${s.runId} · ${s.target} · started ${s.startedAt} · ${(s.durationMs / 1000).toFixed(1)} s${s.file ? ` · ${s.file.split('/').slice(-2).join('/')}` : ''}</p>
${s.error ? html`<p class="fail">the scenario could not run: ${s.error}</p>` : ''}
<h4>topology (the configuration discovered through the APIs) and the probed paths; the legend under it says what each numbered line shows</h4>

${v.topology ? html`<div class="drawing">${renderTopologySvg(v.topology, drawn)}</div>` : html`<p class="muted">${v.topologyError ?? ''}</p>`}
<h3>probes</h3>
${s.probes.map((p) => renderProbe(p, n.get(p)!))}
${renderResources(s)}
</section>`;
}

/** The stylesheet is a constant of this module, not data: the one fragment inserted unescaped. */
const stylesheet = new SafeHtml(styles);

export const renderEvidencePack = (results: readonly ScenarioResult[], meta: PackMetadata, options: PackOptions = {}): string =>
  renderEvidencePackOf(results.map(scenarioView), meta, options);

/** The pack from each scenario's view (scenarioView), in order. */
export function renderEvidencePackOf(scenarioViews: readonly ScenarioView[], meta: PackMetadata, options: PackOptions = {}): string {
  const scrub = createScrubber({ secrets: options.secrets ?? secretsFromEnv(), ...(options.scrubAccountIds ? { accountIds: true } : {}) });
  const views = scrubDeep(scenarioViews, scrub);
  const m = scrubDeep(meta, scrub);
  const scrubbed = views.map((v) => v.result);
  const n = numbered(scrubbed);
  const versions = Object.entries(m.versions).map(([k, val]) => html`<tr><th>${k}</th><td>${val}</td></tr>`);
  const page = html`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>vmc-reach evidence · run ${m.runId}</title><style>${stylesheet}</style></head>
<body>
<h1>vmc-reach evidence pack</h1>
<table class="meta"><tbody>
<tr><th>run id</th><td>${m.runId}</td></tr><tr><th>target</th><td>${m.target}</td></tr>
<tr><th>started</th><td>${m.startedAt}</td></tr><tr><th>duration</th><td>${(m.durationMs / 1000).toFixed(1)} s</td></tr>
${m.command ? html`<tr><th>command</th><td><code>${m.command}</code></td></tr>` : ''}
${versions}
<tr><th>account ids</th><td>${options.scrubAccountIds ? 'replaced by placeholders (account-1, …)' : 'as discovered'}</td></tr>
</tbody></table>
<h2>summary</h2>
${summary(scrubbed, n)}
${views.map((v, i) => scenarioSection(v, n, i))}
</body></html>
`;
  return page.value;
}
