#!/usr/bin/python3
# derive_mappings.py - maintainer script of the srm extension (not used by the build).
#
# What it does
#   Reads the six reference lists in data/ref/ (see data/ref/README.md for their sources) and the
#   explicit rule tables below, and writes the identifier mapping data of the extension:
#     data/aliases.csv         alias,service,kind            names / SDK ids / prefixes -> service id
#     data/resource_types.csv  resource_type,service,variant CloudFormation + AWS Config types
#     data/arn_types.csv       namespace,resource_type,service,variant   ARN (namespace, type token)
#     data/tables.csv          table_name,dialect,service,variant        Steampipe + CloudQuery tables
#     data/exclusions.csv      dialect,name,reason           what is deliberately left unmapped
#     /tmp/srm/h5_services.csv service,name,abbreviation,category,category_basis,category_source,
#                              category_note                 every non-core service id used
#   It then checks that every row of every reference list is mapped or excluded, that no alias points
#   to two services and that every service id used is a core id or listed in the services file, prints
#   counts and exits non-zero if a check fails.
#
# How to run (from anywhere; needs only the Python 3 standard library)
#   /usr/bin/python3 ext/derive_mappings.py [--services-out PATH]
#   Output is deterministic: running it twice gives byte-identical files.
#
# Service ids: lowercase; the IAM service prefix (aws_services.csv column iam_prefix) by default, so
# botocore services sharing a prefix become one service; the botocore service_id where there is no
# prefix; plus the deliberate splits and merges in SPLIT_BOTO / PREFIX_MERGE below.

import argparse
import collections
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REF = os.path.join(ROOT, "data", "ref")
DATA = os.path.join(ROOT, "data")

# --------------------------------------------------------------------------------------------------
# Rule tables
# --------------------------------------------------------------------------------------------------

CORE = """ec2 ebs vpc autoscaling lightsail lambda ecs eks elasticbeanstalk elasticmapreduce rds docdb
neptune elasticache memorydb redshift es kafka mq glue athena s3 glacier elasticfilesystem fsx dynamodb
sqs sns ses kinesis firehose backup ecr kms secretsmanager elasticloadbalancing cloudfront route53
apigateway iam cloudtrail cloudwatch logs config guardduty wafv2 shield cognito-idp states events ssm
acm organizations securityhub""".split()

VARIANTS = {
    "lambda": {"managed_runtime", "container_image", "os_only_runtime"},
    "ecs": {"ec2", "fargate"},
    "eks": {"control_plane", "managed_node_group", "self_managed_nodes", "fargate"},
    "rds": {"standard", "custom"},
}

# botocore services that do NOT take the service of their IAM prefix (docdb and neptune share the
# rds prefix but are separate products; their own names/clients point to them, while the shared
# prefix, endpoint and IAM page name stay with rds).
SPLIT_BOTO = {"docdb": "docdb", "neptune": "neptune"}

# IAM prefixes folded into another service id, with the reason (written to the notes).
PREFIX_MERGE = {
    "opensearch": ("es", "IAM prefix of OpenSearch Service applications/data sources (OpenSearch UI); "
                   "es lists the same ARN formats and botocore's client 'opensearch' already means es"),
    "vpce": ("vpc", "AWS PrivateLink = VPC endpoints and endpoint services, which are part of vpc"),
    "execute-api": ("apigateway", "invocation/management of API Gateway APIs; its IAM page is "
                    "'Amazon API Gateway', the same name as the apigateway service"),
    "neptune-db": ("neptune", "data-plane (IAM database authentication) prefix of Amazon Neptune; "
                   "its IAM page is 'Amazon Neptune'"),
    "kafka-cluster": ("kafka", "Apache Kafka data-plane actions on Amazon MSK clusters; all its ARNs "
                      "use the kafka namespace"),
    "rds-db": ("rds", "IAM database authentication to RDS/Aurora DB users (rds-db:connect)"),
}

# ARN namespaces that are not IAM prefixes: the service they belong to.
NS_SERVICE = {
    "catalog": "servicecatalog",
    "elastic-inference": "ec2",
    "route53-recovery-control": "route53-recovery-control-config",
}

# --- EC2 namespace split -------------------------------------------------------------------------
# ARN type tokens of the ec2 namespace that belong to ebs or vpc (everything else stays ec2).
EC2_ARN_EBS = {"volume", "snapshot"}
EC2_ARN_VPC_EXACT = {
    "carrier-gateway", "client-vpn-endpoint", "coip-pool", "customer-gateway", "dhcp-options",
    "egress-only-internet-gateway", "elastic-ip", "internet-gateway", "ipv4pool-ec2", "ipv6pool-ec2",
    "natgateway", "network-acl", "network-interface", "outpost-lag", "prefix-list", "route-table",
    "secondary-interface", "secondary-network", "secondary-subnet", "security-group",
    "security-group-rule", "subnet", "subnet-cidr-reservation", "vpc",
}
EC2_ARN_VPC_PREFIX = ("ipam", "local-gateway", "network-insights-", "route-server", "traffic-mirror-",
                      "transit-gateway", "verified-access-", "vpc-", "vpn-")

# CloudFormation / Config AWS::EC2::<Type> names that belong to ebs or vpc.
EC2_CFN_EBS = {"Volume", "VolumeAttachment", "SnapshotBlockPublicAccess"}
EC2_CFN_VPC_EXACT = {
    "CarrierGateway", "CustomerGateway", "DHCPOptions", "EIP", "EIPAssociation",
    "EgressOnlyInternetGateway", "FlowLog", "GatewayRouteTableAssociation", "InternetGateway",
    "IpPoolRouteTableAssociation", "NatGateway", "NetworkPerformanceMetricSubscription", "PrefixList",
    "Route", "RouteTable",
}
EC2_CFN_VPC_PREFIX = ("ClientVpn", "IPAM", "LocalGateway", "NetworkAcl", "NetworkInsights",
                      "NetworkInterface", "RouteServer", "SecurityGroup", "Subnet", "TrafficMirror",
                      "TransitGateway", "VPC", "VPN", "VerifiedAccess")

