# Three roles, each with only what its holder does:
#   operator  – the controller pod (IRSA): submits and watches Batch, Glue and Athena work, reads manifests, writes runs.
#   glue      – the Glue job: reads manifests, its script and SQL, writes the run's result tables (never the catalog).
#   coalescer – the Batch job: rewrites the manifest prefixes it coalesces.
# (plus the Batch execution role that pulls the image and ships logs, and on EC2 the instance role.)

# ---------------------------------------------------------------------------------------------------------------------
# Operator (IRSA)
# ---------------------------------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "operator_trust" {
  statement {
    sid     = "KafkaReconServiceAccount"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.service_account_namespace}:${var.service_account_name}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "operator" {
  name                 = "${var.name}-operator"
  description          = "kafka-recon operator (service account ${var.service_account_namespace}/${var.service_account_name})"
  assume_role_policy   = data.aws_iam_policy_document.operator_trust.json
  max_session_duration = 3600
  tags                 = var.tags
}

data "aws_iam_policy_document" "operator" {
  statement {
    sid     = "SubmitCoalescerJobs"
    actions = ["batch:SubmitJob"]
    resources = [
      local.batch_job_queue_arn,
      local.batch_job_def_arn,
      "${local.batch_job_def_arn}:*",
    ]
  }

  statement {
    sid       = "StopCoalescerJobs"
    actions   = ["batch:TerminateJob"]
    resources = [local.batch_jobs_arn]
  }

  statement {
    # Batch supports no resource-level permissions for these read-only calls.
    sid       = "WatchCoalescerJobs"
    actions   = ["batch:DescribeJobs", "batch:ListJobs"]
    resources = ["*"]
  }

  statement {
    sid       = "RunTransformJob"
    actions   = ["glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"]
    resources = [local.glue_job_arn]
  }

  statement {
    sid = "RunReportQueries"
    actions = [
      "athena:StartQueryExecution",
      "athena:GetQueryExecution",
      "athena:GetQueryResults",
      "athena:StopQueryExecution",
    ]
    resources = [local.athena_workgroup_arn]
  }

  statement {
    # Athena acts on the catalog with the caller's rights: CREATE EXTERNAL TABLE IF NOT EXISTS for the run's tables,
    # reads for its queries; retention (spec.retention.keepRuns) deletes the tables of runs older than it (Glue
    # DeleteTable, called by the operator itself). Nothing alters a table.
    sid = "CreateResultTables"
    actions = [
      "glue:GetDatabase",
      "glue:GetTable",
      "glue:GetTables",
      "glue:CreateTable",
      "glue:DeleteTable",
      "glue:GetPartition",
      "glue:GetPartitions",
    ]
    resources = [local.glue_catalog_arn, local.glue_database_arn, local.glue_tables_arn]
  }

  statement {
    sid       = "ListManifestPrefixes"
    actions   = ["s3:ListBucket"]
    resources = [local.manifest_bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = local.manifest_list_prefixes
    }
  }

  statement {
    sid       = "ReadManifests"
    actions   = ["s3:GetObject"]
    resources = local.manifest_object_arns
  }

  statement {
    sid       = "ListOutputPrefix"
    actions   = ["s3:ListBucket"]
    resources = [local.output_bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = local.output_list_prefixes
    }
  }

  statement {
    # Athena checks the result bucket's region and its unfinished uploads with the caller's rights; neither call
    # can be narrowed to a prefix.
    sid       = "AthenaResultBucket"
    actions   = ["s3:GetBucketLocation", "s3:ListBucketMultipartUploads"]
    resources = [local.output_bucket_arn]
  }

  statement {
    # Reports, Athena results, and cleanup of a deleted run's scratch data.
    sid = "ReadWriteRunOutputs"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = local.output_object_arns
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]

    content {
      sid       = "UseBucketKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = [local.s3_via_service]
      }
    }
  }
}

resource "aws_iam_role_policy" "operator" {
  name   = "${var.name}-operator"
  role   = aws_iam_role.operator.id
  policy = data.aws_iam_policy_document.operator.json
}

