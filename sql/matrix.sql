-- matrix.sql: the services in the inventory against every control.
--
--   sqlite3 -box inventory.db < sql/matrix.sql
--   sqlite3 -csv -header inventory.db < sql/matrix.sql > matrix.csv
--
-- Reads a table or view named inventory (at least arn; resource_type and
-- variant when present).  One row per service and variant present, with the
-- number of resources and the owner of each control (aws, customer or
-- shared), the controls in srm_controls order.  Ordered by service, variant.
.bail on
WITH inv AS (
  SELECT *, NULL AS resource_type, NULL AS variant FROM inventory
), r AS (
  SELECT coalesce(srm_service(resource_type), srm_service(arn)) AS service, variant, count(*) AS resources
    FROM inv GROUP BY 1, 2
)
SELECT r.service, m.variant_used AS variant, r.resources,
       max(CASE m.control WHEN 'physical_security' THEN m.owner END) AS physical_security,
       max(CASE m.control WHEN 'hardware' THEN m.owner END) AS hardware,
       max(CASE m.control WHEN 'global_infrastructure' THEN m.owner END) AS global_infrastructure,
       max(CASE m.control WHEN 'virtualization' THEN m.owner END) AS virtualization,
       max(CASE m.control WHEN 'host_os' THEN m.owner END) AS host_os,
       max(CASE m.control WHEN 'service_software' THEN m.owner END) AS service_software,
       max(CASE m.control WHEN 'guest_os_patching' THEN m.owner END) AS guest_os_patching,
       max(CASE m.control WHEN 'guest_os_configuration' THEN m.owner END) AS guest_os_configuration,
       max(CASE m.control WHEN 'platform_patching' THEN m.owner END) AS platform_patching,
       max(CASE m.control WHEN 'platform_configuration' THEN m.owner END) AS platform_configuration,
       max(CASE m.control WHEN 'application_security' THEN m.owner END) AS application_security,
       max(CASE m.control WHEN 'network_configuration' THEN m.owner END) AS network_configuration,
       max(CASE m.control WHEN 'firewall_configuration' THEN m.owner END) AS firewall_configuration,
       max(CASE m.control WHEN 'network_traffic_protection' THEN m.owner END) AS network_traffic_protection,
       max(CASE m.control WHEN 'zone_security' THEN m.owner END) AS zone_security,
       max(CASE m.control WHEN 'identity_access_management' THEN m.owner END) AS identity_access_management,
       max(CASE m.control WHEN 'customer_data' THEN m.owner END) AS customer_data,
       max(CASE m.control WHEN 'client_side_encryption' THEN m.owner END) AS client_side_encryption,
       max(CASE m.control WHEN 'server_side_encryption' THEN m.owner END) AS server_side_encryption,
       max(CASE m.control WHEN 'key_management' THEN m.owner END) AS key_management,
       max(CASE m.control WHEN 'backup_recovery' THEN m.owner END) AS backup_recovery,
       max(CASE m.control WHEN 'high_availability' THEN m.owner END) AS high_availability,
       max(CASE m.control WHEN 'logging_monitoring' THEN m.owner END) AS logging_monitoring,
       max(CASE m.control WHEN 'incident_response' THEN m.owner END) AS incident_response,
       max(CASE m.control WHEN 'awareness_training' THEN m.owner END) AS awareness_training,
       max(CASE m.control WHEN 'compliance_validation' THEN m.owner END) AS compliance_validation,
       max(CASE m.control WHEN 'patch_management' THEN m.owner END) AS patch_management,
       max(CASE m.control WHEN 'configuration_management' THEN m.owner END) AS configuration_management
  FROM r JOIN srm_matrix m ON m.service = r.service AND m.variant IS r.variant
 GROUP BY r.service, r.variant
 ORDER BY r.service, m.variant_used;
