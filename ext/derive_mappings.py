#!/usr/bin/python3
"""derive_mappings.py: the identifier mappings of srm, derived from the reference lists.

A maintainer's script, not run by the build.  It reads the six reference
lists in data/ref/ (their sources: data/ref/README.md), the services and
variants of the model (data/services.csv, data/variants.csv) and the rule
tables in this file, and writes:

  data/aliases.csv         alias,service,kind                       names, SDK ids, prefixes
  data/resource_types.csv  resource_type,service,variant            CloudFormation and Config types
  data/arn_types.csv       namespace,resource_type,service,variant  ARN namespaces and types
  data/tables.csv          table_name,dialect,service,variant       Steampipe and CloudQuery tables
  data/exclusions.csv      dialect,name,reason                      what is deliberately unmapped

The data files are the source of truth for what reviewers decided: the
variant of a type, ARN type or table that data/ already names is kept (the
rule tables give the variant only to rows data/ does not have yet), and the
rows of data/ that no reference list gives are kept as they are.  Services
are not written: a service id a mapping needs that data/services.csv lacks
is an error, and a proposed row for it (category inferred as abstracted,
to be reviewed) is written to build/derive_mappings/services_proposed.csv.

It checks that every row of every reference list is mapped or excluded,
that no alias points to two services, that every service and variant is
one of the model's, prints counts and exits 1 when a check fails.  Output
is deterministic: running it twice gives byte-identical files, and running
it on an unchanged tree changes nothing.

    /usr/bin/python3 ext/derive_mappings.py [--check]

--check writes nothing: it exits 1 when a data file would change.

Service ids: lowercase; the IAM service prefix (aws_services.csv column
iam_prefix) by default, so botocore services sharing a prefix become one
service; the botocore service_id where there is no prefix; plus the
deliberate splits and merges in SPLIT_BOTO / PREFIX_MERGE below.
"""

import argparse
import collections
import csv
import io
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
    "AWS::RDS::CustomDBEngineVersion": ("rds", "custom_oracle"),
    "AWS::Timestream::InfluxDBInstance": ("timestream-influxdb", ""),
    "AWS::Timestream::InfluxDBCluster": ("timestream-influxdb", ""),
}

