-- report_html.sql: the inventory's shared responsibility as one HTML page.
--
--   sqlite3 inventory.db -cmd '.load ./srm' < sql/report_html.sql > report.html
--
-- From a program, run it and write the one value of its last statement
-- (Python: conn.execute() each statement, or executescript() the first and
-- execute() the second; Node.js: db.exec() the first, db.prepare(second)
-- .pluck().get()).
--
-- Reads the table (or view) inventory through srm_resources, and
-- srm_decisions.  The first statement creates srm's empty decisions table
-- when the database has none (SELECT srm_overlay_init(); nothing else
-- changes, and it prints nothing); the second prints one row, one column:
-- a self-contained HTML document (inline CSS and SVG, no script, no file
-- or address it loads) that prints well:
--   1. counts by owner: resources, resolved and not, and duties by owner,
--      in total and per service (a duty is a base control of resource
--      scope for one resource, as sql/summary.sql counts them);
--   2. the stack of each service and variant present (srm_svg(); hover a
--      band for its duties and AWS page);
--   3. the services present against every control, coloured by owner, one
--      letter each (A aws, S shared, C customer, - not applicable), as
--      sql/matrix.sql;
--   4. the rows srm does not resolve, as sql/unmapped.sql, one per row;
--   5. the organization's decisions: in force, expiring within 30 days,
--      expired (sql/decisions.sql), with their reasons;
--   6. where each number comes from: the tables and rules behind each
--      section, srm's version, the model's checksum, and the AWS pages
--      read for each service present.
-- Every value from the inventory, the decisions or the model goes through
-- srm_html(), which escapes & < > " '.  What the script and the model
-- write is ASCII (other characters as references: &middot;), and no line
-- inside the document's text ends with a semicolon, so that a client that
-- splits the script at lines that do runs it unchanged.  Dates are UTC days.  Sections
-- are ordered as above, their rows by service, variant, then id.
SELECT 1 WHERE srm_overlay_init() IS NULL;

