-- effective_obligations.sql: obligations.sql with the organization's
-- decisions applied.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/effective_obligations.sql
--
-- Reads the table inventory through srm_resources, and srm_decisions.  For
-- each resource srm resolves and each control of resource scope that
-- applies to it and is not AWS's alone after the decisions: the model's
-- owner, the effective owner (customer, shared or third_party), the duty
-- of the effective owner (the customer's duty when the customer, a third
-- party on its behalf, or both with AWS carry it; AWS's when a decision
-- gives it to AWS), and, when a decision gave the answer, its id, the
-- third party, the organization's owner, the reason and who approved it.
-- Account decisions reach resources whose ARN has no account (S3 buckets)
-- through the inventory's account column.  Ordered by the inventory's row
-- order, then the controls bottom to top, with no sort (see
-- obligations.sql).  The effective owner is the
-- owner of the decision effective_decision() names (the one that gave
-- effective_responsibility()'s answer), else the model's: one lookup of
-- the decisions per duty.
WITH e AS (
  SELECT r.id, r.account, r.region, r.arn, r.service, r.variant_used AS variant, c.control, c.position,
         m.owner AS model_owner, m.aws_duty, m.customer_duty,
         effective_decision(coalesce(r.arn, r.resource_type, r.service), c.control,
                            r.variant_used, CASE WHEN length(r.account) = 12 THEN r.account END)
           AS decision_id
    FROM srm_resources r
    JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant_used
    JOIN srm_controls c ON c.control = m.control
   WHERE r.status = 'resolved' AND c.scope = 'resource' AND c.parts IS NULL
     AND m.owner <> 'not_applicable'
), f AS (
  SELECT e.*, coalesce(d.owner, e.model_owner) AS effective_owner,
         d.party, d.internal_owner, d.reason, d.approved_by
    FROM e LEFT JOIN srm_decisions d ON d.id = e.decision_id
)
SELECT account, region, arn, service, variant, control, model_owner, effective_owner,
       CASE effective_owner WHEN 'aws' THEN aws_duty ELSE customer_duty END AS duty,
       decision_id, party, internal_owner, reason, approved_by
  FROM f
 WHERE effective_owner <> 'aws'
 ORDER BY id;
