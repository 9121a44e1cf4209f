-- summary.sql: how much of the inventory's security is the customer's.
--
--   sqlite3 -box inventory.db < sql/summary.sql
--   sqlite3 -csv -header inventory.db < sql/summary.sql > summary.csv
--
-- Reads a table or view named inventory (at least arn; resource_type,
-- variant, account and region when present).  Three results:
--   1. per service: resources, and the resource-control pairs the customer
--      owns, shares, or leaves to AWS;
--   2. per account and region: resources, and the resource-control pairs
--      the customer owns or shares;
--   3. per control: how many resources have it owned by aws, customer,
--      shared.
-- Only resources the model knows are counted (sql/unmapped.sql lists the
-- others).  Each result is ordered by its first columns.
.bail on
CREATE TEMP VIEW IF NOT EXISTS srm_summary_cells AS
  WITH inv AS (
    SELECT *, NULL AS resource_type, NULL AS variant, NULL AS account, NULL AS region FROM inventory
  ), r AS (
    SELECT row_number() OVER () AS item, arn,
           coalesce(srm_service(resource_type), srm_service(arn)) AS service, variant,
           coalesce(account, srm_arn(arn, 'account')) AS account,
           coalesce(region, srm_arn(arn, 'region')) AS region
      FROM inv
  )
  SELECT r.item, r.account, r.region, m.service, m.category, m.control, c.position, m.owner
    FROM r
    JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant
    JOIN srm_controls c ON c.control = m.control
   WHERE c.layer <> 'composite';

SELECT service, category, count(DISTINCT item) AS resources,
       sum(owner = 'customer') AS customer, sum(owner = 'shared') AS shared,
       sum(owner = 'aws') AS aws
  FROM srm_summary_cells
 GROUP BY service, category
 ORDER BY service;

SELECT account, region, count(DISTINCT item) AS resources,
       sum(owner = 'customer') AS customer, sum(owner = 'shared') AS shared,
       sum(owner = 'aws') AS aws
  FROM srm_summary_cells
 GROUP BY account, region
 ORDER BY account, region;

SELECT control, sum(owner = 'aws') AS aws, sum(owner = 'customer') AS customer,
       sum(owner = 'shared') AS shared
  FROM srm_summary_cells
 GROUP BY control, position
 ORDER BY position;
