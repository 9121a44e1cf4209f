-- unmapped.sql: what in the inventory the model does not know.
--
--   sqlite3 -box inventory.db < sql/unmapped.sql
--
-- Reads a table or view named inventory (at least arn; resource_type when
-- present).  Rows whose resource type and ARN both resolve to no service,
-- grouped by what they are: the resource type, else the ARN's
-- namespace:type, else "not an ARN".  With the count and one example each,
-- most frequent first.  An empty result means every row is covered.
.bail on
WITH inv AS (
  SELECT *, NULL AS resource_type FROM inventory
)
SELECT coalesce(resource_type,
                srm_arn(arn, 'service') || ':' || coalesce(srm_arn(arn, 'resource_type'), ''),
                CASE WHEN arn IS NULL THEN 'no arn' ELSE 'not an ARN' END) AS what,
       count(*) AS resources, min(arn) AS example
  FROM inv
 WHERE srm_service(resource_type) IS NULL AND srm_service(arn) IS NULL
 GROUP BY 1
 ORDER BY 2 DESC, 1;
