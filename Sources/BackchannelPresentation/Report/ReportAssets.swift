/// The report page's style sheet and script: hand-written, no library, inlined into every page.
///
/// The script reads the JSON blob (`#bc-data`) and wires the page: pan and zoom of the SVG (its
/// `viewBox`), search by label or id, hover details, click to select an actor (its ties
/// highlighted, its details in the side panel), the time control (shows the nodes and edges present
/// in the chosen period and that period's table rows) and sortable tables. Data never reaches
/// `innerHTML`: every text goes through `textContent`, and links only to `http(s):` URLs.
enum ReportAssets {
    static let css = #"""
        :root { --ink: #222; --muted: #666; --line: #d0d0d0; --accent: #1c5fb4; --match: #c2255c; }
        * { box-sizing: border-box; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; padding: 0 1.25rem 2rem; }
        header h1 { font-size: 1.5rem; margin: 1rem 0 0; }
        .bc-sub { color: var(--muted); margin: 0.2rem 0 0.6rem; }
        .bc-controls { display: flex; flex-wrap: wrap; gap: 0.6rem 1.2rem; align-items: center; padding: 0.5rem 0; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: #fff; z-index: 2; }
        .bc-controls input[type=search] { width: 16rem; padding: 0.25rem 0.4rem; }
        .bc-time input { width: 16rem; vertical-align: middle; }
        .bc-time output { font-weight: 600; min-width: 5rem; display: inline-block; }
        .bc-zoom button { min-width: 2rem; margin-right: 0.2rem; }
        #bc-search-count, #bc-shown { color: var(--muted); }
        .bc-main { display: flex; gap: 1rem; margin-top: 0.75rem; }
        #bc-diagram { flex: 1 1 auto; height: 72vh; min-height: 320px; border: 1px solid var(--line); overflow: hidden; cursor: grab; background: #fff; touch-action: none; }
        #bc-diagram.bc-dragging { cursor: grabbing; }
        #bc-diagram svg { display: block; width: 100%; height: 100%; }
        #bc-details { flex: 0 0 22rem; max-height: 72vh; overflow: auto; border: 1px solid var(--line); padding: 0.6rem 0.8rem; }
        #bc-details h2 { font-size: 1.1rem; margin: 0 0 0.4rem; }
        #bc-details dl { margin: 0; } #bc-details dt { font-weight: 600; margin-top: 0.4rem; } #bc-details dd { margin: 0; }
        #bc-details ul { margin: 0.2rem 0; padding-left: 1.1rem; }
        .bc-hint { color: var(--muted); }
        #bc-tip { position: fixed; z-index: 5; max-width: 24rem; background: #fff; border: 1px solid #999; box-shadow: 0 2px 8px rgba(0,0,0,.2); padding: 0.4rem 0.6rem; font-size: 13px; }
        #bc-tip strong { display: block; }
        #bc-tip .bc-meta { color: var(--muted); }
        #bc-tip ul { margin: 0.2rem 0 0; padding-left: 1rem; }
        #bc-tip, #bc-details { overflow-wrap: anywhere; }
        g.node, g.edge { cursor: pointer; }
        g.bc-hidden { display: none; }
        g.bc-dim { opacity: 0.15; }
        g.node.bc-match > g > a > polygon, g.node.bc-match > g > a > ellipse, g.node.bc-match > g > a > path, g.node.bc-match > polygon, g.node.bc-match > ellipse { stroke: var(--match); stroke-width: 4px; }
        g.node.bc-selected > g > a > polygon, g.node.bc-selected > g > a > ellipse, g.node.bc-selected > g > a > path, g.node.bc-selected > polygon, g.node.bc-selected > ellipse { stroke: var(--accent); stroke-width: 5px; }
        g.edge.bc-tie path { stroke: var(--accent); stroke-width: 3px; }
        g.edge.bc-tie polygon { stroke: var(--accent); fill: var(--accent); }
        #bc-tables section { margin-top: 1.5rem; }
        #bc-tables h2 { font-size: 1.2rem; margin: 0 0 0.2rem; }
        .bc-note { color: var(--muted); margin: 0 0 0.4rem; max-width: 60rem; }
        table.bc-table { border-collapse: collapse; font-size: 13px; }
        table.bc-table th, table.bc-table td { border-bottom: 1px solid var(--line); padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        table.bc-table td.bc-num, table.bc-table th.bc-num { text-align: right; font-variant-numeric: tabular-nums; }
        table.bc-table th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
        table.bc-table th[aria-sort=ascending] button::after { content: " ▲"; }
        table.bc-table th[aria-sort=descending] button::after { content: " ▼"; }
        table.bc-table tr.bc-row-selected td { background: #e7f0fb; }
        button.bc-node-link { font: inherit; background: none; border: 0; padding: 0; color: var(--accent); text-decoration: underline; cursor: pointer; text-align: left; }
        .bc-empty { color: var(--muted); font-style: italic; }
        #bc-about { margin-top: 2rem; border-top: 1px solid var(--line); }
        #bc-about h2 { font-size: 1.2rem; } #bc-about h3 { font-size: 1rem; margin-bottom: 0.2rem; }
        .bc-foot { color: var(--muted); margin-top: 1rem; }
        @media (max-width: 900px) { .bc-main { flex-direction: column; } #bc-details { flex-basis: auto; } }
        """#

    static let script = #"""
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('bc-data').textContent);
          var box = document.getElementById('bc-diagram');
          var svg = box.querySelector('svg');
          var XLINK = 'http://www.w3.org/1999/xlink';
          var nodeEls = {}, edgeEls = {}, adjacent = {};
          var selected = null, query = '', period = data.periods.length - 1;

          function el(tag, text, cls) {
            var e = document.createElement(tag);
            if (text !== undefined && text !== null) e.textContent = text;
            if (cls) e.className = cls;
            return e;
          }
          function webLink(url) { return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url); }
          function sourceList(sources) {
            var ul = el('ul');
            sources.forEach(function (s) {
              var li = el('li', s.citation + (s.url ? ' ' : ''));
              if (s.url && webLink(s.url)) {
                var a = el('a', s.url); a.href = s.url; a.rel = 'noreferrer'; a.target = '_blank';
                li.appendChild(a);
              }
              ul.appendChild(li);
            });
            return ul;
          }

          // Index the drawing; drop Graphviz's own tooltips (title elements, xlink:title).
          Object.keys(data.nodes).forEach(function (k) { var g = document.getElementById(k); if (g) { nodeEls[k] = g; adjacent[k] = []; } });
          Object.keys(data.edges).forEach(function (k) {
            var g = document.getElementById(k), e = data.edges[k];
            if (!g) return;
            edgeEls[k] = g;
            if (adjacent[e.source]) adjacent[e.source].push(k);
            if (adjacent[e.target] && e.target !== e.source) adjacent[e.target].push(k);
          });
          Array.prototype.slice.call(svg.querySelectorAll('title')).forEach(function (t) { t.parentNode.removeChild(t); });
          Array.prototype.slice.call(svg.querySelectorAll('a')).forEach(function (a) { a.removeAttributeNS(XLINK, 'title'); a.removeAttribute('xlink:title'); });

          // Pan and zoom through the viewBox.
          var vb0 = (svg.getAttribute('viewBox') || '0 0 100 100').trim().split(/[\s,]+/).map(Number);
          var initial = { x: vb0[0], y: vb0[1], w: vb0[2], h: vb0[3] }, view = Object.assign({}, initial);
          svg.removeAttribute('width'); svg.removeAttribute('height');
          function setView() { svg.setAttribute('viewBox', [view.x, view.y, view.w, view.h].join(' ')); }
          function toSVG(cx, cy) {
            var p = svg.createSVGPoint(); p.x = cx; p.y = cy;
            return p.matrixTransform(svg.getScreenCTM().inverse());
          }
          function zoom(factor, cx, cy) {
            var r = svg.getBoundingClientRect();
            if (cx === undefined) { cx = r.left + r.width / 2; cy = r.top + r.height / 2; }
            var p = toSVG(cx, cy), w = view.w * factor;
            if (w < initial.w / 60 || w > initial.w * 8) return;
            view.x = p.x - (p.x - view.x) * factor; view.y = p.y - (p.y - view.y) * factor;
            view.w = w; view.h = view.h * factor; setView();
          }
          box.addEventListener('wheel', function (e) { e.preventDefault(); zoom(e.deltaY < 0 ? 0.8 : 1.25, e.clientX, e.clientY); }, { passive: false });
          var drag = null, moved = false;
          box.addEventListener('pointerdown', function (e) {
            if (e.button !== 0) return;
            drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y }; moved = false;
          });
          window.addEventListener('pointermove', function (e) {
            if (!drag) return;
            var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
            if (!moved && Math.abs(dx) + Math.abs(dy) < 4) return;
            moved = true; box.classList.add('bc-dragging');
            var r = svg.getBoundingClientRect(), s = Math.max(view.w / r.width, view.h / r.height);
            view.x = drag.vx - dx * s; view.y = drag.vy - dy * s; setView();
          });
          window.addEventListener('pointerup', function () { drag = null; box.classList.remove('bc-dragging'); });
          document.getElementById('bc-zoom-in').addEventListener('click', function () { zoom(0.8); });
          document.getElementById('bc-zoom-out').addEventListener('click', function () { zoom(1.25); });
          document.getElementById('bc-zoom-reset').addEventListener('click', function () { view = Object.assign({}, initial); setView(); });

          // Presence in the chosen period.
          function nodeShown(k) { var p = data.periods[period]; return p.nodes.charAt(data.nodes[k].i) === '1'; }
          function edgeShown(k) {
            var p = data.periods[period], e = data.edges[k];
            return p.edges.charAt(e.i) === '1' && nodeShown(e.source) && nodeShown(e.target);
          }
          function matches(k) {
            if (!query) return false;
            var n = data.nodes[k];
            return n.label.toLowerCase().indexOf(query) >= 0 || n.id.toLowerCase().indexOf(query) >= 0;
          }

          // Shows the chosen period, search and selection; the tables are rebuilt unless only the search changed.
          function apply(searchOnly) {
            var near = {}, ties = {};
            if (selected) {
              near[selected] = true;
              adjacent[selected].forEach(function (k) {
                if (!edgeShown(k)) return;
                ties[k] = true; near[data.edges[k].source] = true; near[data.edges[k].target] = true;
              });
            }
            var count = 0, shown = 0, total = 0;
            Object.keys(nodeEls).forEach(function (k) {
              var g = nodeEls[k], vis = nodeShown(k), m = vis && matches(k);
              total++; if (vis) shown++; if (m) count++;
              g.classList.toggle('bc-hidden', !vis);
              g.classList.toggle('bc-match', m);
              g.classList.toggle('bc-selected', k === selected);
              g.classList.toggle('bc-dim', vis && ((query && !m && !(selected && near[k])) || (selected && !near[k] && !m)));
            });
            var edgeCount = 0;
            Object.keys(edgeEls).forEach(function (k) {
              var g = edgeEls[k], vis = edgeShown(k);
              if (vis) edgeCount++;
              g.classList.toggle('bc-hidden', !vis);
              g.classList.toggle('bc-tie', !!ties[k]);
              g.classList.toggle('bc-dim', vis && ((selected && !ties[k]) || (!selected && !!query)));
            });
            document.getElementById('bc-search-count').textContent = query ? (count + (count === 1 ? ' actor matches' : ' actors match')) : '';
            document.getElementById('bc-shown').textContent = 'showing ' + shown + ' of ' + total + ' actors, ' + edgeCount + ' ties';
            var label = document.getElementById('bc-year-label');
            if (label) label.textContent = data.periods[period].label;
            if (!searchOnly) { renderTables(); renderDetails(); }
          }

          // Hover details.
          var tip = document.getElementById('bc-tip'), tipTimer = null;
          function hideTipSoon() { clearTimeout(tipTimer); tipTimer = setTimeout(function () { tip.hidden = true; }, 350); }
          function showTip(k, e) {
            var n = data.nodes[k];
            clearTimeout(tipTimer);
            tip.textContent = '';
            tip.appendChild(el('strong', n.label));
            tip.appendChild(el('div', [n.kind, n.track, n.years].filter(Boolean).join(' · '), 'bc-meta'));
            if (n.designations) tip.appendChild(el('div', 'Listed: ' + n.designations.join('; ')));
            if (n.description) tip.appendChild(el('div', n.description));
            if (n.sources.length) tip.appendChild(sourceList(n.sources));
            tip.hidden = false;
            var x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8), y = Math.min(e.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
            tip.style.left = Math.max(4, x) + 'px'; tip.style.top = Math.max(4, y) + 'px';
          }
          tip.addEventListener('mouseenter', function () { clearTimeout(tipTimer); });
          tip.addEventListener('mouseleave', hideTipSoon);

          Object.keys(nodeEls).forEach(function (k) {
            var g = nodeEls[k];
            g.addEventListener('mouseenter', function (e) { if (!drag) showTip(k, e); });
            g.addEventListener('mouseleave', hideTipSoon);
            g.addEventListener('click', function (e) { e.stopPropagation(); if (!moved) select(k); });
          });
          Object.keys(edgeEls).forEach(function (k) {
            edgeEls[k].addEventListener('click', function (e) { e.stopPropagation(); if (!moved) select(data.edges[k].source); });
          });
          svg.addEventListener('click', function () { if (!moved && selected) select(null); });

          function select(k) { selected = k && nodeEls[k] ? k : null; apply(); }
          // Brings a node into the middle of the view, zoomed to at most a third of the drawing's width.
          function focusOn(k) {
            var g = nodeEls[k]; if (!g || g.classList.contains('bc-hidden')) return;
            var r = g.getBoundingClientRect(), p = toSVG(r.left + r.width / 2, r.top + r.height / 2);
            var f = Math.min(1, (initial.w / 3) / view.w);
            view.w *= f; view.h *= f; view.x = p.x - view.w / 2; view.y = p.y - view.h / 2; setView();
          }

          // The side panel.
          function renderDetails() {
            var panel = document.getElementById('bc-details');
            panel.textContent = '';
            if (!selected) { panel.appendChild(el('p', 'Click an actor to see its ties and sources; drag to pan, scroll to zoom.', 'bc-hint')); return; }
            var n = data.nodes[selected];
            panel.appendChild(el('h2', n.label));
            var dl = el('dl');
            function row(term, value) { if (!value) return; dl.appendChild(el('dt', term)); var dd = el('dd'); if (typeof value === 'string') dd.textContent = value; else dd.appendChild(value); dl.appendChild(dd); }
            row('id', n.id); row('kind', n.kind); row('track', n.track); row('years', n.years);
            if (n.designations) row('listed', n.designations.join('; '));
            row('description', n.description);
            var tl = el('ul'), tieCount = 0;
            adjacent[selected].forEach(function (k) {
              if (!edgeShown(k)) return;
              var e = data.edges[k], out = e.source === selected, other = out ? e.target : e.source;
              var li = el('li'), when = e.years ? ' (' + e.years + ')' : '';
              var b = el('button', data.nodes[other].label, 'bc-node-link'); b.type = 'button';
              b.addEventListener('click', function () { select(other); });
              if (out) { li.appendChild(document.createTextNode(e.relation + ' \u2192 ')); li.appendChild(b); li.appendChild(document.createTextNode(when)); }
              else { li.appendChild(b); li.appendChild(document.createTextNode(' \u2192 ' + e.relation + when)); }
              tl.appendChild(li); tieCount++;
            });
            row('ties in ' + data.periods[period].label + ' (' + tieCount + ')', tieCount ? tl : 'none');
            if (n.sources.length) row('sources', sourceList(n.sources));
            panel.appendChild(dl);
          }

          // Search.
          var search = document.getElementById('bc-search');
          search.addEventListener('input', function () { query = search.value.trim().toLowerCase(); apply(true); });
          search.addEventListener('keydown', function (e) {
            if (e.key !== 'Enter') return;
            var hit = Object.keys(nodeEls).filter(function (k) { return nodeShown(k) && matches(k); })[0];
            if (hit) { select(hit); focusOn(hit); }
          });

          // Time control.
          var year = document.getElementById('bc-year');
          if (year) year.addEventListener('input', function () { period = parseInt(year.value, 10) || 0; apply(); });

          // Sortable tables.
          var sorts = {};
          function cellText(c) { return typeof c === 'string' ? c : c.t; }
          function cellKey(c, numeric) {
            if (numeric) return (c && typeof c === 'object' && typeof c.v === 'number') ? c.v : -Infinity;
            return cellText(c).toLowerCase();
          }
          function renderTables() {
            var host = document.getElementById('bc-tables');
            host.textContent = '';
            data.tables.forEach(function (t) {
              var computed = data.periods[period].rows[t.id], rows = computed || [];
              var sec = el('section'); sec.id = 'bc-table-' + t.id;
              sec.appendChild(el('h2', t.title + (computed ? ' (' + rows.length + ')' : '')));
              sec.appendChild(el('p', t.note, 'bc-note'));
              if (!computed) { sec.appendChild(el('p', data.periods[period].note || 'Not computed for ' + data.periods[period].label + '.', 'bc-empty')); host.appendChild(sec); return; }
              if (!rows.length) { sec.appendChild(el('p', 'None in ' + data.periods[period].label + '.', 'bc-empty')); host.appendChild(sec); return; }
              var s = sorts[t.id] || { col: -1, dir: 1 };
              var order = rows.map(function (r, i) { return i; });
              if (s.col >= 0) {
                var numeric = t.columns[s.col].numeric;
                order.sort(function (a, b) {
                  var x = cellKey(rows[a][s.col], numeric), y = cellKey(rows[b][s.col], numeric);
                  if (x < y) return -s.dir; if (x > y) return s.dir; return a - b;
                });
              }
              var table = el('table', null, 'bc-table'), thead = el('thead'), hr = el('tr');
              t.columns.forEach(function (c, i) {
                var th = el('th', null, c.numeric ? 'bc-num' : ''); th.scope = 'col';
                if (s.col === i) th.setAttribute('aria-sort', s.dir > 0 ? 'ascending' : 'descending');
                var b = el('button', c.title.trim()); b.type = 'button';
                b.addEventListener('click', function () {
                  var cur = sorts[t.id] || { col: -1, dir: 1 };
                  sorts[t.id] = cur.col === i ? { col: i, dir: -cur.dir } : { col: i, dir: c.numeric ? -1 : 1 };
                  renderTables();
                });
                th.appendChild(b); hr.appendChild(th);
              });
              thead.appendChild(hr); table.appendChild(thead);
              var tbody = el('tbody');
              order.forEach(function (ri) {
                var tr = el('tr'), rowNode = null;
                rows[ri].forEach(function (c, i) {
                  var td = el('td', null, t.columns[i] && t.columns[i].numeric ? 'bc-num' : '');
                  if (c && typeof c === 'object' && 'n' in c) {
                    if (c.n && nodeEls[c.n]) {
                      if (rowNode === null) rowNode = c.n;
                      var b = el('button', c.t, 'bc-node-link'); b.type = 'button'; b.dataset.node = c.n;
                      b.addEventListener('click', function () { select(c.n); focusOn(c.n); });
                      td.appendChild(b);
                    } else td.textContent = c.t;
                  } else td.textContent = cellText(c);
                  tr.appendChild(td);
                });
                if (rowNode && rowNode === selected) tr.className = 'bc-row-selected';
                tbody.appendChild(tr);
              });
              table.appendChild(tbody); sec.appendChild(table); host.appendChild(sec);
            });
          }

          apply();
          document.documentElement.setAttribute('data-bc-ready', '1');
        })();
        """#
}
