-- organization.sql: the controls that are the organization's duty once per
-- account, not once per resource.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/organization.sql
--   sqlite3 -csv -header inventory.db -cmd '.load ./srm' < sql/organization.sql > organization.csv
--
-- Reads the table inventory through srm_resources.  The controls of
-- organization scope (srm_controls.scope = 'organization': incident
-- response, awareness training, compliance validation) that the customer
-- owns or shares for some resolved resource of an account: one row per
-- account, control and owner, with the number of resources and services it
-- covers and the customer's duty.  Ordered by account, then the controls
-- bottom to top.  The duties per resource are in sql/obligations.sql.
SELECT r.account, c.control, m.owner, count(*) AS resources, count(DISTINCT r.service) AS services,
       min(m.customer_duty) AS customer_duty
  FROM srm_resources r
  JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant_used
  JOIN srm_controls c ON c.control = m.control
 WHERE r.status = 'resolved' AND c.scope = 'organization' AND m.owner IN ('customer', 'shared')
 GROUP BY r.account, c.position, c.control, m.owner
 ORDER BY r.account, c.position, m.owner;
