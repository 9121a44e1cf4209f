-- obligations.sql: what the customer must do, resource by resource.
--
--   sqlite3 -box inventory.db < sql/obligations.sql
--   sqlite3 -csv -header inventory.db < sql/obligations.sql > obligations.csv
--   sqlite3 -json inventory.db < sql/obligations.sql > obligations.json
--
-- Reads a table or view named inventory with at least an arn column, and
-- resource_type, variant, account and region columns when it has them (as
-- srm_inventory() gives).  For each resource the model knows and each base
-- control that the customer owns or shares: the owner and the customer's
-- duty.  Resources the model does not know are in sql/unmapped.sql.
-- Ordered by account, region, arn, then the controls bottom to top.
.bail on
WITH inv AS (
  -- Missing optional columns read as NULL: a real column of the same name
  -- comes first and wins.
  SELECT *, NULL AS resource_type, NULL AS variant, NULL AS account, NULL AS region FROM inventory
), r AS (
  SELECT arn, coalesce(srm_service(resource_type), srm_service(arn)) AS service, variant,
         coalesce(account, srm_arn(arn, 'account')) AS account,
         coalesce(region, srm_arn(arn, 'region')) AS region
    FROM inv
)
SELECT r.account, r.region, r.arn, m.service, m.variant_used AS variant, m.control, m.owner,
       m.customer_duty
  FROM r
  JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant
  JOIN srm_controls c ON c.control = m.control
 WHERE m.owner IN ('customer', 'shared') AND c.layer <> 'composite'
 ORDER BY r.account, r.region, r.arn, c.position;