# CloudFormation / Config namespaces whose service cannot be found by name matching, or is wrong.
CFN_NS = {
    "ACM": "acm", "AIOps": "aiops", "APS": "aps", "AWSExternalAnthropic": "aws-external-anthropic",
    "AmazonMQ": "mq", "ApiGatewayV2": "apigateway", "AppFlow": "appflow", "AppTest": "apptest",
    "ApplicationInsights": "applicationinsights", "BCM": "bcm-dashboards",
    "BCMDataExports": "bcm-data-exports", "BcmPricingCalculator": "bcm-pricing-calculator",
    "BedrockMantle": "bedrock-mantle", "CDK": "cloudformation", "CertificateManager": "acm",
    "CloudWatch": "cloudwatch", "CodeGuruProfiler": "codeguru-profiler",
    "CodeGuruReviewer": "codeguru-reviewer", "CodeStarConnections": "codestar-connections",
    "CodeStarNotifications": "codestar-notifications", "Cognito": "cognito-idp",
    "ComputeOptimizer": "compute-optimizer", "ConnectCampaigns": "connect-campaigns",
    "ConnectCampaignsV2": "connect-campaigns", "CustomerProfiles": "profile",
    "DevOpsAgent": "aidevops", "DirectoryService": "ds", "DocDBElastic": "docdb-elastic",
    "EFS": "elasticfilesystem", "EMR": "elasticmapreduce", "EMRContainers": "emr-containers",
    "EMRServerless": "emr-serverless", "ElasticLoadBalancing": "elasticloadbalancing",
    "ElasticLoadBalancingV2": "elasticloadbalancing", "Elasticsearch": "es",
    "ElementalInference": "elemental-inference", "EventSchemas": "schemas", "FinSpace": "finspace",
    # not documented as a service; cfn-lint/CDK property types (EksProperties, PodProperties,
    # LinuxParameters, Tmpfs, EfsVolumeConfiguration ...) are those of AWS::Batch::JobDefinition
    "GammaDilithium": "batch", "GreengrassV2": "greengrass", "HealthImaging": "medical-imaging",
    "IVSChat": "ivschat", "IoTCoreDeviceAdvisor": "iotdeviceadvisor",
    "IoTManagedIntegrations": "iotmanagedintegrations", "IoTThingsGraph": "iotthingsgraph",
    "KinesisAnalyticsV2": "kinesisanalytics", "KinesisFirehose": "firehose",
    "KinesisVideo": "kinesisvideo", "LaunchWizard": "launchwizard", "Location": "geo",
    "LookoutMetrics": "lookoutmetrics", "MSK": "kafka", "MWAA": "airflow",
    "MWAAServerless": "airflow-serverless", "Macie": "macie2", "NimbleStudio": "nimble",
    "NovaAct": "nova-act", "OpenSearch": "es", "OpenSearchServerless": "aoss",
    "OpenSearchService": "es", "PCAConnectorAD": "pca-connector-ad",
    "PCAConnectorSCEP": "pca-connector-scep", "Pinpoint": "mobiletargeting", "PinpointEmail": "ses",
    "RefactorSpaces": "refactor-spaces", "ResilienceHubV2": "resiliencehub",
    "ResourceExplorer2": "resource-explorer-2", "Route53RecoveryControl": "route53-recovery-control-config",
    "Route53RecoveryReadiness": "route53-recovery-readiness", "S3ObjectLambda": "s3-object-lambda",
    "SMSVOICE": "sms-voice", "SSMContacts": "ssm-contacts", "SSMGuiConnect": "ssm-guiconnect",
    "SSMIncidents": "ssm-incidents", "SSMQuickSetup": "ssm-quicksetup",
    "ServiceCatalogAppRegistry": "servicecatalog", "ShieldRegional": "shield",
    "StepFunctions": "states", "SupportApp": "supportapp", "SystemsManagerSAP": "ssm-sap",
    "VoiceID": "voiceid", "WAF": "waf", "WAFRegional": "waf-regional", "WAFv2": "wafv2",
    "WorkSpacesThinClient": "thinclient", "WorkSpacesWeb": "workspaces-web",
    "WorkspacesInstances": "workspaces-instances", "Cases": "cases", "Cassandra": "cassandra",
    "InspectorV2": "inspector2", "Logs": "logs", "Events": "events", "Scheduler": "scheduler",
}

# Individual CloudFormation / Config types (beyond the EC2 split).
CFN_TYPE = {
    "AWS::Cognito::IdentityPool": ("cognito-identity", ""),
    "AWS::Cognito::IdentityPoolPrincipalTag": ("cognito-identity", ""),
    "AWS::Cognito::IdentityPoolRoleAttachment": ("cognito-identity", ""),
    "AWS::EKS::Cluster": ("eks", "control_plane"),
    "AWS::EKS::Nodegroup": ("eks", "managed_node_group"),
    "AWS::EKS::FargateProfile": ("eks", "fargate"),
    "AWS::RDS::CustomDBEngineVersion": ("rds", "custom"),
    "AWS::Timestream::InfluxDBInstance": ("timestream-influxdb", ""),
    "AWS::Timestream::InfluxDBCluster": ("timestream-influxdb", ""),
}

# ARN (namespace, token) overrides beyond the EC2 split.
ARN_OVERRIDE = {
    ("eks", "cluster"): ("eks", "control_plane"),
    ("eks", "nodegroup"): ("eks", "managed_node_group"),
    ("eks", "fargateprofile"): ("eks", "fargate"),
    ("rds", "cev"): ("rds", "custom"),
}