WITH
r AS (
  SELECT id, arn, resource_type, name, tags, account, region, service, variant_used,
         category, status, variant_given
    FROM srm_resources
),
g AS (
  SELECT service, variant_used, category, count(*) AS n
    FROM r WHERE status = 'resolved' GROUP BY service, variant_used, category
),
o AS (
  SELECT g.service, g.variant_used, g.category, g.n,
         sum(m.owner = 'aws') AS a, sum(m.owner = 'shared') AS s, sum(m.owner = 'customer') AS c
    FROM g
    JOIN srm_matrix m ON m.service = g.service AND m.variant IS g.variant_used
    JOIN srm_controls k ON k.control = m.control
   WHERE k.scope = 'resource' AND k.parts IS NULL
   GROUP BY g.service, g.variant_used
),
total AS (
  SELECT (SELECT count(*) FROM r) AS rows_all,
         (SELECT count(*) FROM r WHERE status = 'resolved') AS rows_resolved,
         coalesce(sum(n * a), 0) AS aws, coalesce(sum(n * s), 0) AS shared,
         coalesce(sum(n * c), 0) AS customer
    FROM o
),
dec AS (
  SELECT d.*,
         CASE WHEN d.expires_on < date('now') THEN 'expired'
              WHEN d.expires_on <= date('now', '+30 days') THEN 'expiring'
              ELSE 'in force' END AS status,
         CASE WHEN d.resource_arn IS NOT NULL THEN 'resource'
              WHEN d.account IS NOT NULL THEN 'account'
              WHEN d.variant IS NOT NULL THEN 'variant' ELSE 'service' END AS scope,
         responsibility(coalesce(d.resource_arn, d.service), d.control, d.variant) AS model_owner
    FROM srm_decisions d
),
legend AS (
  SELECT '<p class="legend" id="legend">Owners: '
         || '<span class="o-aws">A aws</span> <span class="o-shared">S shared</span> '
         || '<span class="o-customer">C customer</span> '
         || '<span class="o-not_applicable">- not_applicable</span></p>' AS html
)
SELECT
'<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>srm: shared responsibility of the inventory</title>
<style>
  body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 14px; }
  body { margin: 2em auto; max-width: 1200px; padding: 0 1em; color: #000; background: #fff; }
  h1 { font-size: 1.6em; margin-bottom: 0.2em; }
  h2 { font-size: 1.25em; border-bottom: 2px solid #333; margin-top: 2em; }
  table { border-collapse: collapse; margin: 0.8em 0; }
  th, td { border: 1px solid #999; padding: 3px 6px; text-align: left; vertical-align: top; }
  th { background: #eee; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  .o-aws { background: #0072B2; color: #fff; }
  .o-customer { background: #E69F00; color: #000; }
  .o-shared { background: #009E73; color: #000; }
  .o-not_applicable { background: #F2F2F2; color: #000; border-style: dashed; }
  .legend span { display: inline-block; padding: 2px 8px; margin-right: 4px; border: 1px solid #999; }
  .stacks { display: flex; flex-wrap: wrap; gap: 1em; }
  .stacks figure { margin: 0; width: 380px; break-inside: avoid; page-break-inside: avoid; }
  .stacks figcaption { font-weight: bold; margin-bottom: 4px; }
  .stacks svg { width: 100%; height: auto; border: 1px solid #ccc; }
  table.heat td.h { text-align: center; font-weight: bold; padding: 2px 3px; min-width: 1.2em; }
  table.heat th.c { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: normal; }
  table.heat th.c { font-size: 0.8em; white-space: nowrap; padding: 4px 2px; }
  .muted { color: #444; }
  code { font-size: 0.95em; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11px; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    h2 { break-after: avoid; page-break-after: avoid; }
    tr, figure { break-inside: avoid; page-break-inside: avoid; }
    .stacks figure { width: 45%; }
  }
</style>
</head>
<body>
<header>
<h1>Shared responsibility of the inventory</h1>
<p class="muted">srm ' || srm_html(srm_version()) || ' &middot; model checksum <code>'
  || srm_html(json_extract(srm_debug(), '$.data_checksum')) || '</code> &middot; as of '
  || srm_html(date('now')) || ' (UTC) &middot; ' || (SELECT rows_all FROM total)
  || ' rows of the table <code>inventory</code></p>
<nav><a href="#owners">1. Counts by owner</a> &middot; <a href="#stacks">2. Stacks</a>
&middot; <a href="#matrix">3. Matrix</a> &middot; <a href="#unmapped">4. Unmapped rows</a>
&middot; <a href="#decisions">5. Decisions</a> &middot; <a href="#sources">6. Sources</a></nav>
</header>
<main>
<section id="owners">
<h2>1. Counts by owner</h2>
' || (SELECT html FROM legend) || '
<table class="totals">
<tr><th>resources</th><th>resolved</th><th>not resolved</th><th class="o-aws">aws duties</th><th class="o-shared">shared duties</th><th class="o-customer">customer duties</th></tr>
<tr>' || (SELECT '<td class="n">' || rows_all || '</td><td class="n">' || rows_resolved
               || '</td><td class="n">' || (rows_all - rows_resolved) || '</td><td class="n">' || aws
               || '</td><td class="n">' || shared || '</td><td class="n">' || customer || '</td>'
          FROM total) || '</tr>
</table>
<table class="services">
<tr><th>service</th><th>category</th><th class="n">resources</th><th class="n">aws duties</th><th class="n">shared duties</th><th class="n">customer duties</th></tr>
' || coalesce((SELECT group_concat(x, char(10)) FROM (
      SELECT '<tr><td>' || srm_html(service) || '</td><td>' || srm_html(category) || '</td><td class="n">'
             || sum(n) || '</td><td class="n">' || sum(n * a) || '</td><td class="n">' || sum(n * s)
             || '</td><td class="n">' || sum(n * c) || '</td></tr>' AS x
        FROM o GROUP BY service, category ORDER BY service)), '') || '
</table>
</section>
<section id="stacks">
<h2>2. Stacks of the services present</h2>
<p class="muted">One picture per service and variant in the inventory, bottom (physical) to top; hover a band for the duties and the AWS page behind it.</p>
<div class="stacks">
' || coalesce((SELECT group_concat(x, char(10)) FROM (
      SELECT '<figure data-service="' || srm_html(service) || '" data-variant="'
             || srm_html(coalesce(variant_used, '')) || '"><figcaption>' || srm_html(service)
             || coalesce(' &middot; ' || srm_html(variant_used), '') || ': ' || sum(n)
             || CASE sum(n) WHEN 1 THEN ' resource' ELSE ' resources' END || '</figcaption>'
             || substr(svg, instr(svg, '<svg')) || '</figure>' AS x
        FROM (SELECT g.*, srm_svg(g.service, g.variant_used) AS svg FROM g)
       GROUP BY service, variant_used ORDER BY service, variant_used)), '<p>No resource resolves.</p>') || '
</div>
</section>
<section id="matrix">
<h2>3. Services against every control</h2>
' || (SELECT html FROM legend) || '
<table class="heat">
<tr><th>service</th><th>variant</th><th class="n">resources</th>'
  || (SELECT group_concat(x, '') FROM (
        SELECT '<th class="c" title="' || srm_html(control) || '">' || srm_html(title) || '</th>' AS x
          FROM srm_controls ORDER BY position)) || '</tr>
' || coalesce((SELECT group_concat(x, char(10)) FROM (
      SELECT '<tr><td>' || srm_html(g.service) || '</td><td>' || srm_html(coalesce(g.variant_used, ''))
             || '</td><td class="n">' || sum(g.n) || '</td>'
             || (SELECT group_concat(y, '') FROM (
                   SELECT '<td class="h o-' || srm_html(m.owner) || '" title="' || srm_html(k.title || ': ' || m.owner)
                          || '">' || CASE m.owner WHEN 'aws' THEN 'A' WHEN 'shared' THEN 'S'
                                                  WHEN 'customer' THEN 'C' ELSE '-' END || '</td>' AS y
                     FROM srm_matrix m JOIN srm_controls k ON k.control = m.control
                    WHERE m.service = g.service AND m.variant IS g.variant_used
                    ORDER BY k.position))
             || '</tr>' AS x
        FROM g GROUP BY g.service, g.variant_used ORDER BY g.service, g.variant_used)), '') || '
