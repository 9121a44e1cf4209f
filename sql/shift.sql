-- shift.sql: what moves between the customer and AWS if a workload ran
-- another way (ECS on EC2 to Fargate, Lambda zip to a container image, EKS
-- self-managed nodes to managed node groups, RDS to RDS Custom ...).
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/shift.sql
--
-- Reads the table inventory through srm_resources.  Only workloads count:
-- resources whose variant is a deployment variant (srm_variants.kind);
-- kinds of resources that are not workloads (an EKS cluster's control
-- plane, RDS snapshots and parameter groups, EC2 key pairs) are left out,
-- and a workload moves only to the other deployment variants of its
-- service.  For each variant in use and each other deployment variant:
-- the workloads, and each base control whose owner would change, now and
-- after, with the way it moves: 'to aws', 'to customer', 'to shared'
-- (after is the new owner), 'no longer applies', 'now applies'.  Ordered
-- by service, variant now, variant after, control.
WITH w AS (
  SELECT service, variant_used AS variant, count(*) AS workloads
    FROM srm_resources
   WHERE status = 'resolved' AND variant_kind = 'deployment'
   GROUP BY service, variant_used
)
SELECT w.service, w.variant AS variant_now, v.variant AS variant_after, w.workloads,
       now.control, now.owner AS owner_now, after.owner AS owner_after,
       CASE WHEN after.owner = 'not_applicable' THEN 'no longer applies'
            WHEN now.owner = 'not_applicable' THEN 'now applies'
            ELSE 'to ' || after.owner END AS moves
  FROM w
  JOIN srm_variants v ON v.service = w.service AND v.variant <> w.variant AND v.kind = 'deployment'
  JOIN srm_matrix now ON now.service = w.service AND now.variant = w.variant
  JOIN srm_matrix after ON after.service = w.service AND after.variant = v.variant
                       AND after.control = now.control
  JOIN srm_controls c ON c.control = now.control
 WHERE now.owner <> after.owner AND c.parts IS NULL
 ORDER BY w.service, w.variant, v.variant, c.position;