# ARN (namespace, token) overrides beyond the EC2 split.
ARN_OVERRIDE = {
    ("eks", "cluster"): ("eks", "control_plane"),
    ("eks", "nodegroup"): ("eks", "managed_node_group"),
    ("eks", "fargateprofile"): ("eks", "fargate"),
    ("rds", "cev"): ("rds", "custom_oracle"),
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


GENERIC_NOTE = ("{name} is used only through AWS APIs and the console; AWS operates the compute, storage "
                "and software behind it, and the customer is responsible for its data, configuration and "
                "access policies.")

PROPOSED = os.path.join(ROOT, "build", "derive_mappings", "services_proposed.csv")


# --------------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------------

def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def read_refs():
    """The six reference lists of data/ref/, by short name."""
    names = {"boto": "aws_services.csv", "arns": "iam_resource_arns.csv", "cfn": "cfn_resource_types.csv",
             "config": "config_resource_types.csv", "steampipe": "steampipe_aws_tables.csv",
             "cloudquery": "cloudquery_aws_tables.csv"}
    return {k: read_csv(os.path.join(REF, v)) for k, v in names.items()}


def read_model():
    """What data/ holds today: services, variants, and the variant of every mapping row."""
    model = {
        "services": {r["service"] for r in read_csv(os.path.join(DATA, "services.csv"))},
        "variants": collections.defaultdict(set),
        "types": {r["resource_type"]: (r["service"], r["variant"])
                  for r in read_csv(os.path.join(DATA, "resource_types.csv"))},
        "arn": {(r["namespace"], r["resource_type"]): (r["service"], r["variant"])
                for r in read_csv(os.path.join(DATA, "arn_types.csv"))},
        "tables": {(r["table_name"], r["dialect"]): (r["service"], r["variant"])
                   for r in read_csv(os.path.join(DATA, "tables.csv"))},
    }
    for r in read_csv(os.path.join(DATA, "variants.csv")):
        model["variants"][r["service"]].add(r["variant"])
    return model


def keep_variant(existing, key, target):
    """The variant data/ gives the row, when it names the same service; else the rule's."""
    if target is None:
        return None
    old = existing.get(key)
    if old and old[0] == target[0] and old[1]:
        return (target[0], old[1])
    return target


# --------------------------------------------------------------------------------------------------
# Deriving, section by section
# --------------------------------------------------------------------------------------------------

class Derivation:
    def __init__(self, refs, model):
        self.refs, self.model = refs, model
        self.errors = []
        self.exclusions = set()
        self.used = collections.defaultdict(set)          # service -> the files that use it
        boto, arns = refs["boto"], refs["arns"]
        self.iam_prefixes = ({r["iam_prefix"] for r in boto if r["iam_prefix"]}
                             | {r["service_prefix"] for r in arns})
        self.services = set(model["services"])
        for r in boto:
            self.services.add(self.of_boto(r))
        for p in self.iam_prefixes:
            self.services.add(self.of_prefix(p))
        self.services |= set(NS_SERVICE.values())

    @staticmethod
    def of_prefix(p):
        return PREFIX_MERGE[p][0] if p in PREFIX_MERGE else p

    def of_boto(self, r):
        if r["service_id"] in SPLIT_BOTO:
            return SPLIT_BOTO[r["service_id"]]
        return self.of_prefix(r["iam_prefix"]) if r["iam_prefix"] else r["service_id"]

    # ------------------------------------------------------------ aliases
    def aliases(self):
        kind_rank = {k: i for i, k in enumerate(["client", "prefix", "sdk_id", "endpoint", "abbreviation", "name"])}
        cand = []                                   # (alias, service, kind)
        for r in self.refs["boto"]:
            s = self.of_boto(r)
            ps = self.of_prefix(r["iam_prefix"]) if r["iam_prefix"] else s
            cand += [(r["service_full_name"], s, "name"), (r["service_abbreviation"], s, "abbreviation"),
                     (r["sdk_service_id"], s, "sdk_id"), (r["service_id"], s, "client"),
                     (r["iam_prefix"], ps, "prefix"),
                     (r["endpoint_prefix"], ps if s in SPLIT_BOTO.values() else s, "endpoint")]
            for n in r["iam_service_name"].split("|"):
                cand.append((n, ps, "name"))
        for r in self.refs["arns"]:
            cand += [(r["service_name"], self.of_prefix(r["service_prefix"]), "name"),
                     (r["service_prefix"], self.of_prefix(r["service_prefix"]), "prefix")]
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
        out = []
        for low, m in by_alias.items():
            targets = set(m)
            if low in self.services:                # the alias is itself another service's id
                targets.add(low)
            if len(targets) > 1:
                self.exclusions.add(("alias", min(v[1] for v in m.values()),
                                     "ambiguous: would point to " + " and ".join(sorted(targets))))
                continue
            (s, (_, a, k)), = m.items()
            out.append((a, s, k))
            self.used[s].add("aliases")
        low = collections.Counter(a.lower() for a, _, _ in out)
        self.errors += [f"alias {a!r} appears twice" for a, n in low.items() if n > 1]
        return out

    # ------------------------------------------------------------ resource types
    def resource_types(self):
        norm = lambda x: re.sub(r"[^a-z0-9]", "", x.lower())
        name_index = {}
        for r in sorted(self.refs["boto"], key=lambda r: r["service_id"]):
            s = self.of_boto(r)
            for key in (r["service_id"], r["iam_prefix"], r["sdk_service_id"]):
                if key:
                    name_index.setdefault(norm(key), s)
        for s in sorted(self.services):
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
        for dialect in ("cfn", "config"):
            for r in self.refs[dialect]:
                t = r["resource_type"]
                m = keep_variant(self.model["types"], t, cfn_service(t))
                if m is None:
                    self.errors.append(f"{dialect}: {t} unmapped")
                    continue
                if t in rtypes and rtypes[t] != m:
                    self.errors.append(f"{t}: conflicting mapping")
                rtypes[t] = m
        self.n_cfn = sum(1 for r in self.refs["cfn"] if r["resource_type"] in rtypes)
        self.n_config = sum(1 for r in self.refs["config"] if r["resource_type"] in rtypes)
        for t, m in self.model["types"].items():    # rows of data/ no reference list gives
            rtypes.setdefault(t, m)
        for s, _ in rtypes.values():
            self.used[s].add("resource_types")
        return [(t,) + m for t, m in rtypes.items()]

    # ------------------------------------------------------------ ARN types
    def ns_service(self, ns):
        if ns in NS_SERVICE:
            return NS_SERVICE[ns]
        if ns in self.iam_prefixes:
            return self.of_prefix(ns)
        return None

    def arn_target(self, ns, token):
        if (ns, token) in ARN_OVERRIDE:
            t = ARN_OVERRIDE[(ns, token)]
        elif ns == "ec2" and token in EC2_ARN_EBS:
            t = ("ebs", "")
        elif ns == "ec2" and (token in EC2_ARN_VPC_EXACT or token.startswith(EC2_ARN_VPC_PREFIX)):
            t = ("vpc", "")
        else:
            t = (self.ns_service(ns), "")
        return keep_variant(self.model["arn"], (ns, token), t)

    def arn_types(self):
        arn_rows = {}
        split_services = {"ebs", "vpc", "docdb", "neptune"}
        for r in self.refs["arns"]:
            f = r["arn_format"]
            parts = f.split(":", 5)
            if len(parts) < 6 or parts[0] != "arn":
                self.exclusions.add(("arn", f, "not an ARN format"))
                continue
            ns, res = parts[2], parts[5]
            if "${" in ns:
                self.exclusions.add(("arn", f, f"namespace is a placeholder ({ns}): the service is the vendor's, "
                                               f"not fixed by the format (listed under {r['service_prefix']})"))
                continue
            if self.ns_service(ns) is None:
                self.errors.append(f"arn: namespace {ns} has no service")
                continue
            token = re.match(r"[^/:]*", res).group(0)
            if token.startswith("${"):
                token = ""
            arn_rows[(ns, "")] = self.arn_target(ns, "")
            tgt = self.arn_target(ns, token)
            if token:
                arn_rows[(ns, token)] = tgt
            owner = self.of_prefix(r["service_prefix"])
            if tgt[0] != owner and tgt[0] not in split_services and ns == r["service_prefix"]:
                self.errors.append(f"arn: {f} resolves to {tgt[0]}, owner {owner}")
        for key, m in self.model["arn"].items():    # rows of data/ no reference list gives
            arn_rows.setdefault(key, m)
        out = []
        for (ns, tok), tgt in arn_rows.items():
            if tok and tgt == arn_rows.get((ns, "")):
                continue
            out.append((ns, tok) + tgt)
        # every ARN format: simulate the resolver (token lookup, then the namespace default)
        lookup = {(ns, tok): (s, v) for ns, tok, s, v in out}
        self.n_arn_ok = self.n_arn_excl = 0
        excluded = {name for d, name, _ in self.exclusions if d == "arn"}
        for r in self.refs["arns"]:
            f = r["arn_format"]
            if f in excluded:
                self.n_arn_excl += 1
                continue
            ns, res = f.split(":", 5)[2], f.split(":", 5)[5]
            token = re.match(r"[^/:]*", res).group(0)
            got = lookup.get((ns, token)) or lookup.get((ns, ""))
            want = self.arn_target(ns, "" if token.startswith("${") else token)
            if got != want:
                self.errors.append(f"arn: {f} resolves to {got}, expected {want}")
            else:
                self.n_arn_ok += 1
        for row in out:
            self.used[row[2]].add("arn_types")
        return out

    # ------------------------------------------------------------ tables
    def tables(self):
        rules = {}
        for r in sorted(self.refs["boto"], key=lambda r: r["service_id"]):
            s = self.of_boto(r)
            for key in (r["service_id"], r["iam_prefix"]):
                if key:
                    rules.setdefault("aws_" + key.replace("-", "_"), (s, ""))
                    rules.setdefault("aws_" + key.replace("-", ""), (s, ""))
        for s in sorted(self.services):
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

        out = {}
        for dialect in ("steampipe", "cloudquery"):
            for r in self.refs[dialect]:
                t = r["table_name"]
                if t in TABLE_EXCLUDE:
                    self.exclusions.add((dialect, t, TABLE_EXCLUDE[t]))
                    continue
                m = keep_variant(self.model["tables"], (t, dialect), table_service(t))
                if m is None:
                    self.errors.append(f"{dialect}: {t} unmapped")
                    continue
                out[(t, dialect)] = m
        self.n_tables = collections.Counter(d for _, d in out)
        excluded = {(d, n) for d, n, _ in self.exclusions}
        for key, m in self.model["tables"].items():  # rows of data/ no reference list gives
            if (key[1], key[0]) not in excluded:
                out.setdefault(key, m)
        for s, _ in out.values():
            self.used[s].add("tables")
        return [k + m for k, m in out.items()]

    # ------------------------------------------------------------ services and checks
    def proposed_services(self):
        """Rows for the service ids the mappings use that data/services.csv lacks."""
        page_names = collections.defaultdict(set)
        for r in self.refs["arns"]:
            page_names[r["service_prefix"]].add(r["service_name"])
        for r in self.refs["boto"]:
            if r["iam_prefix"] and r["iam_service_name"]:
                page_names[r["iam_prefix"]].update(r["iam_service_name"].split("|"))
        rep = {}
        for r in sorted(self.refs["boto"],
                        key=lambda r: (r["service_id"] != (r["iam_prefix"] or r["service_id"]), r["service_id"])):
            rep.setdefault(self.of_boto(r), r)
        rows = []
        for s in sorted(set(self.used) - self.model["services"]):
            names = page_names.get(s, set())
            if s in SPLIT_BOTO.values() or not names:
                name = rep[s]["service_full_name"] if s in rep else s
            else:
                name = min(names, key=lambda n: (len(n), n))
            name = NAME_OVERRIDE.get(s, name)
            rows.append((s, name, "", "abstracted", "inferred", "", GENERIC_NOTE.format(name=name), "", ""))
            self.errors.append(f"service id {s!r} used by {sorted(self.used[s])} is not in data/services.csv "
                               f"(a proposed row: {os.path.relpath(PROPOSED, ROOT)})")
        return rows

    def check_variants(self, rtypes, arn_out, tables):
        for row in [r[1:] for r in rtypes] + [r[2:] for r in arn_out] + [r[2:] for r in tables]:
            s, v = row[0], row[1]
            if v and v not in self.model["variants"].get(s, ()):
                self.errors.append(f"variant {v!r} is not a variant of {s} (data/variants.csv)")
        for dialect in ("steampipe", "cloudquery"):
            mapped = {(r[0], r[1]) for r in tables}
            excluded = {(d, n) for d, n, _ in self.exclusions}
            for r in self.refs[dialect]:
                if (r["table_name"], dialect) not in mapped and (dialect, r["table_name"]) not in excluded:
                    self.errors.append(f"{dialect}: {r['table_name']} neither mapped nor excluded")


# --------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------

def csv_text(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(sorted(set(rows)))
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 when a data file would change")
    args = ap.parse_args()

    d = Derivation(read_refs(), read_model())
    aliases = d.aliases()
    rtypes = d.resource_types()
    arn_out = d.arn_types()
    tables = d.tables()
    proposed = d.proposed_services()
    d.check_variants(rtypes, arn_out, tables)

    files = {
        "aliases.csv": csv_text(["alias", "service", "kind"], aliases),
        "resource_types.csv": csv_text(["resource_type", "service", "variant"], rtypes),
        "arn_types.csv": csv_text(["namespace", "resource_type", "service", "variant"], arn_out),
        "tables.csv": csv_text(["table_name", "dialect", "service", "variant"], tables),
        "exclusions.csv": csv_text(["dialect", "name", "reason"], d.exclusions),
    }
    changed = []
    for name, text in files.items():
        path = os.path.join(DATA, name)
        with open(path, encoding="utf-8", newline="") as fh:
            if fh.read() == text:
                continue
        changed.append(name)
        if not args.check:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
    if proposed and not args.check:
        os.makedirs(os.path.dirname(PROPOSED), exist_ok=True)
        with open(PROPOSED, "w", encoding="utf-8", newline="") as fh:
            fh.write(csv_text(["service", "name", "abbreviation", "category", "category_basis", "category_source",
                               "category_note", "reviewed_on", "reviewed_pages"], proposed))

    r = d.refs
    print(f"reference rows: cloudformation {len(r['cfn'])} -> {d.n_cfn} mapped; config {len(r['config'])} -> "
          f"{d.n_config} mapped; arn formats {len(r['arns'])} -> {d.n_arn_ok} resolve, {d.n_arn_excl} excluded; "
          f"steampipe {len(r['steampipe'])} -> {d.n_tables['steampipe']} mapped; "
          f"cloudquery {len(r['cloudquery'])} -> {d.n_tables['cloudquery']} mapped")
    ex = collections.Counter(x for x, _, _ in d.exclusions)
    print("exclusions: " + (", ".join(f"{k} {v}" for k, v in sorted(ex.items())) or "none"))
    for name in files:
        print(f"{name}: {'would change' if args.check else 'written'}" if name in changed
              else f"{name}: unchanged")
    if d.errors:
        for e in d.errors:
            print("ERROR:", e, file=sys.stderr)
        sys.exit(1)
    if args.check and changed:
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
