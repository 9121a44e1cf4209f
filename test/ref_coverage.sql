-- ref_coverage.sql: how much of each reference list the model resolves.
--
--   sqlite3 -box -cmd '.load ./srm' < test/ref_coverage.sql      (from the top of the tree)
--
-- Imports the reference lists shipped in data/ref/ (see data/ref/README.md
-- for their sources) and resolves every name with srm_service(): AWS SDK
-- services (by IAM prefix, client name or full name), CloudFormation and
-- AWS Config resource types, IAM ARN formats filled with sample values,
-- Steampipe and CloudQuery table names.  Two results: per dialect the
-- names, how many resolve, how many stand on srm_exclusions and how many
-- do neither; then every name that does not resolve, with the exclusion's
-- reason where there is one.  Ordered by dialect, then name.
.bail on
.import --csv --schema temp data/ref/aws_services.csv ref_services
.import --csv --schema temp data/ref/cfn_resource_types.csv ref_cfn
.import --csv --schema temp data/ref/config_resource_types.csv ref_config
.import --csv --schema temp data/ref/iam_resource_arns.csv ref_arns
.import --csv --schema temp data/ref/steampipe_aws_tables.csv ref_steampipe
.import --csv --schema temp data/ref/cloudquery_aws_tables.csv ref_cloudquery
CREATE TEMP VIEW coverage_names(dialect, name, service) AS
  SELECT 'sdk_service', service_id,
         coalesce(srm_service(nullif(iam_prefix, '')), srm_service(service_id),
                  srm_service(service_full_name))
    FROM temp.ref_services
  UNION ALL SELECT 'cloudformation', resource_type, srm_service(resource_type) FROM temp.ref_cfn
  UNION ALL SELECT 'config', resource_type, srm_service(resource_type) FROM temp.ref_config
  UNION ALL
  SELECT 'arn', arn_format,
         srm_service(replace(replace(replace(replace(replace(replace(arn_format,
           '${Partition}', 'aws'), '${Region}', 'us-east-1'), '${Account}', '123456789012'),
           '${', '{'), '{', 'x'), '}', ''))
    FROM (SELECT DISTINCT arn_format FROM temp.ref_arns)
  UNION ALL SELECT 'steampipe', table_name, srm_service(table_name) FROM temp.ref_steampipe
  UNION ALL SELECT 'cloudquery', table_name, srm_service(table_name) FROM temp.ref_cloudquery;

SELECT c.dialect, count(*) AS names, count(c.service) AS resolved,
       sum(c.service IS NULL AND x.name IS NOT NULL) AS excluded,
       sum(c.service IS NULL AND x.name IS NULL) AS missing,
       printf('%.1f%%', 100.0 * count(c.service) / count(*)) AS resolved_share
  FROM temp.coverage_names c
  LEFT JOIN srm_exclusions x ON x.dialect = c.dialect AND x.name = c.name
 GROUP BY c.dialect
 ORDER BY c.dialect;

SELECT c.dialect, c.name, coalesce(x.reason, 'NOT COVERED') AS reason
  FROM temp.coverage_names c
  LEFT JOIN srm_exclusions x ON x.dialect = c.dialect AND x.name = c.name
 WHERE c.service IS NULL
 ORDER BY c.dialect, c.name;
