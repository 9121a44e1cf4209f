-- unmapped.sql: what in the inventory srm does not resolve.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/unmapped.sql
--
-- Reads the table inventory through srm_resources.  Rows left out of every
-- report, grouped by why (status: unknown_service, no resource type, ARN
-- or service srm knows; unknown_variant, a variant its service does not
-- have; no_identifier, nothing to resolve) and by what they are: the
-- resource type, else the ARN's namespace:type, else the variant given,
-- with the count and one example each.  Most frequent first.  An empty
-- result means every row is covered.
SELECT status,
       CASE status WHEN 'unknown_variant' THEN service || ' variant ' || quote(variant_given)
            ELSE coalesce(resource_type,
                          srm_arn(arn, 'service') || ':' || coalesce(srm_arn(arn, 'resource_type'), ''),
                          CASE WHEN arn IS NULL THEN 'no arn' ELSE 'not an ARN' END) END AS what,
       count(*) AS resources, min(coalesce(arn, resource_type)) AS example
  FROM srm_resources
 WHERE status <> 'resolved'
 GROUP BY 1, 2
 ORDER BY 3 DESC, 1, 2;
