# The report queries run in their own workgroup: its settings override the client's, so every query lands its
# results under the output prefix and none can scan more than the cut-off.

resource "aws_athena_workgroup" "reports" {
  name          = local.athena_workgroup
  description   = "kafka-recon report queries"
  state         = "ENABLED"
  force_destroy = var.athena_force_destroy
  tags          = var.tags

  configuration {
    enforce_workgroup_configuration    = true
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = var.athena_bytes_scanned_cutoff

    # Pinned: the report SQL is checked against engine 3's (Trino's) grammar; an automatic upgrade must not change
    # what a query means between two nights.
    engine_version {
      selected_engine_version = "Athena engine version 3"
    }

    result_configuration {
      output_location = "s3://${local.output_bucket}/${local.athena_prefix}/"

      encryption_configuration {
        encryption_option = var.kms_key_arn == null ? "SSE_S3" : "SSE_KMS"
        kms_key_arn       = var.kms_key_arn
      }
    }
  }
}
