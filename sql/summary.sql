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
--
-- Resources are counted first, per service and variant (and account and
-- region), and the matrix is read once per group, not once per resource:
-- the report costs one pass over the inventory whatever its size.
WITH g AS (
  SELECT service, variant_used, category, count(*) AS n
    FROM srm_resources WHERE status = 'resolved'
   GROUP BY service, variant_used, category
), o AS (
  SELECT m.service, m.variant, sum(m.owner = 'aws') AS a, sum(m.owner = 'shared') AS s,
         sum(m.owner = 'customer') AS c
    FROM srm_matrix m JOIN srm_controls c ON c.control = m.control
   WHERE c.scope = 'resource' AND c.parts IS NULL
   GROUP BY m.service, m.variant
)
SELECT * FROM (
  SELECT g.service, g.category, sum(g.n) AS resources,
         sum(g.n * o.a) AS aws_duties, sum(g.n * o.s) AS shared_duties,
         sum(g.n * o.c) AS customer_duties
    FROM g JOIN o ON o.service = g.service AND o.variant IS g.variant_used
   GROUP BY g.service, g.category
  UNION ALL
  SELECT 'unmapped', NULL, count(*), NULL, NULL, NULL FROM srm_resources WHERE status <> 'resolved'
)
 ORDER BY service = 'unmapped', service;

WITH g AS (
  SELECT service, variant_used, account, region, count(*) AS n
    FROM srm_resources WHERE status = 'resolved'
   GROUP BY service, variant_used, account, region
), o AS (
  SELECT m.service, m.variant, sum(m.owner = 'aws') AS a, sum(m.owner = 'shared') AS s,
         sum(m.owner = 'customer') AS c
    FROM srm_matrix m JOIN srm_controls c ON c.control = m.control
   WHERE c.scope = 'resource' AND c.parts IS NULL
   GROUP BY m.service, m.variant
)
SELECT g.account, g.region, sum(g.n) AS resources,
       sum(g.n * o.a) AS aws_duties, sum(g.n * o.s) AS shared_duties,
       sum(g.n * o.c) AS customer_duties
  FROM g JOIN o ON o.service = g.service AND o.variant IS g.variant_used
 GROUP BY g.account, g.region
 ORDER BY g.account, g.region;

WITH g AS (
  SELECT service, variant_used, count(*) AS n
    FROM srm_resources WHERE status = 'resolved'
   GROUP BY service, variant_used
)
SELECT c.control, sum(g.n * (m.owner = 'aws')) AS aws_resources,
       sum(g.n * (m.owner = 'shared')) AS shared_resources,
       sum(g.n * (m.owner = 'customer')) AS customer_resources,
       sum(g.n * (m.owner = 'not_applicable')) AS not_applicable_resources
  FROM g
  JOIN srm_matrix m ON m.service = g.service AND m.variant IS g.variant_used
  JOIN srm_controls c ON c.control = m.control
 WHERE c.parts IS NULL
 GROUP BY c.position, c.control
 ORDER BY c.position;