# Table-name prefix rules (longest prefix wins; a prefix matches the whole name or name + '_...').
# Applied after automatic rules built from service ids and botocore client names.
TABLE_PREFIX = {
    # Steampipe quirks: ELB / ASG / AMI tables under aws_ec2_
    "aws_ec2_application_load_balancer": ("elasticloadbalancing", ""),
    "aws_ec2_classic_load_balancer": ("elasticloadbalancing", ""),
    "aws_ec2_gateway_load_balancer": ("elasticloadbalancing", ""),
    "aws_ec2_network_load_balancer": ("elasticloadbalancing", ""),
    "aws_ec2_load_balancer_listener": ("elasticloadbalancing", ""),
    "aws_ec2_target_group": ("elasticloadbalancing", ""),
    "aws_ec2_ssl_policy": ("elasticloadbalancing", ""),
    "aws_ec2_autoscaling_group": ("autoscaling", ""),
    "aws_ec2_launch_configuration": ("autoscaling", ""),
    "aws_elbv1": ("elasticloadbalancing", ""),
    "aws_elbv2": ("elasticloadbalancing", ""),
    # EC2 split in table names
    "aws_ebs": ("ebs", ""),
    "aws_ec2_ebs": ("ebs", ""),
    "aws_vpc": ("vpc", ""),
    "aws_ec2_client_vpn_endpoint": ("vpc", ""),
    "aws_ec2_customer_gateways": ("vpc", ""),
    "aws_ec2_dhcp_options": ("vpc", ""),
    "aws_ec2_egress_only_internet_gateways": ("vpc", ""),
    "aws_ec2_eips": ("vpc", ""),
    "aws_ec2_flow_logs": ("vpc", ""),
    "aws_ec2_internet_gateway": ("vpc", ""),
    "aws_ec2_internet_gateways": ("vpc", ""),
    "aws_ec2_managed_prefix_list": ("vpc", ""),
    "aws_ec2_managed_prefix_lists": ("vpc", ""),
    "aws_ec2_nat_gateway": ("vpc", ""),
    "aws_ec2_nat_gateways": ("vpc", ""),
    "aws_ec2_network_acl": ("vpc", ""),
    "aws_ec2_network_acls": ("vpc", ""),
    "aws_ec2_network_interface": ("vpc", ""),
    "aws_ec2_network_interfaces": ("vpc", ""),
    "aws_ec2_route_table": ("vpc", ""),
    "aws_ec2_route_tables": ("vpc", ""),
    "aws_ec2_security_group": ("vpc", ""),
    "aws_ec2_security_groups": ("vpc", ""),
    "aws_ec2_subnet": ("vpc", ""),
    "aws_ec2_subnets": ("vpc", ""),
    "aws_ec2_transit_gateway": ("vpc", ""),
    "aws_ec2_transit_gateways": ("vpc", ""),
    "aws_ec2_vpc": ("vpc", ""),
    "aws_ec2_vpcs": ("vpc", ""),
    "aws_ec2_vpn_connections": ("vpc", ""),
    "aws_ec2_vpn_gateways": ("vpc", ""),
    "aws_ec2_byoip_cidrs": ("vpc", ""),
    # EKS / Lambda variants
    "aws_eks_cluster": ("eks", "control_plane"),
    "aws_eks_clusters": ("eks", "control_plane"),
    "aws_eks_node_group": ("eks", "managed_node_group"),
    "aws_eks_cluster_node_groups": ("eks", "managed_node_group"),
    "aws_eks_fargate_profile": ("eks", "fargate"),
    "aws_eks_fargate_profiles": ("eks", "fargate"),
    "aws_eks_cluster_addons": ("eks", ""),
    "aws_eks_cluster_encryption_configs": ("eks", "control_plane"),
    "aws_eks_cluster_loggings": ("eks", "control_plane"),
    "aws_eks_cluster_oidc_identity_provider_configs": ("eks", ""),
    # names that differ from the service id
    "aws_api_gateway": ("apigateway", ""),
    "aws_api_gatewayv2": ("apigateway", ""),
    "aws_apigatewayv2": ("apigateway", ""),
    "aws_app_runner": ("apprunner", ""),
    "aws_appautoscaling": ("application-autoscaling", ""),
    "aws_applicationautoscaling": ("application-autoscaling", ""),
    "aws_autoscaling_plan": ("autoscaling-plans", ""),
    "aws_autoscaling_plans": ("autoscaling-plans", ""),
    "aws_autoscaling_plan_resources": ("autoscaling-plans", ""),
    "aws_cloudwatch_event_rule": ("events", ""),
    "aws_cloudwatch_log": ("logs", ""),
    "aws_cloudwatchlogs": ("logs", ""),
    "aws_cognito_identity_pool": ("cognito-identity", ""),
    "aws_cognito_identity_pools": ("cognito-identity", ""),
    "aws_cognito_identity_pool_cognito_identity_providers": ("cognito-identity", ""),
    "aws_cognito": ("cognito-idp", ""),
    "aws_computeoptimizer": ("compute-optimizer", ""),
    "aws_cost": ("ce", ""),
    "aws_costexplorer": ("ce", ""),
    "aws_costoptimizationhub": ("cost-optimization-hub", ""),
    "aws_db_proxies": ("rds", ""),
    "aws_directory_service": ("ds", ""),
    "aws_docdb": ("docdb", ""),
    "aws_ecrpublic": ("ecr-public", ""),
    "aws_efs": ("elasticfilesystem", ""),
    "aws_elastic_beanstalk": ("elasticbeanstalk", ""),
    "aws_elasticsearch": ("es", ""),
    "aws_emr": ("elasticmapreduce", ""),
    "aws_eventbridge": ("events", ""),
    "aws_iam_access_advisor": ("iam", ""),
    "aws_keyspaces": ("cassandra", ""),
    "aws_kinesis_firehose": ("firehose", ""),
    "aws_kinesis_video": ("kinesisvideo", ""),
    "aws_kinesisanalyticsv2": ("kinesisanalytics", ""),
    "aws_media_store": ("mediastore", ""),
    "aws_msk": ("kafka", ""),
    "aws_mskconnect": ("kafkaconnect", ""),
    "aws_mwaa": ("airflow", ""),
    "aws_neptune": ("neptune", ""),
    "aws_opensearch": ("es", ""),
    "aws_organization_resource_policies": ("organizations", ""),
    "aws_pinpoint": ("mobiletargeting", ""),
    "aws_redshiftserverless": ("redshift-serverless", ""),
    "aws_resource_explorer": ("resource-explorer-2", ""),
    "aws_resourcegroups": ("resource-groups", ""),
    "aws_route53_domain": ("route53domains", ""),
    "aws_route53_domains": ("route53domains", ""),
    "aws_route53_domain_nameservers": ("route53domains", ""),
    "aws_route53_operations": ("route53domains", ""),
    "aws_route53_resolver": ("route53resolver", ""),
    "aws_route53recoverycontrolconfig": ("route53-recovery-control-config", ""),
    "aws_route53recoveryreadiness": ("route53-recovery-readiness", ""),
    "aws_s3_directory_bucket": ("s3express", ""),
    "aws_serverlessapplicationrepository": ("serverlessrepo", ""),
    "aws_service_discovery": ("servicediscovery", ""),
    "aws_sfn": ("states", ""),
    "aws_ssoadmin": ("sso", ""),
    "aws_stepfunctions": ("states", ""),
    "aws_tagging_resource": ("tag", ""),
    "aws_timestream": ("timestream", ""),
    "aws_timestreamwrite": ("timestream", ""),
    "aws_trusted_advisor": ("trustedadvisor", ""),
    "aws_support_trusted_advisor": ("trustedadvisor", ""),
    "aws_wafregional": ("waf-regional", ""),
    "aws_alpha_cloudwatch": ("cloudwatch", ""),
    "aws_accounts": ("account", ""),
    "aws_servicequotas": ("servicequotas", ""),
    "aws_cloudcontrol_resource": ("cloudformation", ""),
    "aws_sts_caller_identity": ("sts", ""),
    "aws_redshift_data_shares": ("redshift", ""),
    "aws_codestar_notification_rule": ("codestar-notifications", ""),
    "aws_cognito_identity_provider": ("cognito-idp", ""),
    "aws_alpha_costexplorer": ("ce", ""),
}

