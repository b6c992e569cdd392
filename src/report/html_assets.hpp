// The report's inline stylesheet and scripts (kept apart from the code that fills the page).
#pragma once

namespace rareflow::report::detail {

inline constexpr const char* kReportCss = R"css(
:root{--fg:#1d2329;--muted:#56616b;--line:#dde3e8;--bg:#f3f5f7;--card:#fff;--accent:#0b5394}
*{box-sizing:border-box}
body{margin:0;font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;color:var(--fg);background:var(--bg);font-size:14px;line-height:1.45}
header.rf-head{background:#0f2b46;color:#fff;padding:20px 32px 16px}
header.rf-head h1{margin:0 0 8px;font-size:24px;font-weight:700}
.rf-meta{display:flex;flex-wrap:wrap;gap:4px 28px;font-size:13px;color:#d3e2f0;margin:0;padding:0;list-style:none}
.rf-meta b{color:#fff;font-weight:600}
nav.rf-toc{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:9px 32px;font-size:13.5px}
nav.rf-toc a{margin-right:20px;color:var(--accent);text-decoration:none;font-weight:600}
nav.rf-toc a:hover{text-decoration:underline}
main{max-width:1340px;margin:0 auto;padding:8px 24px 40px}
.rf-omitted{margin:14px 0 0;padding:10px 14px;border-left:4px solid #c9d3dc;background:#fff;color:var(--muted);font-size:13px}
.rf-omitted ul{margin:4px 0 0;padding-left:18px}
section.rf-section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:18px 22px 20px;margin:18px 0}
section.rf-section h2{margin:0 0 4px;font-size:19px}
.rf-intro{color:var(--muted);margin:0 0 14px;max-width:1000px}
.rf-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(580px,1fr));gap:16px}
figure.rf-chart{margin:0;border:1px solid #edf0f3;border-radius:6px;padding:8px 8px 6px;background:#fff;min-width:0}
figure.rf-wide{grid-column:1/-1}
figure.rf-chart svg{display:block;width:100%;height:auto}
figure.rf-chart figcaption{font-size:12.5px;color:var(--muted);margin:4px 4px 0}
.rf-tabbar{display:flex;gap:6px;margin:0 0 10px;grid-column:1/-1}
.rf-tab{font:inherit;font-size:13px;font-weight:600;padding:5px 14px;border:1px solid #b9c6d2;border-radius:16px;background:#fff;color:var(--accent);cursor:pointer}
.rf-tab[aria-selected="true"]{background:var(--accent);color:#fff;border-color:var(--accent)}
.rf-note{color:var(--muted);font-size:12.5px;margin:8px 0}
.rf-table-wrap{overflow-x:auto;margin:12px 0}
table.rf-table{border-collapse:collapse;font-size:12.5px;min-width:40%}
table.rf-table caption{text-align:left;font-weight:700;padding:0 0 6px;font-size:13.5px}
table.rf-table th,table.rf-table td{border-bottom:1px solid var(--line);padding:4px 10px;text-align:left;vertical-align:top}
table.rf-table th{background:#f0f3f6;font-weight:600;white-space:nowrap}
table.rf-table td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.rf-table .rf-unit{color:var(--muted);font-weight:400}
table.rf-table a{color:var(--accent);word-break:break-all}
table.rf-compact{display:inline-table;margin-right:24px}
.rf-kv td:first-child{font-weight:600;white-space:nowrap}
footer{color:var(--muted);font-size:12px;text-align:center;padding:0 0 24px}
.rf-js-error{position:fixed;bottom:0;left:0;right:0;background:#b03a2e;color:#fff;padding:6px 12px;font-size:13px}
@media print{nav.rf-toc{position:static}section.rf-section{break-inside:avoid}}
)css";

// Runs first: any script error, failed resource load or console.error marks the page, so a
// headless browser check can see it in the DOM (attribute data-rf-errors on <html>).
inline constexpr const char* kErrorScript = R"js(
(function(){var n=0;
function mark(m){n++;document.documentElement.setAttribute('data-rf-errors',String(n));
var add=function(){var d=document.createElement('div');d.className='rf-js'+'-error';d.textContent=String(m);document.body.appendChild(d);};
if(document.body){add();}else{document.addEventListener('DOMContentLoaded',add);}}
window.addEventListener('error',function(e){mark(e.message||('cannot load '+((e.target&&(e.target.src||e.target.href))||'a resource')));},true);
window.addEventListener('unhandledrejection',function(e){mark('unhandled rejection: '+e.reason);});
var ce=console.error;console.error=function(){mark(Array.prototype.join.call(arguments,' '));return ce.apply(console,arguments);};
})();
)js";

// Tabs: one panel visible per tab bar; without JS every panel stays visible.
inline constexpr const char* kTabScript = R"js(
(function(){
document.querySelectorAll('.rf-tabbar').forEach(function(bar){
var tabs=Array.prototype.slice.call(bar.querySelectorAll('.rf-tab'));
function show(t){tabs.forEach(function(o){var on=o===t;o.setAttribute('aria-selected',on?'true':'false');
var p=document.getElementById(o.getAttribute('data-target'));if(p){p.hidden=!on;}});}
tabs.forEach(function(t){t.addEventListener('click',function(){show(t);});});
if(tabs.length){show(tabs[0]);}
});
document.documentElement.setAttribute('data-rf-ready','1');
})();
)js";

}  // namespace rareflow::report::detail
