// The page's one style sheet. It is inlined and allowed by its hash in the page's
// Content-Security-Policy, so the page loads nothing and runs no script.
export const STYLE = `
:root{--bg:#f6f7f9;--card:#fff;--ink:#1c2430;--muted:#5b6675;--line:#e2e6ec;--pass:#2f9e57;--fail:#d1383d;--exempt:#7a5cc7;--unknown:#d99a1e;--todo:#9aa4b2;--nope:#d5dae1;--advisory:#c77d12}
@media (prefers-color-scheme:dark){:root{--bg:#12161c;--card:#1b212a;--ink:#e4e8ee;--muted:#9aa5b4;--line:#2c3440;--nope:#3a4350;--todo:#6b7685}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1180px;margin:0 auto;padding:24px 20px 60px}
h1{font-size:15px;font-weight:600;color:var(--muted);margin:0 0 4px;letter-spacing:.02em}
h2{font-size:20px;margin:0 0 12px}
h3{font-size:16px;margin:18px 0 8px}
section,.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 20px;margin:16px 0}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;overflow-wrap:anywhere}
.hero{display:flex;flex-wrap:wrap;gap:20px;align-items:center;border-left:8px solid var(--todo)}
.hero.ready{border-left-color:var(--pass)}.hero.not-ready{border-left-color:var(--fail)}.hero.not-judged{border-left-color:var(--unknown)}
.verdict{font-size:34px;font-weight:700;margin:0;line-height:1.15}
.ready .verdict{color:var(--pass)}.not-ready .verdict{color:var(--fail)}.not-judged .verdict{color:var(--unknown)}
.hero .why{margin:4px 0 0;color:var(--muted)}
.hero .grow{flex:1 1 420px}
.scorebox{text-align:center;min-width:150px}
.scorebox .big{font-size:40px;font-weight:700;line-height:1}
.scorebox .small{color:var(--muted);font-size:13px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(140px,1fr));gap:12px;margin:16px 0}
.tile{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px;border-top:4px solid var(--todo)}
.tile .n{display:block;font-size:28px;font-weight:700}
.tile .l{color:var(--muted);font-size:13px}
.tile.mandatory,.tile.not-verified{border-top-color:var(--fail)}.tile.advisory{border-top-color:var(--advisory)}.tile.unknown{border-top-color:var(--unknown)}.tile.exempt{border-top-color:var(--exempt)}.tile.judged{border-top-color:var(--pass)}
svg.bars{width:100%;max-width:920px;height:auto;display:block}
svg.bars text{font-size:13px;fill:var(--ink)}
svg.bars .of{fill:var(--muted);font-size:12px}
.track{fill:var(--line)}
.s-passing{fill:var(--pass)}.s-failing{fill:var(--fail)}.s-exempt{fill:var(--exempt)}.s-unknown{fill:var(--unknown)}.s-not-enforced{fill:var(--todo)}.s-not-infrastructure{fill:var(--nope)}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;margin:6px 0 10px;color:var(--muted);font-size:13px}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:600;font-size:13px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.msg{white-space:pre-wrap;overflow-wrap:anywhere}
.badge{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;color:#fff;background:var(--todo);white-space:nowrap}
.badge.mandatory,.badge.not-verified,.badge.failing,.badge.critical,.badge.high{background:var(--fail)}
.badge.advisory,.badge.medium{background:var(--advisory)}
.badge.unknown{background:var(--unknown)}.badge.exempt{background:var(--exempt)}.badge.passing{background:var(--pass)}
.badge.low{background:var(--todo)}
details.resource{border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:0 12px}
details.resource>summary{cursor:pointer;padding:10px 0;display:flex;flex-wrap:wrap;gap:6px 10px;align-items:baseline}
details.resource>summary::-webkit-details-marker{display:none}
details.resource>summary::before{content:"\\25B8";color:var(--muted)}
details.resource[open]>summary::before{content:"\\25BE"}
.rtype{color:var(--muted)}
.rname{font-weight:700}
.loc{color:var(--muted)}
.urn{color:var(--muted);margin:0 0 8px;font-size:13px}
.muted{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
nav.toc{display:flex;flex-wrap:wrap;gap:4px 16px;font-size:14px}
a{color:inherit}
.empty{color:var(--muted);font-style:italic}
@media print{body{background:#fff}section,.card,.tile{break-inside:avoid}details.resource{break-inside:avoid}}
`;
