-- coverage.sql: how much of the model rests on a reading of AWS's pages.
--
--   sqlite3 -box -cmd '.load ./srm' < sql/coverage.sql
--
-- Reads only the model (no inventory).  Three results:
--   1. the model in numbers: services, services reviewed against AWS's
--      pages (srm_services.reviewed_on), cells of the matrix, cells
--      documented for a service or variant (basis service or variant, each
--      with its AWS page and the date it was read), cells that do not
--      apply, cells inherited from the category default, and what
--      srm_debug() says of the same (it must agree);
--   2. per category: services, reviewed, and the share of their cells that
--      is documented;
--   3. the services not reviewed yet, by category then id: their cells are
--      the category's defaults, an honest default, not a claim about them.
SELECT (SELECT count(*) FROM srm_services) AS services,
       (SELECT count(*) FROM srm_services WHERE reviewed_on IS NOT NULL) AS reviewed_services,
       count(*) AS cells,
       sum(basis IN ('service', 'variant')) AS documented_cells,
       sum(owner = 'not_applicable') AS not_applicable_cells,
       sum(basis = 'category_default') AS default_cells,
       json_extract(srm_debug(), '$.model.sourced_cells') = sum(basis IN ('service', 'variant'))
       AND json_extract(srm_debug(), '$.model.not_applicable_cells') = sum(owner = 'not_applicable')
       AND json_extract(srm_debug(), '$.model.reviewed_services')
           = (SELECT count(*) FROM srm_services WHERE reviewed_on IS NOT NULL) AS agrees_with_srm_debug
  FROM srm_matrix;

SELECT s.category, count(DISTINCT s.service) AS services,
       count(DISTINCT CASE WHEN s.reviewed_on IS NOT NULL THEN s.service END) AS reviewed,
       printf('%.1f%%', 100.0 * sum(m.basis IN ('service', 'variant')) / count(*)) AS documented_share
  FROM srm_services s JOIN srm_matrix m ON m.service = s.service
 GROUP BY s.category
 ORDER BY s.category;

SELECT category, service, name FROM srm_services
 WHERE reviewed_on IS NULL
 ORDER BY category, service;