# Tables that describe no single AWS service (or AWS as a whole): excluded with the reason.
TABLE_EXCLUDE = {
    "aws_availability_zone": "AWS global infrastructure metadata (Availability Zones), not a service's resource",
    "aws_region": "AWS global infrastructure metadata (Regions), not a service's resource",
    "aws_regions": "AWS global infrastructure metadata (Regions), not a service's resource",
    "aws_availability_zones": "AWS global infrastructure metadata (Availability Zones), not a service's resource",
}

# Extra common names of split / renamed services (kind name or abbreviation).
EXTRA_ALIASES = [
    ("Amazon Elastic Block Store", "ebs", "name"), ("Amazon EBS", "ebs", "abbreviation"),
    ("Elastic Block Store", "ebs", "name"), ("EBS", "ebs", "abbreviation"),
    ("Amazon Virtual Private Cloud", "vpc", "name"), ("Amazon VPC", "vpc", "abbreviation"),
    ("Virtual Private Cloud", "vpc", "name"), ("AWS PrivateLink", "vpc", "name"),
    ("AWS Transit Gateway", "vpc", "name"), ("AWS Site-to-Site VPN", "vpc", "name"),
    ("AWS Client VPN", "vpc", "name"), ("AWS Verified Access", "vpc", "name"),
    ("Amazon VPC IP Address Manager", "vpc", "name"), ("Amazon VPC IPAM", "vpc", "abbreviation"),
    ("Amazon DocumentDB", "docdb", "name"), ("Amazon DocumentDB (with MongoDB compatibility)", "docdb", "name"),
    ("DocumentDB", "docdb", "name"),
    ("Amazon Neptune", "neptune", "name"), ("Neptune", "neptune", "name"),
    ("Amazon OpenSearch Service", "es", "name"), ("OpenSearch Service", "es", "name"),
    ("Amazon Elasticsearch Service", "es", "name"), ("Amazon ES", "es", "abbreviation"),
    ("Amazon Managed Streaming for Apache Kafka", "kafka", "name"), ("Amazon MSK", "kafka", "abbreviation"),
    ("MSK", "kafka", "abbreviation"),
    ("AWS WAF", "wafv2", "name"), ("AWS WAF Classic", "waf", "name"),
    ("AWS WAF Classic Regional", "waf-regional", "name"),
    ("Amazon EventBridge", "events", "name"), ("EventBridge", "events", "name"),
    ("Amazon CloudWatch Events", "events", "name"), ("CloudWatch Events", "events", "name"),
    ("Amazon Data Firehose", "firehose", "name"), ("Amazon Kinesis Data Firehose", "firehose", "name"),
    ("Kinesis Data Firehose", "firehose", "name"),
    ("Amazon Kinesis Data Streams", "kinesis", "name"), ("Kinesis Data Streams", "kinesis", "name"),
    ("Amazon EMR", "elasticmapreduce", "abbreviation"), ("Amazon Elastic MapReduce", "elasticmapreduce", "name"),
    ("Amazon EFS", "elasticfilesystem", "abbreviation"),
    ("Application Load Balancer", "elasticloadbalancing", "name"), ("ALB", "elasticloadbalancing", "abbreviation"),
    ("Network Load Balancer", "elasticloadbalancing", "name"), ("NLB", "elasticloadbalancing", "abbreviation"),
    ("Gateway Load Balancer", "elasticloadbalancing", "name"), ("Classic Load Balancer", "elasticloadbalancing", "name"),
    ("ELB", "elasticloadbalancing", "abbreviation"),
    ("Amazon EC2 Auto Scaling", "autoscaling", "name"),
    ("AWS Step Functions", "states", "name"), ("Step Functions", "states", "name"),
    ("Amazon Cognito", "cognito-idp", "name"), ("Amazon Cognito User Pools", "cognito-idp", "name"),
    ("Amazon Cognito Identity Pools", "cognito-identity", "name"),
    ("AWS Systems Manager", "ssm", "name"), ("Systems Manager", "ssm", "name"),
    ("Amazon Aurora", "rds", "name"), ("Aurora", "rds", "name"), ("Amazon RDS Custom", "rds", "name"),
    ("Amazon Simple Storage Service", "s3", "name"), ("Amazon S3 Glacier", "glacier", "name"),
    ("AWS IAM Identity Center", "sso", "name"), ("IAM Identity Center", "sso", "name"),
    ("Amazon Managed Workflows for Apache Airflow", "airflow", "name"), ("Amazon MWAA", "airflow", "abbreviation"),
    ("Amazon Keyspaces", "cassandra", "name"),
]

