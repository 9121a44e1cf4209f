-- effective_obligations.sql: obligations.sql with the organization's
-- decisions applied.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/effective_obligations.sql
--
-- Reads a table or view named inventory (as obligations.sql) and
-- srm_decisions.  For each resource the model knows and each base control
-- whose effective owner is not AWS: the model owner, the effective owner
-- (customer, shared or third_party), the third party and the organization's
-- owner from the decision that applies, and the customer's duty from the
-- model.  Ordered by account, region, arn, then the controls bottom to top.
.bail on
WITH inv AS (
  SELECT *, NULL AS resource_type, NULL AS variant, NULL AS account, NULL AS region FROM inventory
), r AS (
  SELECT arn, coalesce(resource_type, arn) AS x,
         coalesce(srm_service(resource_type), srm_service(arn)) AS service, variant,
         coalesce(account, srm_arn(arn, 'account')) AS account,
         coalesce(region, srm_arn(arn, 'region')) AS region
    FROM inv
), e AS (
  SELECT r.account, r.region, r.arn, m.service, m.variant_used AS variant, m.control, c.position,
         m.owner AS model_owner, m.customer_duty,
         effective_responsibility(CASE WHEN srm_service(r.arn) = r.service THEN r.arn ELSE r.x END,
                                  m.control, r.variant) AS effective_owner,
         effective_decision(CASE WHEN srm_service(r.arn) = r.service THEN r.arn ELSE r.x END,
                            m.control, r.variant) AS decision_id
    FROM r
    JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant
    JOIN srm_controls c ON c.control = m.control
   WHERE c.layer <> 'composite'
)
SELECT e.account, e.region, e.arn, e.service, e.variant, e.control, e.model_owner,
       e.effective_owner, d.party, d.internal_owner, e.decision_id, e.customer_duty
  FROM e LEFT JOIN srm_decisions d ON d.id = e.decision_id
 WHERE e.effective_owner <> 'aws'
 ORDER BY e.account, e.region, e.arn, e.position;
