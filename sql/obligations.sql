-- obligations.sql: what the customer must do, resource by resource.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/obligations.sql
--   sqlite3 -csv -header inventory.db -cmd '.load ./srm' < sql/obligations.sql > obligations.csv
--
-- Reads the table inventory through srm_resources (any columns; arn,
-- resource_type, variant, account and region are used when there).  One
-- result, so that its CSV is one table: per resource, each control of
-- resource scope that applies to it and that the customer owns or shares:
-- owner, basis (category_default: the category's answer; service or
-- variant: documented for it), the AWS page behind it, and the customer's
-- duty.  Controls that do not apply to the resource (not_applicable) and
-- those AWS performs are left out.  Ordered by the inventory's row order,
-- then the controls bottom to top: srm_resources gives its rows in that
-- order, and srm_matrix and srm_controls give a resource's controls bottom
-- to top, so SQLite sorts nothing (a sort of every duty would cost more
-- than the rest of the report on a large inventory; the owner test is NOT
-- IN, not IN ('customer', 'shared'), which srm_matrix would look up one
-- owner after the other).
-- The controls of organization scope (incident response, awareness
-- training, compliance validation) are in sql/organization.sql, once per
-- account; resources srm does not resolve are in sql/unmapped.sql.
SELECT r.account, r.region, r.arn, r.service, r.variant_used AS variant, c.control, m.owner,
       m.basis, m.source, m.customer_duty
  FROM srm_resources r
  JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant_used
  JOIN srm_controls c ON c.control = m.control
 WHERE r.status = 'resolved' AND c.scope = 'resource' AND c.parts IS NULL
   AND m.owner NOT IN ('aws', 'not_applicable')
 ORDER BY r.id;