# ---------------------------------------------------------------------------------------------------------------------
# Glue job
# ---------------------------------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "glue_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["glue.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "glue" {
  name               = "${var.name}-glue"
  description        = "kafka-recon Glue comparison job"
  assume_role_policy = data.aws_iam_policy_document.glue_trust.json
  tags               = var.tags
}

data "aws_iam_policy_document" "glue" {
  statement {
    sid       = "ListManifestPrefixes"
    actions   = ["s3:ListBucket"]
    resources = [local.manifest_bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = local.manifest_list_prefixes
    }
  }

  statement {
    sid       = "ReadManifests"
    actions   = ["s3:GetObject"]
    resources = local.manifest_object_arns
  }

  statement {
    sid       = "ListOutputPrefix"
    actions   = ["s3:ListBucket"]
    resources = [local.output_bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = local.output_list_prefixes
    }
  }

  statement {
    sid       = "ReadJobCode"
    actions   = ["s3:GetObject"]
    resources = ["${local.artifact_bucket_arn}/${var.artifact_prefix}/*"]
  }

  statement {
    # Spark temp files and the run's Parquet tables.
    sid       = "ReadWriteRunOutputs"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload"]
    resources = local.output_object_arns
  }

  statement {
    sid       = "WriteJobLogs"
    actions   = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:AssociateKmsKey"]
    resources = ["arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws-glue/*"]
  }

  statement {
    # --enable-metrics; PutMetricData has no resources, the namespace condition confines it to Glue's.
    sid       = "PublishJobMetrics"
    actions   = ["cloudwatch:PutMetricData"]
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = ["Glue"]
    }
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]

    content {
      sid       = "UseBucketKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = [local.s3_via_service]
      }
    }
  }
}

resource "aws_iam_role_policy" "glue" {
  name   = "${var.name}-glue"
  role   = aws_iam_role.glue.id
  policy = data.aws_iam_policy_document.glue.json
}

# ---------------------------------------------------------------------------------------------------------------------
# Batch: the coalescer's job role, the execution role, and (EC2 only) the instance role
# ---------------------------------------------------------------------------------------------------------------------

data "aws_iam_policy_document" "ecs_tasks_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "coalescer" {
  name               = "${var.name}-coalescer"
  description        = "kafka-recon coalesce job (AWS Batch job role)"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
  tags               = var.tags
}

data "aws_iam_policy_document" "coalescer" {
  statement {
    sid       = "ListManifestPrefixes"
    actions   = ["s3:ListBucket"]
    resources = [local.manifest_bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = local.manifest_list_prefixes
    }
  }

  statement {
    # A killed coalesce leaves multipart uploads behind; the next run lists and aborts them (not narrowable to a prefix).
    sid       = "FindAbandonedUploads"
    actions   = ["s3:ListBucketMultipartUploads"]
    resources = [local.manifest_bucket_arn]
  }

  statement {
    # Coalescing replaces many small manifest objects by few large ones in place: read, write, then delete originals.
    sid = "RewriteManifests"
    actions = [
      "s3:GetObject",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
    ]
    resources = local.manifest_object_arns
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]

    content {
      sid       = "UseBucketKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = [local.s3_via_service]
      }
    }
  }
}

resource "aws_iam_role_policy" "coalescer" {
  name   = "${var.name}-coalescer"
  role   = aws_iam_role.coalescer.id
  policy = data.aws_iam_policy_document.coalescer.json
}

resource "aws_iam_role" "batch_execution" {
  name               = "${var.name}-batch-execution"
  description        = "kafka-recon coalesce job: pulls the image and writes logs"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "batch_execution" {
  role       = aws_iam_role.batch_execution.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_iam_policy_document" "ec2_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "batch_instance" {
  count = local.create_batch_queue && !local.is_fargate ? 1 : 0

  name               = "${var.name}-batch-instance"
  description        = "kafka-recon Batch EC2 container instances"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "batch_instance" {
  count = length(aws_iam_role.batch_instance)

  role       = aws_iam_role.batch_instance[count.index].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
}

resource "aws_iam_instance_profile" "batch_instance" {
  count = length(aws_iam_role.batch_instance)

  name = "${var.name}-batch-instance"
  role = aws_iam_role.batch_instance[count.index].name
  tags = var.tags
}
