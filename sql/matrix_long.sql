-- matrix_long.sql: the matrix of sql/matrix.sql, one cell per row.
--
--   sqlite3 -csv -header inventory.db -cmd '.load ./srm' < sql/matrix_long.sql > matrix.csv
--
-- Reads the table inventory through srm_resources.  One row per service
-- and variant in use and per control (bottom to top): resources, owner,
-- basis and source.  A spreadsheet pivots it into the wide view.
WITH s AS (
  SELECT service, variant_used, count(*) AS resources
    FROM srm_resources WHERE status = 'resolved' GROUP BY service, variant_used
)
SELECT s.service, s.variant_used AS variant, s.resources, c.position, c.control, m.owner, m.basis, m.source
  FROM s
  JOIN srm_matrix m ON m.service = s.service AND m.variant IS s.variant_used
  JOIN srm_controls c ON c.control = m.control
 ORDER BY s.service, s.variant_used, c.position;