# Aliases whose target is decided here although the reference lists offer several services:
# "AWS WAF" is both classic WAF's botocore/IAM name and the current product (WAFV2).
ALIAS_FORCE = {"aws waf": "wafv2"}
# Display names that would otherwise repeat the (forced) alias of another service.
NAME_OVERRIDE = {"waf": "AWS WAF Classic", "waf-regional": "AWS WAF Classic Regional"}


# Category of every non-core service (AWS Security Best Practices whitepaper categories, see
# data/categories.csv). All inferred from what the service is; no per-service source is claimed.
# container / infrastructure are listed one by one with the reason; everything else is abstracted,
# with the note of its group below (or the generic note).
CONTAINER = {
    "airflow": "AWS runs the Apache Airflow scheduler, workers and web server of each environment inside the customer's VPC, while the customer configures the environment, its DAGs, plugins and network access.",
    "appstream": "AWS runs the streaming fleet instances, but the customer builds and updates the images (applications) they run and configures fleets, stacks and network access.",
    "backup-gateway": "The gateway is an AWS-supplied virtual machine that the customer deploys and hosts on its own hypervisor; AWS updates the gateway software, the customer runs the host and network.",
    "batch": "Batch schedules jobs onto compute environments of EC2 instances (customer-chosen AMIs) or Fargate in the customer's VPC; AWS runs the scheduler, the customer configures the environments and the containers.",
    "cloudhsm": "AWS runs the HSM hardware and firmware in a cluster attached to the customer's VPC; the customer manages the HSM users, keys, client software and network access.",
    "dax": "AWS runs the DAX cache cluster nodes (engine and OS) in the customer's VPC subnets; the customer sizes the cluster and configures encryption, security groups and access.",
    "deadline": "Deadline Cloud runs render workers on service-managed fleets or on customer-managed EC2 fleets; AWS runs the scheduler, the customer configures fleets, queues and, for its own fleets, the hosts.",
    "dms": "AWS runs the replication instances (engine and OS) in the customer's VPC; the customer configures instance size, endpoints, credentials, encryption and network access.",
    "docdb-elastic": "AWS runs the sharded DocumentDB elastic cluster in the customer's VPC; the customer configures capacity, authentication, encryption and network access.",
    "drs": "The service launches and operates replication servers and recovery instances in the customer's account and VPC; the customer installs agents on its source servers and configures replication and recovery settings.",
    "ds": "AWS runs the directory's domain controllers (Windows Server / AD) in the customer's VPC subnets; the customer manages directory users, groups, policies, trusts and network access.",
    "emr-containers": "EMR on EKS runs Spark jobs on the customer's own Amazon EKS cluster; AWS supplies the runtime images, the customer runs and secures the cluster and job configuration.",
    "finspace": "FinSpace runs managed kdb clusters and environments connected to the customer's VPC; AWS runs the engine, the customer configures clusters, databases, users and network access.",
    "gamelift": "GameLift runs fleets of instances hosting the customer's game server build; AWS manages the instances and OS, the customer supplies and secures the server software and fleet settings.",
    "imagebuilder": "Image Builder launches build and test EC2 instances in the customer's account from customer-defined recipes and components; AWS orchestrates the pipeline, the customer owns the image content.",
    "kafkaconnect": "MSK Connect runs Kafka Connect workers in the customer's VPC; AWS runs the workers, the customer supplies the connector plugins, configuration, credentials and network access.",
    "m2": "Mainframe Modernization runs managed runtime environments (instances) in the customer's VPC; AWS runs the runtime engine, the customer deploys and configures the applications and access.",
    "managedblockchain": "AWS runs the blockchain peer nodes and network components; the customer configures members, nodes, chaincode/smart contracts and access.",
    "mgn": "The service launches and operates replication servers and test/cutover instances in the customer's account and VPC; the customer installs agents on source servers and configures launch settings.",
    "network-firewall": "AWS runs the firewall endpoints and inspection engine inside the customer's VPC subnets; the customer writes the rules and policies and routes traffic through them.",
    "nimble": "Nimble Studio streamed workstations (instances) that AWS launched from customer-chosen images in the customer's studio; the customer configured images, users and network access.",
    "odb": "Oracle Database@AWS runs Oracle Exadata infrastructure operated for the customer and attached to its network; the customer creates and manages the VM clusters and databases on it.",
    "opsworks-cm": "OpsWorks for Chef Automate / Puppet Enterprise ran a managed Chef or Puppet server instance; AWS ran the server, the customer configured it and the nodes it manages.",
    "pcs": "AWS runs the Slurm controller, while compute node groups are EC2 instances in the customer's account launched from customer-selected AMIs and configured by the customer.",
    "sagemaker": "SageMaker runs notebook instances, training jobs and inference endpoints on AWS-managed instances that the customer sizes, attaches to its VPC and fills with its own code, containers and data.",
    "storagegateway": "The gateway is an AWS-supplied appliance (VM, EC2 instance or hardware) that the customer deploys and hosts; AWS updates the gateway software, the customer runs the host and its network.",
    "timestream-influxdb": "AWS runs the InfluxDB instances (engine and OS) in the customer's VPC; the customer sizes them and configures parameters, credentials, encryption and network access.",
}
INFRASTRUCTURE = {
    "cloud9": "A Cloud9 EC2 environment is an EC2 instance in the customer's account whose operating system and packages the customer maintains (the IDE itself is hosted by AWS).",
    "directconnect": "Direct Connect is physical network connectivity: AWS runs its side of the link, while the customer provides and manages its own routers, cross-connects and BGP configuration.",
    "elemental-appliances-software": "AWS Elemental appliances and software run on hardware or servers at the customer's own site, which the customer installs, hosts and operates.",
    "evs": "Elastic VMware Service deploys VMware Cloud Foundation on EC2 bare-metal hosts in the customer's VPC, and the customer operates the VMware stack and its guest VMs.",
    "opsworks": "OpsWorks Stacks manages EC2 (or on-premises) instances whose operating systems and applications the customer configures through Chef recipes.",
    "outposts": "Outposts racks and servers sit in the customer's own facility, so the customer owns physical security, power and network at the site, and manages the EC2 workloads on them.",
    "private-networks": "The prefix of AWS Private 5G, which delivered radio units and SIMs installed at the customer's site; the customer was responsible for the physical equipment and its placement.",
    "snowball": "Snow Family devices are shipped to and operated at the customer's site, so physical custody and the workloads run on the device are the customer's.",
    "workspaces": "Each WorkSpace is a virtual desktop whose guest operating system, installed applications and updates are administered by the customer (AWS runs the host infrastructure).",
    "workspaces-instances": "WorkSpaces Managed Instances are EC2 instances in the customer's account whose operating system and software the customer manages.",
}
GROUPS = [
    ({"account", "account-access", "billing", "billingconductor", "bcm-dashboards", "bcm-data-exports",
      "bcm-pricing-calculator", "bcm-recommended-actions", "budgets", "ce", "cost-optimization-hub", "cur",
      "eventsbilltoaws", "freetier", "invoicing", "mapcredits", "payments", "pricing", "pricingplanmanager",
      "purchase-orders", "savingsplans", "tax", "servicequotas", "support", "supportapp", "supportauthz",
      "trustedadvisor", "health", "sustainability", "artifact", "consoleapp", "signin", "uxc",
      "partnercentral", "aws-marketplace", "marketplacecommerceanalytics", "vendor-insights", "iq",
      "iq-permission", "repostspace", "ts", "elemental-support-cases", "compute-optimizer", "aco-automation"},
     "{name} is an account-level, billing, support or information feature run entirely by AWS; the customer only decides who may view and change its settings and data."),
    ({"sts", "sso", "sso-oauth", "identitystore", "identity-sync", "rolesanywhere", "access-analyzer",
      "verifiedpermissions", "cognito-identity", "cognito-sync", "signer", "acm-pca", "pca-connector-ad",
      "pca-connector-scep", "payment-cryptography", "mpa"},
     "{name} is an identity, credential or key service run behind AWS APIs; AWS operates it, the customer owns its identities, keys, policies and who may use them."),
    ({"rds-data", "redshift-data", "eks-auth", "ds-data", "cloudtrail-data", "iotjobsdata",
      "cloudfront-keyvaluestore", "ec2-instance-connect", "vpc-lattice-svcs", "s3-object-lambda",
      "connectparticipant", "sagemaker-mlflow", "application-signals-mcp"},
     "{name} is an API or authorization surface in front of resources of another AWS service; AWS runs the endpoint, the customer controls the calls, credentials and data passed through it."),
]
GENERIC_NOTE = ("{name} is used only through AWS APIs and the console; AWS operates the compute, storage "
                "and software behind it, and the customer is responsible for its data, configuration and "
                "access policies.")