</table>
</section>
<section id="unmapped">
<h2>4. Rows srm does not resolve</h2>
' || coalesce((SELECT CASE WHEN count(*) > 0 THEN '<p>Left out of every count above: ' || count(*) || CASE count(*) WHEN 1 THEN ' row' ELSE ' rows' END || '. Status unknown_service: no resource type, ARN or service srm knows; unknown_variant: a variant its service does not have; no_identifier: nothing to resolve.</p>
<table class="unmapped">
<tr><th class="n">id</th><th>status</th><th>arn</th><th>resource_type</th><th>name</th><th>variant given</th><th>tags</th></tr>
' || group_concat(x, char(10)) || '
</table>' END FROM (
      SELECT '<tr><td class="n">' || id || '</td><td>' || srm_html(status) || '</td><td>'
             || coalesce(srm_html(arn), '') || '</td><td>' || coalesce(srm_html(resource_type), '')
             || '</td><td>' || coalesce(srm_html(name), '') || '</td><td>'
             || coalesce(srm_html(variant_given), '') || '</td><td>' || coalesce(srm_html(tags), '')
             || '</td></tr>' AS x
        FROM r WHERE status <> 'resolved' ORDER BY id)),
    '<p>Every row resolves.</p>') || '
</section>
<section id="decisions">
<h2>5. The organization''s decisions</h2>
' || coalesce((SELECT CASE WHEN count(*) > 0 THEN '<p>' || sum(status = 'in force') || ' in force, ' || sum(status = 'expiring')
        || ' expiring within 30 days (still applied), ' || sum(status = 'expired') || ' expired (no longer applied).</p>
