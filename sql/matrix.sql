-- matrix.sql: the services of the inventory against every control, one
-- letter a control, so that it fits a terminal.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/matrix.sql
--
-- Reads the table inventory through srm_resources.  Two results:
--   1. the legend: each control with its column number (srm_controls,
--      bottom to top, composites last: a new control appears on its own)
--      and whether it is per resource, per organization or a composite;
--   2. one row per service and variant in use (the variant whose cells
--      apply: a row naming none counts under its service's default), the
--      number of resources, and 'owners': one letter per control in the
--      legend's order, A aws, S shared, C customer, - not applicable.
-- For the same matrix one cell per row (to a spreadsheet or a program):
-- sql/matrix_long.sql.  Ordered by service, variant.
SELECT c.position AS col, c.control,
       CASE WHEN c.parts IS NOT NULL THEN 'composite' ELSE c.scope END AS kind
  FROM srm_controls c ORDER BY c.position;

WITH s AS (
  SELECT service, variant_used, count(*) AS resources
    FROM srm_resources WHERE status = 'resolved' GROUP BY service, variant_used
)
SELECT s.service, s.variant_used AS variant, s.resources,
       (SELECT group_concat(CASE m.owner WHEN 'aws' THEN 'A' WHEN 'shared' THEN 'S'
                                         WHEN 'customer' THEN 'C' ELSE '-' END, '')
          FROM (SELECT m.owner FROM srm_matrix m JOIN srm_controls c ON c.control = m.control
                 WHERE m.service = s.service AND m.variant IS s.variant_used
                 ORDER BY c.position) AS m) AS owners
  FROM s
 ORDER BY s.service, s.variant_used;
