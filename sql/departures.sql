-- departures.sql: where the organization departs from AWS's model.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/departures.sql
--
-- Reads srm_decisions.  For each decision in force (not expired), each
-- control it decides (a composite counts for itself and for each of its
-- parts that AWS's model does not leave to AWS) whose decided owner is not
-- the model's: the service, scope, control, model owner, decided owner,
-- third party, the organization's owner and the reason.  Decisions that
-- only confirm the model are left out.  Ordered by service, control, id.
WITH live AS (
  SELECT * FROM srm_decisions WHERE expires_on IS NULL OR expires_on >= date('now')
), parts AS (
  SELECT l.id, l.control AS decided, l.control AS control FROM live l
  UNION ALL
  SELECT l.id, l.control, p.control
    FROM live l JOIN srm_controls k ON k.control = l.control AND k.parts IS NOT NULL
    JOIN srm_controls p ON instr('|' || k.parts || '|', '|' || p.control || '|') > 0
)
SELECT d.id, d.service, d.variant,
       CASE WHEN d.resource_arn IS NOT NULL THEN d.resource_arn
            WHEN d.account IS NOT NULL THEN 'account ' || d.account
            ELSE 'all' END AS applies_to,
       p.control, responsibility(coalesce(d.resource_arn, d.service), p.control, d.variant) AS model_owner,
       d.owner AS decided_owner, d.party, d.internal_owner, d.reason
  FROM parts p JOIN live d ON d.id = p.id
 WHERE d.owner <> responsibility(coalesce(d.resource_arn, d.service), p.control, d.variant)
   AND (p.control = p.decided
        OR responsibility(coalesce(d.resource_arn, d.service), p.control, d.variant) <> 'aws')
 ORDER BY d.service, p.control, d.id;
