-- findings.sql: scanners' failed findings, by whose duty they are.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/findings.sql
--
-- Reads the table findings (sql/load_findings.sql).  Each finding's owner
-- is the model's owner of the control its check verifies (srm_checks),
-- for its resource (its ARN, else its service).  Three results:
--   1. failed findings on a control the customer owns or shares: the
--      customer's duty behind each, most severe first;
--   2. failed findings on a control AWS performs, or that does not apply
--      to the resource: listed apart, with why: either the check is
--      attributed to the wrong control, or the setting it checks is the
--      customer's and the model should say so (evidence for a review of
--      the model's data);
--   3. failed findings whose check verifies no control of srm's, or that
--      srm does not know (other products' findings, the customer's own
--      rules), with the number of findings per check.
WITH f AS (
  SELECT f.rowid AS id, f.*, coalesce(f.arn, f.service) AS x,
         CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2
                         WHEN 'low' THEN 3 ELSE 4 END AS rank
    FROM findings f
   WHERE f.status = 'failed' AND f.control IS NOT NULL AND srm_service(coalesce(f.arn, f.service)) IS NOT NULL
)
SELECT f.severity, f.scanner, f.check_id, f.account, f.region, f.arn, f.resource_id, f.service,
       f.control, responsibility(f.x, f.control) AS owner,
       json_extract(responsibility_why(f.x, f.control), '$.customer_duty') AS customer_duty
  FROM f
 WHERE responsibility(f.x, f.control) IN ('customer', 'shared')
 ORDER BY f.rank, (SELECT position FROM srm_controls c WHERE c.control = f.control), f.id;

WITH f AS (
  SELECT f.rowid AS id, f.*, coalesce(f.arn, f.service) AS x FROM findings f
   WHERE f.status = 'failed' AND f.control IS NOT NULL AND srm_service(coalesce(f.arn, f.service)) IS NOT NULL
)
SELECT f.scanner, f.check_id, f.arn, f.resource_id, f.service, f.control,
       responsibility(f.x, f.control) AS owner,
       CASE responsibility(f.x, f.control)
         WHEN 'aws' THEN 'the check verifies a control AWS performs here: a check attributed to the wrong'
                         || ' control, or a setting of the customer''s that the model should give the customer'
         ELSE 'the control does not apply to this resource: a check attributed to the wrong control,'
              || ' or a resource the model reads wrongly'
       END AS why
  FROM f
 WHERE responsibility(f.x, f.control) IN ('aws', 'not_applicable')
 ORDER BY f.id;

SELECT f.scanner, f.check_id, count(*) AS findings,
       CASE WHEN EXISTS (SELECT 1 FROM srm_checks k WHERE k.scanner = f.scanner AND k.check_id = f.check_id)
            THEN 'verifies no control of srm''s: ' || (SELECT rationale FROM srm_checks k
                   WHERE k.scanner = f.scanner AND k.check_id = f.check_id)
            ELSE 'a check srm does not know (another product''s finding, or a rule of the customer''s own)'
       END AS why
  FROM findings f
 WHERE f.status = 'failed' AND f.control IS NULL
 GROUP BY f.scanner, f.check_id
 ORDER BY f.scanner, f.check_id;
