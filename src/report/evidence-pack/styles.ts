// The evidence pack's stylesheet, inlined in the page (the pack opens with no network: no fonts, no
// scripts, no images from anywhere). System fonts only; prints on A4 landscape.
export const styles = `
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --amber: #bf8700; --muted: #57606a; --line: #d0d7de; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1280px; padding: 16px 24px; color: #1f2328; }
h1 { font-size: 22px; margin: 0 0 8px; } h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 32px; }
h3 { font-size: 15px; margin: 18px 0 6px; } h4 { font-size: 13px; margin: 12px 0 4px; }
table { border-collapse: collapse; margin: 6px 0; font-size: 12.5px; } th, td { border: 1px solid var(--line); padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } table.facts th { width: 170px; }
pre { background: #f6f8fa; border: 1px solid var(--line); padding: 8px; overflow-x: auto; font: 12px/1.35 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.muted { color: var(--muted); } .fail { color: var(--bad); }
.badge { display: inline-block; border-radius: 4px; padding: 0 6px; color: #fff; font-size: 12px; }
.badge.pass { background: var(--ok); } .badge.fail { background: var(--bad); } .badge.error { background: #6e7781; } .badge.flaky { background: var(--warn); }
tr.hop.block td { background: #fff1f0; } tr.blocking-hop-row td { background: #ffd8d3; font-weight: 600; }
.block-marker { color: var(--bad); } td.verdict-cell { white-space: nowrap; }
section.probe { border-left: 4px solid var(--line); padding-left: 12px; margin: 14px 0; }
section.probe.outcome-pass { border-color: var(--ok); } section.probe.outcome-fail { border-color: var(--bad); }
section.probe.outcome-flaky { border-color: var(--warn); } section.probe.outcome-error { border-color: #6e7781; }
tr.hop.indeterminate td { background: #fff8c5; } td.verdict-indeterminate, strong.verdict-indeterminate { color: #7d4e00; background: #fff8c5; }
section.probe.verdict-indeterminate { box-shadow: inset 4px 0 0 var(--amber); } table.assumptions td { background: #fffbe6; }
.drawing { border: 1px solid var(--line); border-radius: 6px; background: #fff; break-inside: avoid; }
svg.topology { display: block; width: 100%; height: auto; }
svg.topology text { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace; fill: #1f2328; }
svg.topology text.title, svg.topology text.heading { font-weight: 700; } svg.topology text.sub, svg.topology text.route { fill: #424a53; }
svg.topology text.sg { fill: #6639ba; } svg.topology text.block-note { fill: var(--bad); font-weight: 700; } svg.topology text.default-sg-mark { fill: #7d4e00; font-weight: 700; }
svg.topology .node rect.mark.default-sg { fill: #fff8c5; stroke: var(--amber); stroke-width: 1; }
svg.topology .vpc > rect { fill: #f3f8ff; stroke: #0969da; } svg.topology .sddc > rect { fill: #f5f3ff; stroke: #8250df; }
svg.topology .subnet > rect, svg.topology .segment > rect { fill: #fff; stroke: #8c959f; stroke-dasharray: 4 2; }
svg.topology .segment.disconnected > rect { stroke: var(--bad); stroke-width: 2; }
svg.topology .node > rect { fill: #fff; stroke: #57606a; } svg.topology .rtb > rect { fill: #f6f8fa; } svg.topology .rtb.main > rect { stroke: #0969da; }
svg.topology .eni > rect { fill: #eef; } svg.topology .eni.active > rect { fill: #dafbe1; stroke: var(--ok); stroke-width: 3; }
svg.topology .edge > rect { fill: #fbefff; stroke: #8250df; stroke-width: 2; } svg.topology .node.off > rect { fill: #eee; stroke-dasharray: 3 2; }
svg.topology .legend > rect { fill: #fff; stroke: var(--line); }
svg.topology .probe-path polyline { fill: none; stroke-width: 2.5; stroke-linejoin: round; }
svg.topology .probe-path.reply polyline { stroke-width: 1.5; }
svg.topology .probe-path.reachable polyline { stroke: var(--ok); } svg.topology .probe-path.blocked polyline { stroke: var(--bad); }
svg.topology .probe-path.indeterminate polyline { stroke: var(--amber); } svg.topology .probe-path polyline.undecided { stroke-dasharray: 1.5 5; stroke-linecap: round; stroke-width: 3; }
svg.topology .probe-path.unknown polyline { stroke: #6e7781; stroke-dasharray: 2 3; }
svg.topology .arrow.reachable path { fill: var(--ok); } svg.topology .arrow.blocked path { fill: var(--bad); } svg.topology .arrow.unknown path { fill: #6e7781; } svg.topology .arrow.indeterminate path { fill: var(--amber); }
svg.topology .marker text { font-weight: 700; } svg.topology .marker.start rect, svg.topology .legend-tag rect { fill: #fff; stroke: #1f2328; stroke-width: 1.5; }
svg.topology .marker.start.reply rect { stroke-dasharray: 3 2; }
svg.topology .marker.start.reachable rect, svg.topology .legend-tag.reachable rect { stroke: var(--ok); } svg.topology .marker.start.blocked rect, svg.topology .legend-tag.blocked rect { stroke: var(--bad); }
svg.topology .marker.start.indeterminate rect, svg.topology .legend-tag.indeterminate rect { stroke: var(--amber); }
svg.topology .blocking-hop rect { fill: var(--bad); } svg.topology .blocking-hop path { stroke: #fff; stroke-width: 2.2; stroke-linecap: round; } svg.topology .blocking-hop text { fill: #fff; }
svg.topology .indeterminate-hop rect { fill: var(--amber); } svg.topology .indeterminate-hop text { fill: #fff; }
.legend span { margin-right: 14px; } .summary td.num { text-align: right; }
@media print { @page { size: A4 landscape; } body { max-width: none; padding: 0; } details { display: block; } }
`;
