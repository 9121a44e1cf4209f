-- load_findings.sql: append a scanner's findings to the table findings.
--
--   sqlite3 inventory.db -cmd '.load ./srm' \
--     -cmd ".parameter set :document readfile('findings.json')" < sql/load_findings.sql
--
-- :document is aws securityhub get-findings output (ASFF), aws
-- configservice get-compliance-details-by-config-rule output, or Prowler's
-- json-ocsf output (gzipped or not); srm_findings() tells which.  :format
-- names the format when set (securityhub_asff, config_compliance,
-- prowler_ocsf).  The rows are appended, so the findings of several
-- scanners make one table; the last statement prints how many this one
-- added.  From Python or Node.js, bind the file's bytes to the same INSERT.
CREATE TABLE IF NOT EXISTS findings(
  scanner TEXT, check_id TEXT, control TEXT, status TEXT, severity TEXT, title TEXT,
  arn TEXT, resource_type TEXT, resource_id TEXT, service TEXT, account TEXT, region TEXT, time TEXT
);
INSERT INTO findings(scanner, check_id, control, status, severity, title, arn, resource_type,
                     resource_id, service, account, region, time)
  SELECT scanner, check_id, control, status, severity, title, arn, resource_type,
         resource_id, service, account, region, time
    FROM srm_findings(:document, :format);
SELECT changes() AS loaded;
