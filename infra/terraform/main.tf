# kafka-recon's AWS side: the operator's IAM role (IRSA), the Glue comparison job, the Athena workgroup and the Batch
# job that coalesces manifests. iam.tf, glue.tf, athena.tf and batch.tf hold one concern each; this file names things.

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  dns_suffix = data.aws_partition.current.dns_suffix
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name

  output_bucket = coalesce(var.output_bucket, var.manifest_bucket)

  # Issuer host and path as IAM writes it in condition keys: the provider ARN without "arn:...:oidc-provider/".
  oidc_issuer = element(split("oidc-provider/", var.oidc_provider_arn), 1)

  glue_job_name       = "${var.name}-transform"
  glue_database_name  = coalesce(var.glue_database_name, replace(var.name, "-", "_"))
  athena_workgroup    = var.name
  coalesce_job_name   = "${var.name}-coalesce"
  create_batch_queue  = var.batch_job_queue_arn == null
  is_fargate          = var.batch_platform == "FARGATE"
  glue_script_path    = coalesce(var.glue_script_path, "${path.module}/glue/kafka_recon_etl.py")
  sql_transform_dir   = coalesce(var.sql_transform_dir, "${path.module}/../../src/Operator/Sql/transform")
  sql_transform_files = fileset(local.sql_transform_dir, "*.sql")

  # The Glue script and SQL live outside the output prefix: the operator can write there, and must not be able to
  # change the code that runs with the Glue role.
  artifact_bucket     = coalesce(var.artifact_bucket, local.output_bucket)
  artifact_bucket_arn = "arn:${local.partition}:s3:::${local.artifact_bucket}"
  athena_prefix       = "${var.output_prefix}/athena"

  manifest_prefixes = [var.import_manifest_prefix, var.export_manifest_prefix]

  manifest_bucket_arn = "arn:${local.partition}:s3:::${var.manifest_bucket}"
  output_bucket_arn   = "arn:${local.partition}:s3:::${local.output_bucket}"

  manifest_object_arns = [for p in local.manifest_prefixes : "${local.manifest_bucket_arn}/${p}/*"]
  output_object_arns   = ["${local.output_bucket_arn}/${var.output_prefix}/*"]

  # ListBucket is granted per bucket; these conditions narrow it to the prefixes (both "p" and "p/..." listings).
  manifest_list_prefixes = flatten([for p in local.manifest_prefixes : [p, "${p}/*"]])
  output_list_prefixes   = [var.output_prefix, "${var.output_prefix}/*"]

  glue_job_arn         = "arn:${local.partition}:glue:${local.region}:${local.account_id}:job/${local.glue_job_name}"
  glue_catalog_arn     = "arn:${local.partition}:glue:${local.region}:${local.account_id}:catalog"
  glue_database_arn    = "arn:${local.partition}:glue:${local.region}:${local.account_id}:database/${local.glue_database_name}"
  glue_tables_arn      = "arn:${local.partition}:glue:${local.region}:${local.account_id}:table/${local.glue_database_name}/*"
  athena_workgroup_arn = "arn:${local.partition}:athena:${local.region}:${local.account_id}:workgroup/${local.athena_workgroup}"
  batch_job_queue_arn  = coalesce(var.batch_job_queue_arn, one(aws_batch_job_queue.coalesce[*].arn))
  batch_job_def_arn    = "arn:${local.partition}:batch:${local.region}:${local.account_id}:job-definition/${local.coalesce_job_name}"
  batch_jobs_arn       = "arn:${local.partition}:batch:${local.region}:${local.account_id}:job/*"
  coalesce_log_group   = "/aws/batch/${local.coalesce_job_name}"
  s3_via_service       = "s3.${local.region}.${local.dns_suffix}"
}
