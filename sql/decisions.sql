-- decisions.sql: every decision of the organization, and its status.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/decisions.sql
--
-- Reads srm_decisions (SELECT srm_overlay_init() creates it).  One row per
-- decision: its scope (resource, account, variant or service), the control,
-- AWS's model owner, the decided owner and third party, who owns it inside
-- the organization, why, who approved it, when, and its status: expired
-- (expires_on before today, no longer applied), expiring (within 30 days)
-- or active.  Ordered by status (expired first), service, control, id.
SELECT d.id,
       CASE WHEN d.expires_on < date('now') THEN 'expired'
            WHEN d.expires_on <= date('now', '+30 days') THEN 'expiring'
            ELSE 'active' END AS status,
       CASE WHEN d.resource_arn IS NOT NULL THEN 'resource'
            WHEN d.account IS NOT NULL THEN 'account'
            WHEN d.variant IS NOT NULL THEN 'variant' ELSE 'service' END AS scope,
       d.service, d.variant, d.control,
       responsibility(coalesce(d.resource_arn, d.service), d.control, d.variant) AS model_owner,
       d.owner AS decided_owner, d.party, d.internal_owner, d.reason, d.approved_by,
       d.decided_on, d.expires_on, coalesce(d.resource_arn, d.account) AS scope_value
  FROM srm_decisions d
 ORDER BY CASE WHEN d.expires_on < date('now') THEN 0 ELSE 1 END, d.service, d.control, d.id;
