import pulumi
import pulumi_aws as aws

config = pulumi.Config()

# The key's ARN is computed by AWS: unknown during preview.
key = aws.kms.Key("orders-db-key", enable_key_rotation=True, deletion_window_in_days=30)
subnets = aws.rds.SubnetGroup("orders-db-subnets", subnet_ids=["subnet-0a1b2c3d", "subnet-4e5f6a7b"])

db = aws.rds.Instance(
    "orders-db",
    engine="postgres",
    engine_version="16.4",
    instance_class="db.m6g.large",
    allocated_storage=100,
    username="orders",
    password=config.require_secret("dbPassword"),
    db_subnet_group_name=subnets.name,
    multi_az=True,
    storage_encrypted=True,
    kms_key_id=key.arn,
    deletion_protection=True,
    backup_retention_period=config.require_int("backupRetentionDays"),
    final_snapshot_identifier="orders-db-final",
    tags={"team": "orders"},
    opts=pulumi.ResourceOptions(protect=True, ignore_changes=["engineVersion"]),
)

pulumi.export("endpoint", db.endpoint)
