package io.twinline.harness.report;

/**
 * The report's style sheet, inlined into the page. It must hold no {@code <}, {@code >} or
 * {@code &}: a browser reads it as raw text, an XML parser as markup (so no child selectors).
 * Colours: passed green, failed red, error orange, skipped grey.
 */
final class ReportStyle {

  static final String CSS = """

      :root { --pass: #1a7f37; --fail: #cf222e; --error: #d4650b; --skip: #6e7781;
        --pass-bg: #dafbe1; --fail-bg: #ffebe9; --error-bg: #fff1e0; --skip-bg: #f0f1f3;
        --line: #d0d7de; --muted: #57606a; }
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
        color: #1f2328; margin: 0 auto; padding: 0 24px 48px; max-width: 1200px; }
      code, pre, .where, .num, .path, .meta { font-family: ui-monospace, SFMono-Regular, Menlo,
        Consolas, "Liberation Mono", monospace; font-size: 13px; }
      h1 { font-size: 24px; margin: 0 0 6px; }
      h2 { font-size: 18px; margin: 0 0 8px; }
      h3 { font-size: 16px; margin: 20px 0 8px; }
      h4 { font-size: 14px; margin: 14px 0 6px; }
      header.verdict { margin: 0 -24px 20px; padding: 18px 24px; border-bottom: 4px solid; }
      header.passed { background: var(--pass-bg); border-color: var(--pass); }
      header.failed { background: var(--fail-bg); border-color: var(--fail); }
      .totals { font-size: 15px; margin: 4px 0; }
      .times, .note, .none { color: var(--muted); margin: 4px 0; }
      .badge { display: inline-block; min-width: 64px; text-align: center; padding: 1px 8px;
        border-radius: 4px; color: #fff; font-size: 12px; font-weight: 600;
        letter-spacing: 0.04em; }
      .badge.passed { background: var(--pass); }
      .badge.failed { background: var(--fail); }
      .badge.error { background: var(--error); }
      .badge.skipped { background: var(--skip); }
      .count.passed { color: var(--pass); font-weight: 600; }
      .count.failed { color: var(--fail); font-weight: 600; }
      .count.error { color: var(--error); font-weight: 600; }
      .count.skipped { color: var(--skip); font-weight: 600; }
      table { border-collapse: collapse; margin: 6px 0 10px; }
      th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left;
        vertical-align: top; }
      th { background: #f6f8fa; font-weight: 600; }
      td.num { text-align: right; white-space: nowrap; }
      table.index tr.failed td { background: var(--fail-bg); }
      section.suite { border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px;
        margin: 18px 0; }
      dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 14px;
        margin: 6px 0; }
      dl.facts dt { color: var(--muted); }
      dl.facts dd { margin: 0; }
      details.sequence { border-left: 5px solid var(--line); margin: 8px 0; padding: 4px 10px;
        background: #fafbfc; }
      details.sequence.passed { border-color: var(--pass); }
      details.sequence.failed { border-color: var(--fail); background: #fffafa; }
      details.sequence.error { border-color: var(--error); background: #fffcf7; }
      details.sequence.skipped { border-color: var(--skip); }
      details summary { cursor: pointer; padding: 3px 0; }
      .name { font-weight: 600; }
      .tag { display: inline-block; padding: 0 6px; border: 1px solid var(--line);
        border-radius: 10px; font-size: 12px; color: var(--muted); background: #fff; }
      .meta { color: var(--muted); font-size: 12px; margin-left: 6px; }
      table.steps { width: 100%; }
      table.steps td.where { white-space: nowrap; color: var(--muted); }
      table.steps td.status { font-weight: 600; }
      table.steps tr.passed td.status { color: var(--pass); }
      table.steps tr.failed td { background: var(--fail-bg); }
      table.steps tr.failed td.status { color: var(--fail); }
      table.steps tr.error td { background: var(--error-bg); }
      table.steps tr.error td.status { color: var(--error); }
      table.steps tr.skipped td { color: var(--skip); }
      .failure { border: 1px solid var(--fail); border-radius: 6px; background: #fff;
        padding: 8px 12px; margin: 8px 0; }
      .failure pre.message { white-space: pre-wrap; margin: 0 0 6px; color: var(--fail);
        font-weight: 600; }
      .failure .where { margin: 0; }
      .chart { overflow-x: auto; }
      svg.timeline { max-width: 100%; height: auto; display: block; }
      svg.timeline text { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas,
        "Liberation Mono", monospace; font-size: 12px; fill: #1f2328; }
      svg.timeline text.type, svg.timeline text.range, svg.timeline text.tick { font-size: 10px;
        fill: var(--muted); }
      svg.timeline .band { fill: #f6f8fa; }
      svg.timeline .grid { stroke: #e3e6ea; stroke-width: 1; }
      svg.timeline .axis-line { stroke: #8c959f; stroke-width: 1; }
      svg.timeline .trace { fill: none; stroke-width: 2; stroke-linejoin: miter; }
      svg.timeline .digital { stroke: #1a7f37; }
      svg.timeline .on { fill: #1a7f37; fill-opacity: 0.15; }
      svg.timeline .analog { stroke: #0969da; }
      svg.timeline .segment { stroke: #8250df; stroke-width: 1.2; }
      svg.timeline .shade0 { fill: #f3eefc; }
      svg.timeline .shade1 { fill: #e6dcfa; }
      svg.timeline text.value { font-size: 11px; }
      svg.timeline .hover { fill: transparent; }
      svg.timeline .marker-line { stroke: #cf222e; stroke-width: 2; }
      svg.timeline text.marker-label { fill: #cf222e; font-weight: 700; }
      table.events td { border: none; border-bottom: 1px solid #eaeef2; padding: 1px 8px; }
      .figure { margin: 4px 0; }
      .figure-text { display: inline-block; min-width: 360px; }
      .meter { display: inline-block; width: 200px; height: 10px; background: var(--fail-bg);
        border: 1px solid var(--line); border-radius: 3px; vertical-align: middle; }
      .meter-fill { display: block; height: 100%; background: var(--pass); }
      details.signals summary { font-weight: 600; margin-top: 8px; }
      table.signals tr.missing td { background: var(--fail-bg); }
      table.steps tr.interrupted td { background: var(--skip-bg); font-style: italic; }
      .failure.invariant .verdict { font-weight: 600; color: var(--fail); }
      svg.timeline line.scan { stroke: #8c959f; stroke-width: 0.6; stroke-dasharray: 2 3; }
      svg.timeline text.scan-label { font-size: 10px; fill: #57606a; }
      svg.timeline rect.zoom-window { fill: #0969da; fill-opacity: 0.12; stroke: #0969da;
        stroke-width: 1; }
      table.signals tr.one-way td { background: var(--error-bg); }
      table.signals td.mark.partly { color: #9a6700; white-space: nowrap; }
      table.signals td.mark { text-align: center; }
      table.signals td.mark.yes { color: var(--pass); }
      table.signals td.mark.no { color: var(--fail); }
      ul.plain { margin: 4px 0; padding-left: 20px; }
      """;

  private ReportStyle() {}
}
