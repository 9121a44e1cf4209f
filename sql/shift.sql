-- shift.sql: what moves between the customer and AWS if a workload changes
-- how it is deployed (ECS on EC2 to Fargate, Lambda zip to container image,
-- EKS self-managed nodes to managed node groups, RDS to RDS Custom ...).
--
--   sqlite3 -box inventory.db < sql/shift.sql
--
-- Reads a table or view named inventory (at least arn; resource_type and
-- variant when present).  For each service with variants in the inventory,
-- each variant its resources are on now (the service default when the row
-- names none) and each other variant: the base controls whose owner would
-- change, the owner now and after, and which way it moves.  Ordered by
-- service, variant now, variant after, control.
.bail on
WITH inv AS (
  SELECT *, NULL AS resource_type, NULL AS variant FROM inventory
), r AS (
  SELECT s.service, coalesce(i.variant, s.default_variant) AS variant, count(*) AS resources
    FROM inv i
    JOIN srm_services s ON s.service = coalesce(srm_service(i.resource_type), srm_service(i.arn))
   WHERE s.variants > 0
   GROUP BY 1, 2
)
SELECT r.service, r.variant AS variant_now, v.variant AS variant_after, r.resources,
       now.control, now.owner AS owner_now, after.owner AS owner_after,
       CASE WHEN (now.owner = 'customer') OR (now.owner = 'shared' AND after.owner = 'aws')
            THEN 'to aws' ELSE 'to customer' END AS moves
  FROM r
  JOIN srm_variants v ON v.service = r.service AND v.variant <> r.variant
  JOIN srm_matrix now ON now.service = r.service AND now.variant = r.variant
  JOIN srm_matrix after ON after.service = r.service AND after.variant = v.variant
                       AND after.control = now.control
  JOIN srm_controls c ON c.control = now.control
 WHERE now.owner <> after.owner AND c.layer <> 'composite'
 ORDER BY r.service, r.variant, v.variant, c.position;
