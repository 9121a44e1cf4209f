-- coverage_gaps.sql: which of the customer's duties a scanner checks, and
-- which no scanner does: what an auditor will ask evidence of.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/coverage_gaps.sql
--   sqlite3 -csv -header inventory.db -cmd '.load ./srm' < sql/coverage_gaps.sql > gaps.csv
--
-- Reads the table inventory through srm_resources, and srm_checks.  One
-- row per service, variant and resource type in use and per control of
-- resource scope that the customer owns or shares there: the resources,
-- the owner, and the checks of each scanner (Security Hub controls, AWS
-- Config managed rules, Prowler checks) that verify that control for that
-- service, matched by the service they inspect and, where both are known,
-- the resource type; `checked` is 'yes' when some scanner has a check,
-- else 'no: ask for evidence'.  The controls of organization scope
-- (incident response, awareness training, compliance validation) are the
-- last rows, once, with the checks of any service.  Ordered by service,
-- variant, resource type, then the controls bottom to top.
WITH t AS (
  SELECT service, variant_used, resource_type, count(*) AS resources
    FROM srm_resources WHERE status = 'resolved'
   GROUP BY service, variant_used, resource_type
), d AS (
  SELECT t.service, t.variant_used, t.resource_type, t.resources, m.control, c.position, m.owner
    FROM t
    JOIN srm_matrix m ON m.service = t.service AND m.variant IS t.variant_used
    JOIN srm_controls c ON c.control = m.control
   WHERE c.scope = 'resource' AND c.parts IS NULL AND m.owner IN ('customer', 'shared')
), k AS (
  SELECT d.service, d.variant_used, d.resource_type, d.control, k.scanner, k.check_id
    FROM d JOIN srm_checks k ON k.control = d.control AND k.service = d.service
   WHERE d.resource_type IS NULL OR k.resource_type IS NULL OR k.resource_type = d.resource_type
)
SELECT service, variant, resource_type, resources, control, owner, securityhub, config, prowler, checked
  FROM (
SELECT d.service, d.variant_used AS variant, d.resource_type, d.resources, d.control, d.position, d.owner,
       (SELECT group_concat(check_id, ' ') FROM (SELECT check_id FROM k WHERE k.service = d.service
          AND k.variant_used IS d.variant_used AND k.resource_type IS d.resource_type
          AND k.control = d.control AND k.scanner = 'securityhub' ORDER BY check_id)) AS securityhub,
       (SELECT group_concat(check_id, ' ') FROM (SELECT check_id FROM k WHERE k.service = d.service
          AND k.variant_used IS d.variant_used AND k.resource_type IS d.resource_type
          AND k.control = d.control AND k.scanner = 'config' ORDER BY check_id)) AS config,
       (SELECT group_concat(check_id, ' ') FROM (SELECT check_id FROM k WHERE k.service = d.service
          AND k.variant_used IS d.variant_used AND k.resource_type IS d.resource_type
          AND k.control = d.control AND k.scanner = 'prowler' ORDER BY check_id)) AS prowler,
       CASE WHEN EXISTS (SELECT 1 FROM k WHERE k.service = d.service AND k.variant_used IS d.variant_used
                           AND k.resource_type IS d.resource_type AND k.control = d.control)
            THEN 'yes' ELSE 'no: ask for evidence' END AS checked
  FROM d
UNION ALL
SELECT NULL, NULL, NULL, (SELECT count(*) FROM srm_resources WHERE status = 'resolved'), c.control,
       c.position, 'shared',
       (SELECT group_concat(check_id, ' ') FROM (SELECT check_id FROM srm_checks k
          WHERE k.control = c.control AND k.scanner = 'securityhub' ORDER BY check_id)),
       (SELECT group_concat(check_id, ' ') FROM (SELECT check_id FROM srm_checks k
          WHERE k.control = c.control AND k.scanner = 'config' ORDER BY check_id)),
       (SELECT group_concat(check_id, ' ') FROM (SELECT check_id FROM srm_checks k
          WHERE k.control = c.control AND k.scanner = 'prowler' ORDER BY check_id)),
       CASE WHEN EXISTS (SELECT 1 FROM srm_checks k WHERE k.control = c.control)
            THEN 'yes' ELSE 'no: ask for evidence' END
  FROM srm_controls c
 WHERE c.scope = 'organization' AND EXISTS (SELECT 1 FROM srm_resources WHERE status = 'resolved')
)
 ORDER BY service IS NULL, service, variant, resource_type, position;
