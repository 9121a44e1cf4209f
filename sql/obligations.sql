-- obligations.sql: what the customer must do, resource by resource.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/obligations.sql
--   sqlite3 -csv -header inventory.db -cmd '.load ./srm' < sql/obligations.sql > obligations.csv
--
-- Reads the table inventory through srm_resources (any columns; arn,
-- resource_type, variant, account and region are used when there).  Two
-- results:
--   1. per resource, each control of resource scope that applies to it and
--      that the customer owns or shares: owner, basis (category_default: the
--      category's answer; service or variant: documented for it), the AWS
--      page behind it, and the customer's duty.  Controls that do not apply
--      to the resource (not_applicable) and those AWS performs are left out.
--      Ordered by the inventory's row order, then the controls bottom to top.
--   2. the organization-level controls (srm_controls.scope = 'organization':
--      incident response, awareness training, compliance validation) once
--      per account and owner, with the number of resources they cover.
-- Resources srm does not resolve are in sql/unmapped.sql.
SELECT r.account, r.region, r.arn, r.service, r.variant_used AS variant, c.control, m.owner,
       m.basis, m.source, m.customer_duty
  FROM srm_resources r
  JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant_used
  JOIN srm_controls c ON c.control = m.control
 WHERE r.status = 'resolved' AND c.scope = 'resource' AND c.parts IS NULL
   AND m.owner IN ('customer', 'shared')
 ORDER BY r.id, c.position;

SELECT r.account, c.control, m.owner, count(*) AS resources, count(DISTINCT r.service) AS services,
       min(m.customer_duty) AS customer_duty
  FROM srm_resources r
  JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant_used
  JOIN srm_controls c ON c.control = m.control
 WHERE r.status = 'resolved' AND c.scope = 'organization' AND m.owner IN ('customer', 'shared')
 GROUP BY r.account, c.position, c.control, m.owner
 ORDER BY r.account, c.position, m.owner;
