# The comparison ETL: one Glue job whose script executes the same SQL text the embedded DuckDB engine runs.
# The SQL files lie next to the script under the artifact prefix; --sql_dir tells the script where (no guessing).

resource "aws_s3_object" "glue_script" {
  bucket      = local.artifact_bucket
  key         = "${var.artifact_prefix}/${basename(local.glue_script_path)}"
  source      = local.glue_script_path
  source_hash = filemd5(local.glue_script_path)
  tags        = var.tags
}

resource "aws_s3_object" "sql_transform" {
  for_each = local.sql_transform_files

  bucket       = local.artifact_bucket
  key          = "${var.artifact_prefix}/sql/${each.value}"
  source       = "${local.sql_transform_dir}/${each.value}"
  source_hash  = filemd5("${local.sql_transform_dir}/${each.value}")
  content_type = "text/plain"
  tags         = var.tags
}

resource "aws_glue_catalog_database" "results" {
  name        = local.glue_database_name
  description = "kafka-recon result tables (missing imports, missing exports, mismatched timestamps, counts) per run."
  tags        = var.tags
}

resource "aws_glue_job" "transform" {
  name              = local.glue_job_name
  description       = "kafka-recon comparison ETL: joins import and export manifests of a window into the result tables."
  role_arn          = aws_iam_role.glue.arn
  glue_version      = var.glue_version
  worker_type       = var.glue_worker_type
  number_of_workers = var.glue_number_of_workers
  timeout           = var.glue_timeout_minutes
  # The operator retries the phase itself with a fresh idempotency key; a Glue-side retry would be invisible to it.
  max_retries = 0
  tags        = var.tags

  command {
    name            = "glueetl"
    script_location = "s3://${aws_s3_object.glue_script.bucket}/${aws_s3_object.glue_script.key}"
    python_version  = "3"
  }

  execution_property {
    max_concurrent_runs = var.glue_max_concurrent_runs
  }

  default_arguments = {
    "--job-language"                     = "python"
    "--sql_dir"                          = "s3://${local.artifact_bucket}/${var.artifact_prefix}/sql/"
    "--TempDir"                          = "s3://${local.output_bucket}/${var.output_prefix}/_glue-temp/"
    "--enable-metrics"                   = "true"
    "--enable-continuous-cloudwatch-log" = "true"
    # number_of_workers is then the ceiling: a quiet night uses (and bills) fewer executors.
    "--enable-auto-scaling" = "true"
  }

  # The script reads the SQL at start; the job must not be runnable before every file is uploaded.
  depends_on = [aws_s3_object.sql_transform]

  lifecycle {
    precondition {
      condition     = length(local.sql_transform_files) > 0
      error_message = "No *.sql files found in ${local.sql_transform_dir}; set sql_transform_dir to the folder holding the transform SQL (src/Operator/Sql/transform in the kafka-recon repository)."
    }
  }
}
