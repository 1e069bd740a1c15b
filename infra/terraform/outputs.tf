output "operator_role_arn" {
  description = "IAM role for the operator's ServiceAccount: Helm value serviceAccount.annotations.\"eks.amazonaws.com/role-arn\"."
  value       = aws_iam_role.operator.arn
}

output "glue_job_name" {
  description = "Glue comparison job: spec.transform.glueJobName."
  value       = aws_glue_job.transform.name
}

output "glue_database_name" {
  description = "Glue catalog database of the result tables: spec.query.database."
  value       = aws_glue_catalog_database.results.name
}

output "athena_workgroup" {
  description = "Athena workgroup: spec.query.workgroup."
  value       = aws_athena_workgroup.reports.name
}

output "athena_output_location" {
  description = "Where the workgroup writes query results (enforced): spec.query.outputLocation."
  value       = "s3://${local.output_bucket}/${local.athena_prefix}/"
}

output "batch_job_queue_arn" {
  description = "Batch job queue for coalescer jobs: spec.coalesce.jobQueue."
  value       = local.batch_job_queue_arn
}

output "batch_job_definition_name" {
  description = "Batch job definition running kafka-recon coalesce (latest revision when submitted by name): spec.coalesce.jobDefinition."
  value       = aws_batch_job_definition.coalesce.name
}

output "batch_job_definition_arn" {
  description = "Batch job definition ARN including its current revision."
  value       = aws_batch_job_definition.coalesce.arn
}

output "output_location" {
  description = "Where runs write tables and reports: spec.output.location."
  value       = "s3://${local.output_bucket}/${var.output_prefix}"
}

output "import_manifest_location" {
  description = "Import manifest location: spec.manifests.importLocation."
  value       = "s3://${var.manifest_bucket}/${var.import_manifest_prefix}"
}

output "export_manifest_location" {
  description = "Export manifest location: spec.manifests.exportLocation."
  value       = "s3://${var.manifest_bucket}/${var.export_manifest_prefix}"
}

output "glue_role_arn" {
  description = "IAM role the Glue job runs with."
  value       = aws_iam_role.glue.arn
}

output "coalescer_role_arn" {
  description = "IAM role the coalescer Batch jobs run with."
  value       = aws_iam_role.coalescer.arn
}
