#include "sinks/report/html_assets.hpp"

#include <openssl/evp.h>

#include <vector>

namespace veil {

namespace {

constexpr std::string_view k_style = R"(
:root{--bg:#f7f7f9;--panel:#fff;--text:#1c1e21;--muted:#5f6670;--line:#e2e4e8;
--bar:#3b6fd8;--critical:#a3123a;--high:#d9480f;--medium:#c28a00;--low:#2f7ebc;
--info:#7b8794;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#15171a;--panel:#1e2125;
--text:#e6e8eb;--muted:#9aa3ad;--line:#30353b;--bar:#6f9cf0}}
*{box-sizing:border-box}
body{margin:0;padding:24px 32px;background:var(--bg);color:var(--text);
font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 10px}
.meta{color:var(--muted);margin:0}
.totals{display:flex;flex-wrap:wrap;gap:12px;margin:20px 0}
.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;
padding:10px 16px;min-width:112px;border-top:4px solid var(--line)}
.card b{display:block;font-size:24px;font-variant-numeric:tabular-nums}
.card span{color:var(--muted)}
.card.sev-critical{border-top-color:var(--critical)}
.card.sev-high{border-top-color:var(--high)}
.card.sev-medium{border-top-color:var(--medium)}
.card.sev-low{border-top-color:var(--low)}
.card.sev-info{border-top-color:var(--info)}
.card.bad b{color:var(--critical)}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(440px,1fr));
gap:16px;align-items:start}
figure{margin:0;background:var(--panel);border:1px solid var(--line);
border-radius:8px;padding:12px 16px}
figcaption{font-weight:600;margin-bottom:8px}
svg.chart{width:100%;height:auto;display:block}
.chart text{font-size:12px;fill:var(--text)}
.chart .label{text-anchor:end}
.chart .count{fill:var(--muted)}
.chart rect{fill:var(--bar)}
.chart .others rect{fill:var(--info)}
.chart .sev-critical rect{fill:var(--critical)}
.chart .sev-high rect{fill:var(--high)}
.chart .sev-medium rect{fill:var(--medium)}
.chart .sev-low rect{fill:var(--low)}
.chart .sev-info rect{fill:var(--info)}
.empty{color:var(--muted)}
.tools{display:flex;gap:12px;align-items:center;margin-bottom:8px}
.tools input{font:inherit;padding:5px 8px;min-width:280px;color:var(--text);
background:var(--panel);border:1px solid var(--line);border-radius:6px}
.scroll{overflow:auto;background:var(--panel);border:1px solid var(--line);
border-radius:8px}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;
vertical-align:top;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.wrap{white-space:normal;word-break:break-all;min-width:160px}
thead th{position:sticky;top:0;background:var(--panel)}
th button{all:unset;cursor:pointer;font-weight:600}
th button:focus-visible{outline:2px solid var(--bar)}
th[aria-sort=ascending] button::after{content:" \25B2"}
th[aria-sort=descending] button::after{content:" \25BC"}
tbody tr:hover{background:rgba(127,127,127,.08)}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.sev{display:inline-block;padding:0 8px;border-radius:10px;color:#fff;
font-size:12px;font-weight:600}
.sev.sev-critical{background:var(--critical)}
.sev.sev-high{background:var(--high)}
.sev.sev-medium{background:var(--medium)}
.sev.sev-low{background:var(--low)}
.sev.sev-info{background:var(--info)}
footer{margin-top:24px;color:var(--muted);font-size:12px}
)";

// Sorts the table when a header is clicked (again: the other way), keeps
// ties in input order (#), filters rows by the search box, and applies
// "#sort=KEY:asc|desc" from the address so a sorted view can be linked.
constexpr std::string_view k_script = R"(
(function () {
  'use strict';
  var table = document.getElementById('findings');
  if (!table) {
    return;
  }
  var body = table.tBodies[0];
  var heads = table.tHead.rows[0].cells;
  var current = -1;
  var direction = 1;

  function value(row, col, numeric) {
    var cell = row.cells[col];
    var v = cell.getAttribute('data-v');
    if (v === null) {
      v = cell.textContent;
    }
    return numeric ? parseFloat(v) : v.toLowerCase();
  }

  function sortBy(col, dir) {
    var numeric = heads[col].getAttribute('data-type') === 'num';
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a, col, numeric);
      var y = value(b, col, numeric);
      if (x < y) {
        return -dir;
      }
      if (x > y) {
        return dir;
      }
      return value(a, 0, true) - value(b, 0, true);
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
    for (var i = 0; i < heads.length; i++) {
      heads[i].removeAttribute('aria-sort');
    }
    heads[col].setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
    current = col;
    direction = dir;
  }

  Array.prototype.forEach.call(heads, function (th, col) {
    th.querySelector('button').addEventListener('click', function () {
      var first = th.getAttribute('data-first') === 'desc' ? -1 : 1;
      sortBy(col, current === col ? -direction : first);
    });
  });

  var filter = document.getElementById('filter');
  var shown = document.getElementById('shown');
  filter.addEventListener('input', function () {
    var query = filter.value.toLowerCase();
    var count = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var hit = row.textContent.toLowerCase().indexOf(query) >= 0;
      row.hidden = !hit;
      count += hit ? 1 : 0;
    });
    shown.textContent = String(count);
  });

  var wanted = /^#sort=([a-z_]+):(asc|desc)$/.exec(window.location.hash);
  if (wanted) {
    Array.prototype.forEach.call(heads, function (th, col) {
      if (th.getAttribute('data-key') === wanted[1]) {
        sortBy(col, wanted[2] === 'asc' ? 1 : -1);
      }
    });
  }
})();
)";

std::string sha256_base64(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  std::vector<unsigned char> encoded(4 * ((size + 2) / 3) + 1);
  const int n = EVP_EncodeBlock(encoded.data(), digest, static_cast<int>(size));
  return std::string(reinterpret_cast<const char*>(encoded.data()),
                     static_cast<size_t>(n));
}

} // namespace

std::string_view html_style() {
  return k_style;
}

std::string_view html_script() {
  return k_script;
}

std::string html_content_security_policy() {
  return "default-src 'none'; style-src 'sha256-" + sha256_base64(k_style) +
         "'; script-src 'sha256-" + sha256_base64(k_script) +
         "'; img-src data:; base-uri 'none'; form-action 'none'";
}

} // namespace veil
