-- summary.sql: how much of the inventory's security is the customer's.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/summary.sql
--   sqlite3 -csv -header inventory.db -cmd '.load ./srm' < sql/summary.sql > summary.csv
--
-- Reads the table inventory through srm_resources.  Counts are of
-- resources, and of duties: a duty is one control of resource scope for
-- one resource, counted under its owner (aws, shared, customer; duties
-- that do not apply are not counted).  Three results, each in the same
-- column order:
--   1. per service: resources, then duties by owner;
--   2. per account and region: resources, then duties by owner;
--   3. per control, bottom to top: resources for which AWS, both, or the
--      customer owns it, and for which it does not apply.
-- Only resources srm resolves are counted (sql/unmapped.sql lists the
-- others); the first result ends with a row 'unmapped' that counts them.
WITH d AS (
  SELECT r.id, r.service, r.category, r.account, r.region, m.owner
    FROM srm_resources r
    JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant_used
    JOIN srm_controls c ON c.control = m.control
   WHERE r.status = 'resolved' AND c.scope = 'resource' AND c.parts IS NULL
)
SELECT * FROM (
  SELECT service, category, count(DISTINCT id) AS resources,
         sum(owner = 'aws') AS aws_duties, sum(owner = 'shared') AS shared_duties,
         sum(owner = 'customer') AS customer_duties
    FROM d GROUP BY service, category
  UNION ALL
  SELECT 'unmapped', NULL, count(*), NULL, NULL, NULL FROM srm_resources WHERE status <> 'resolved'
)
 ORDER BY service = 'unmapped', service;

WITH d AS (
  SELECT r.id, r.account, r.region, m.owner
    FROM srm_resources r
    JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant_used
    JOIN srm_controls c ON c.control = m.control
   WHERE r.status = 'resolved' AND c.scope = 'resource' AND c.parts IS NULL
)
SELECT account, region, count(DISTINCT id) AS resources,
       sum(owner = 'aws') AS aws_duties, sum(owner = 'shared') AS shared_duties,
       sum(owner = 'customer') AS customer_duties
  FROM d GROUP BY account, region
 ORDER BY account, region;

SELECT c.control, sum(m.owner = 'aws') AS aws_resources, sum(m.owner = 'shared') AS shared_resources,
       sum(m.owner = 'customer') AS customer_resources,
       sum(m.owner = 'not_applicable') AS not_applicable_resources
  FROM srm_resources r
  JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant_used
  JOIN srm_controls c ON c.control = m.control
 WHERE r.status = 'resolved' AND c.parts IS NULL
 GROUP BY c.position, c.control
 ORDER BY c.position;