<table class="decisions">
<tr><th class="n">id</th><th>status</th><th>scope</th><th>service</th><th>variant</th><th>control</th><th>model owner</th><th>decided owner</th><th>party</th><th>internal owner</th><th>reason</th><th>approved by</th><th>decided on</th><th>expires on</th><th>account or resource</th></tr>
' || group_concat(x, char(10)) || '
</table>' END FROM (
      SELECT status, '<tr><td class="n">' || id || '</td><td>' || srm_html(status) || '</td><td>'
             || srm_html(scope) || '</td><td>' || srm_html(service) || '</td><td>'
             || coalesce(srm_html(variant), '') || '</td><td>' || srm_html(control)
             || '</td><td class="o-' || srm_html(model_owner) || '">' || srm_html(model_owner)
             || '</td><td>' || srm_html(owner) || '</td><td>' || coalesce(srm_html(party), '')
             || '</td><td>' || coalesce(srm_html(internal_owner), '') || '</td><td>'
             || srm_html(reason) || '</td><td>' || srm_html(approved_by) || '</td><td>'
             || srm_html(decided_on) || '</td><td>' || coalesce(srm_html(expires_on), '')
             || '</td><td>' || coalesce(srm_html(coalesce(resource_arn, account)), '') || '</td></tr>' AS x
        FROM dec
       ORDER BY CASE status WHEN 'expired' THEN 2 WHEN 'expiring' THEN 1 ELSE 0 END, service, control, id)),
    '<p>No decisions: <code>srm_decisions</code> is empty, so every owner above is AWS''s model.</p>') || '
</section>
<section id="sources">
<h2>6. Where the numbers come from</h2>
<table class="sources">
<tr><th>section</th><th>computed from</th></tr>
<tr><td>1. resources</td><td>the rows of <code>inventory</code>, each resolved once by <code>srm_resources</code>; &ldquo;resolved&rdquo; is its <code>status = ''resolved''</code></td></tr>
<tr><td>1. duties</td><td>one per resolved resource and base control of resource scope (<code>srm_controls</code>: <code>scope = ''resource''</code>, no <code>parts</code>), counted under the owner <code>srm_matrix</code> gives for the resource&rsquo;s service and <code>variant_used</code>; not_applicable is not counted (<code>sql/summary.sql</code>)</td></tr>
<tr><td>2. stacks</td><td><code>srm_svg(service, variant_used)</code>: every cell of <code>srm_matrix</code> for that variant; each band&rsquo;s hover names its AWS page and the day it was read</td></tr>
<tr><td>3. matrix</td><td><code>srm_matrix</code> for each service and <code>variant_used</code> present (<code>sql/matrix.sql</code>)</td></tr>
<tr><td>4. unmapped</td><td><code>srm_resources</code> rows whose <code>status</code> is not resolved (<code>sql/unmapped.sql</code>)</td></tr>
<tr><td>5. decisions</td><td><code>srm_decisions</code>; expired: <code>expires_on</code> before today (UTC), expiring: within 30 days; model owner: <code>responsibility()</code> (<code>sql/decisions.sql</code>). The counts of sections 1 to 3 are AWS&rsquo;s model, before decisions (<code>sql/effective_obligations.sql</code> applies them)</td></tr>
<tr><td>the model</td><td>srm ' || srm_html(srm_version()) || ', data checksum <code>' || srm_html(json_extract(srm_debug(), '$.data_checksum'))
  || '</code>: ' || json_extract(srm_debug(), '$.model.sourced_cells') || ' of '
  || json_extract(srm_debug(), '$.rows.matrix') || ' cells documented for a service or variant, the others their category&rsquo;s default</td></tr>
</table>
<table class="reviewed">
<tr><th>service</th><th>name</th><th>pages read</th><th>read on</th></tr>
' || coalesce((SELECT group_concat(x, char(10)) FROM (
      SELECT '<tr><td>' || srm_html(s.service) || '</td><td>' || srm_html(s.name) || '</td><td>'
             || coalesce(replace(srm_html(s.reviewed_pages), '|', '<br>'), 'none: its category&rsquo;s defaults')
             || '</td><td>' || coalesce(srm_html(s.reviewed_on), '') || '</td></tr>' AS x
        FROM srm_services s WHERE s.service IN (SELECT service FROM g) ORDER BY s.service)), '') || '
</table>
</section>
</main>
</body>
</html>' AS html;