def category_of(service, name):
    if service in CONTAINER:
        return "container", CONTAINER[service]
    if service in INFRASTRUCTURE:
        return "infrastructure", INFRASTRUCTURE[service]
    for members, note in GROUPS:
        if service in members:
            return "abstracted", note.format(name=name)
    return "abstracted", GENERIC_NOTE.format(name=name)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--services-out", default="/tmp/srm/h5_services.csv")
    args = ap.parse_args()

    def read(name):
        with open(os.path.join(REF, name), newline="", encoding="utf-8") as fh:
            return list(csv.DictReader(fh))

    boto = read("aws_services.csv")
    arns = read("iam_resource_arns.csv")
    cfn = read("cfn_resource_types.csv")
    config = read("config_resource_types.csv")
    steampipe = read("steampipe_aws_tables.csv")
    cloudquery = read("cloudquery_aws_tables.csv")

    errors = []
    exclusions = set()
    used = collections.defaultdict(set)          # service -> set of files that use it

    # ---------------------------------------------------------------- services
    iam_prefixes = {r["iam_prefix"] for r in boto if r["iam_prefix"]} | {r["service_prefix"] for r in arns}

    def of_prefix(p):
        return PREFIX_MERGE[p][0] if p in PREFIX_MERGE else p

    def of_boto(r):
        if r["service_id"] in SPLIT_BOTO:
            return SPLIT_BOTO[r["service_id"]]
        return of_prefix(r["iam_prefix"]) if r["iam_prefix"] else r["service_id"]

    services = set(CORE)
    for r in boto:
        services.add(of_boto(r))
    for p in iam_prefixes:
        services.add(of_prefix(p))
    services |= set(NS_SERVICE.values())

    # ---------------------------------------------------------------- aliases
    kind_rank = {k: i for i, k in enumerate(["client", "prefix", "sdk_id", "endpoint", "abbreviation", "name"])}
    cand = []                                   # (alias, service, kind)
    for r in boto:
        s = of_boto(r)
        ps = of_prefix(r["iam_prefix"]) if r["iam_prefix"] else s
        cand += [(r["service_full_name"], s, "name"), (r["service_abbreviation"], s, "abbreviation"),
                 (r["sdk_service_id"], s, "sdk_id"), (r["service_id"], s, "client"),
                 (r["iam_prefix"], ps, "prefix"), (r["endpoint_prefix"], ps if s in SPLIT_BOTO.values() else s, "endpoint")]
        for n in r["iam_service_name"].split("|"):
            cand.append((n, ps, "name"))
    for r in arns:
        cand += [(r["service_name"], of_prefix(r["service_prefix"]), "name"),
                 (r["service_prefix"], of_prefix(r["service_prefix"]), "prefix")]
    cand += EXTRA_ALIASES
    by_alias = collections.defaultdict(dict)   # alias.lower() -> service -> best (rank, alias, kind)
    for a, s, k in cand:
        a = a.strip()
        if a.lower() in ALIAS_FORCE and s != ALIAS_FORCE[a.lower()]:
            continue
        if not a or a.lower() == s.lower():
            continue
        best = by_alias[a.lower()].get(s)
        key = (kind_rank[k], a, k)
        if best is None or key < best:
            by_alias[a.lower()][s] = key
    aliases = []
    ambiguous = {}
    for low, m in by_alias.items():
        targets = set(m)
        if low in services:                     # the alias is itself another service's id
            targets.add(low)
        if len(targets) > 1:
            ambiguous[low] = sorted(targets)
            exclusions.add(("alias", min(v[1] for v in m.values()),
                            "ambiguous: would point to " + " and ".join(sorted(targets))))
            continue
        (s, (_, a, k)), = m.items()
        aliases.append((a, s, k))
        used[s].add("aliases")

    # ---------------------------------------------------------------- resource types
    norm = lambda x: re.sub(r"[^a-z0-9]", "", x.lower())
    name_index = {}
    for r in sorted(boto, key=lambda r: r["service_id"]):
        s = of_boto(r)
        for key in (r["service_id"], r["iam_prefix"], r["sdk_service_id"]):
            if key:
                name_index.setdefault(norm(key), s)
    for s in sorted(services):
        name_index[norm(s)] = s

    def cfn_service(t):
        _, ns, typ = t.split("::")
        if t in CFN_TYPE:
            return CFN_TYPE[t]
        if ns == "EC2":
            if typ in EC2_CFN_EBS:
                return ("ebs", "")
            if typ in EC2_CFN_VPC_EXACT or typ.startswith(EC2_CFN_VPC_PREFIX):
                return ("vpc", "")
            return ("ec2", "")
        if ns in CFN_NS:
            return (CFN_NS[ns], "")
        if norm(ns) in name_index:
            return (name_index[norm(ns)], "")
        return None

    rtypes = {}
    for dialect, rows in (("cloudformation", cfn), ("config", config)):
        for r in rows:
            t = r["resource_type"]
            m = cfn_service(t)
            if m is None:
                errors.append(f"{dialect}: {t} unmapped")
                continue
            if t in rtypes and rtypes[t] != m:
                errors.append(f"{t}: conflicting mapping")
            rtypes[t] = m

    # ---------------------------------------------------------------- ARN types
    def ns_service(ns):
        if ns in NS_SERVICE:
            return NS_SERVICE[ns]
        if ns in iam_prefixes:
            return of_prefix(ns)
        return None

    def arn_target(ns, token):
        if (ns, token) in ARN_OVERRIDE:
            return ARN_OVERRIDE[(ns, token)]
        if ns == "ec2":
            if token in EC2_ARN_EBS:
                return ("ebs", "")
            if token in EC2_ARN_VPC_EXACT or token.startswith(EC2_ARN_VPC_PREFIX):
                return ("vpc", "")
        return (ns_service(ns), "")

    arn_rows = {}
    split_services = {"ebs", "vpc", "docdb", "neptune"}
    for r in arns:
        f = r["arn_format"]
        parts = f.split(":", 5)
        if len(parts) < 6 or parts[0] != "arn":
            exclusions.add(("arn", f, "not an ARN format"))
            continue
        ns, res = parts[2], parts[5]
        if "${" in ns:
            exclusions.add(("arn", f, f"namespace is a placeholder ({ns}): the service is the vendor's, "
                                      f"not fixed by the format (listed under {r['service_prefix']})"))
            continue
        if ns_service(ns) is None:
            errors.append(f"arn: namespace {ns} has no service")
            continue
        token = re.match(r"[^/:]*", res).group(0)
        if token.startswith("${"):
            token = ""
        arn_rows[(ns, "")] = (ns_service(ns), "")
        tgt = arn_target(ns, token)
        if token:
            arn_rows[(ns, token)] = tgt
        owner = of_prefix(r["service_prefix"])
        if tgt[0] != owner and tgt[0] not in split_services and ns == r["service_prefix"]:
            errors.append(f"arn: {f} resolves to {tgt[0]}, owner {owner}")
    arn_out = []
    for (ns, tok), tgt in arn_rows.items():
        if tok and tgt == arn_rows[(ns, "")]:
            continue
        arn_out.append((ns, tok) + tgt)

    # ---------------------------------------------------------------- tables
    rules = {}
    for r in sorted(boto, key=lambda r: r["service_id"]):
        s = of_boto(r)
        for key in (r["service_id"], r["iam_prefix"]):
            if key:
                rules.setdefault("aws_" + key.replace("-", "_"), (s, ""))
                rules.setdefault("aws_" + key.replace("-", ""), (s, ""))
    for s in sorted(services):
        rules["aws_" + s.replace("-", "_")] = (s, "")
        rules.setdefault("aws_" + s.replace("-", ""), (s, ""))
    rules.update(TABLE_PREFIX)

    def table_service(t):
        parts = t.split("_")
        for n in range(len(parts), 1, -1):
            p = "_".join(parts[:n])
            if p in rules:
                return rules[p]
        return None

    tables = []
    for dialect, rows in (("steampipe", steampipe), ("cloudquery", cloudquery)):
        for r in rows:
            t = r["table_name"]
            if t in TABLE_EXCLUDE:
                exclusions.add((dialect, t, TABLE_EXCLUDE[t]))
                continue
            m = table_service(t)
            if m is None:
                errors.append(f"{dialect}: {t} unmapped")
                continue
            tables.append((t, dialect) + m)

    for t, (s, v) in rtypes.items():
        used[s].add("resource_types")
    for row in arn_out:
        used[row[2]].add("arn_types")
    for row in tables:
        used[row[2]].add("tables")


    # ---------------------------------------------------------------- service names / categories
    page_names = collections.defaultdict(set)
    for r in arns:
        page_names[r["service_prefix"]].add(r["service_name"])
    for r in boto:
        if r["iam_prefix"] and r["iam_service_name"]:
            page_names[r["iam_prefix"]].update(r["iam_service_name"].split("|"))
    rep = {}                                     # service -> representative botocore row
    for r in sorted(boto, key=lambda r: (r["service_id"] != (r["iam_prefix"] or r["service_id"]), r["service_id"])):
        rep.setdefault(of_boto(r), r)
    boto_count = collections.Counter(of_boto(r) for r in boto)
    svc_rows = []
    for s in sorted(services - set(CORE)):
        names = page_names.get(s, set())
        if s in SPLIT_BOTO.values() or not names:
            name = rep[s]["service_full_name"] if s in rep else s
        else:
            name = min(names, key=lambda n: (len(n), n))   # shared prefixes: the shortest page name
        name = NAME_OVERRIDE.get(s, name)
        # serviceAbbreviation only where it is unambiguous: one botocore row, or the row named like the id
        abbr = ""
        if s in rep and (boto_count[s] == 1 or rep[s]["service_id"] == s):
            abbr = rep[s]["service_abbreviation"]
        cat, note = category_of(s, name)
        svc_rows.append((s, name, abbr, cat, "inferred", "", note))
    listed = set(CORE) | {r[0] for r in svc_rows}

    # ---------------------------------------------------------------- checks
    for s in used:
        if s not in services:
            errors.append(f"service id {s!r} used by {sorted(used[s])} is neither derived nor core")
        if s not in listed:
            errors.append(f"service id {s!r} missing from the services file")
    for s, v in list(rtypes.values()) + [(r[2], r[3]) for r in arn_out] + [(r[2], r[3]) for r in tables]:
        if v and v not in VARIANTS.get(s, ()):
            errors.append(f"variant {v!r} is not a variant of {s}")
    low = collections.Counter(a.lower() for a, _, _ in aliases)
    errors += [f"alias {a!r} appears twice" for a, n in low.items() if n > 1]
    # every ARN format: simulate the resolver (token lookup, then the namespace default)
    lookup = {(ns, tok): (s, v) for ns, tok, s, v in arn_out}
    n_arn_ok = n_arn_excl = 0
    excluded_arns = {name for d, name, _ in exclusions if d == "arn"}
    for r in arns:
        f = r["arn_format"]
        if f in excluded_arns:
            n_arn_excl += 1
            continue
        ns, res = f.split(":", 5)[2], f.split(":", 5)[5]
        token = re.match(r"[^/:]*", res).group(0)
        got = lookup.get((ns, token)) or lookup.get((ns, ""))
        want = arn_target(ns, "" if token.startswith("${") else token)
        if got != want:
            errors.append(f"arn: {f} resolves to {got}, expected {want}")
        else:
            n_arn_ok += 1
    n_cfn = sum(1 for r in cfn if r["resource_type"] in rtypes)
    n_cfg = sum(1 for r in config if r["resource_type"] in rtypes)
    excl_tables = {(d, n) for d, n, _ in exclusions}
    mapped_tables = {(t, d) for t, d, _, _ in tables}
    for dialect, rows in (("steampipe", steampipe), ("cloudquery", cloudquery)):
        for r in rows:
            if (r["table_name"], dialect) not in mapped_tables and (dialect, r["table_name"]) not in excl_tables:
                errors.append(f"{dialect}: {r['table_name']} neither mapped nor excluded")
    for c in CORE:
        if c not in used:
            print(f"warning: core service {c} is used by no mapping", file=sys.stderr)

    # ---------------------------------------------------------------- write
    def write(path, header, rows):
        rows = sorted(set(rows))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)
        return len(rows)

    counts = {
        "aliases.csv": write(os.path.join(DATA, "aliases.csv"), ["alias", "service", "kind"], aliases),
        "resource_types.csv": write(os.path.join(DATA, "resource_types.csv"), ["resource_type", "service", "variant"],
                                    [(t,) + m for t, m in rtypes.items()]),
        "arn_types.csv": write(os.path.join(DATA, "arn_types.csv"), ["namespace", "resource_type", "service", "variant"],
                               arn_out),
        "tables.csv": write(os.path.join(DATA, "tables.csv"), ["table_name", "dialect", "service", "variant"], tables),
        "exclusions.csv": write(os.path.join(DATA, "exclusions.csv"), ["dialect", "name", "reason"], exclusions),
        os.path.basename(args.services_out): write(args.services_out,
                                                   ["service", "name", "abbreviation", "category", "category_basis",
                                                    "category_source", "category_note"], svc_rows),
    }
    print(f"reference rows: cloudformation {len(cfn)} -> {n_cfn} mapped; config {len(config)} -> {n_cfg} mapped; "
          f"arn formats {len(arns)} -> {n_arn_ok} resolve, {n_arn_excl} excluded; "
          f"steampipe {len(steampipe)} -> {sum(1 for t in tables if t[1] == 'steampipe')} mapped; "
          f"cloudquery {len(cloudquery)} -> {sum(1 for t in tables if t[1] == 'cloudquery')} mapped")
    print(f"service ids: {len(services)} ({len(CORE)} core, {len(svc_rows)} non-core); "
          f"categories: " + ", ".join(f"{k} {v}" for k, v in sorted(collections.Counter(r[3] for r in svc_rows).items())))
    ex = collections.Counter(d for d, _, _ in exclusions)
    print("exclusions: " + (", ".join(f"{k} {v}" for k, v in sorted(ex.items())) or "none"))
    for k, v in counts.items():
        print(f"wrote {k}: {v} rows")
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
