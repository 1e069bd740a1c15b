# `kafka-recon coalesce` as an AWS Batch job: the job definition always, and a queue with its compute environment
# unless an existing queue is given (batch_job_queue_arn).

resource "aws_cloudwatch_log_group" "coalesce" {
  name              = local.coalesce_log_group
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

locals {
  coalesce_container_base = {
    image            = var.coalescer_image
    command          = ["coalesce"]
    jobRoleArn       = aws_iam_role.coalescer.arn
    executionRoleArn = aws_iam_role.batch_execution.arn
    resourceRequirements = [
      { type = "VCPU", value = tostring(var.coalescer_vcpu) },
      { type = "MEMORY", value = tostring(var.coalescer_memory_mib) },
    ]
    environment = [
      { name = "AWS_REGION", value = local.region },
      { name = "AWS_DEFAULT_REGION", value = local.region },
    ]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = aws_cloudwatch_log_group.coalesce.name
        "awslogs-region"        = local.region
        "awslogs-stream-prefix" = "coalesce"
      }
    }
  }

  # Two complete documents instead of one with conditional keys: the branches of a conditional must have one type.
  coalesce_container_fargate = jsonencode(merge(local.coalesce_container_base, {
    fargatePlatformConfiguration = { platformVersion = "LATEST" }
    networkConfiguration         = { assignPublicIp = var.batch_assign_public_ip ? "ENABLED" : "DISABLED" }
    ephemeralStorage             = { sizeInGiB = var.coalescer_ephemeral_storage_gib }
  }))

  coalesce_container_ec2 = jsonencode(merge(local.coalesce_container_base, {
    # A coalescer holds many S3 connections and temporary files open at once.
    ulimits = [{ name = "nofile", softLimit = 100000, hardLimit = 100000 }]
  }))
}

resource "aws_batch_job_definition" "coalesce" {
  name                  = local.coalesce_job_name
  type                  = "container"
  platform_capabilities = [var.batch_platform]
  propagate_tags        = true
  container_properties  = local.is_fargate ? local.coalesce_container_fargate : local.coalesce_container_ec2
  tags                  = var.tags

  timeout {
    attempt_duration_seconds = var.coalesce_timeout_seconds
  }

  retry_strategy {
    attempts = var.coalesce_retry_attempts

    # Retry only when the host went away; a non-zero exit of kafka-recon is a real failure for the operator to see.
    evaluate_on_exit {
      on_status_reason = "Host EC2*"
      action           = "RETRY"
    }

    evaluate_on_exit {
      on_reason = "*"
      action    = "EXIT"
    }
  }
}

resource "aws_batch_compute_environment" "coalesce" {
  count = local.create_batch_queue ? 1 : 0

  # No name: Terraform generates a unique one, so a replacement can be created before the old environment is
  # detached from the queue (create_before_destroy). The tags say what it belongs to.
  type  = "MANAGED"
  state = "ENABLED"
  tags  = merge(var.tags, { Name = "${var.name}-coalesce" })

  compute_resources {
    type               = local.is_fargate ? "FARGATE" : "EC2"
    max_vcpus          = var.batch_max_vcpus
    subnets            = var.batch_subnet_ids
    security_group_ids = var.batch_security_group_ids

    # EC2 only; null leaves them unset for Fargate.
    min_vcpus           = local.is_fargate ? null : 0
    instance_type       = local.is_fargate ? null : var.batch_ec2_instance_types
    instance_role       = local.is_fargate ? null : one(aws_iam_instance_profile.batch_instance[*].arn)
    allocation_strategy = local.is_fargate ? null : "BEST_FIT_PROGRESSIVE"
  }

  # Batch needs the instance role's policy until the environment is fully deleted, or deletion hangs in DELETING.
  depends_on = [aws_iam_role_policy_attachment.batch_instance]

  lifecycle {
    create_before_destroy = true

    precondition {
      condition     = length(var.batch_subnet_ids) > 0 && length(var.batch_security_group_ids) > 0
      error_message = "Creating the Batch compute environment needs batch_subnet_ids and batch_security_group_ids; or pass an existing queue as batch_job_queue_arn."
    }
  }
}

resource "aws_batch_job_queue" "coalesce" {
  count = local.create_batch_queue ? 1 : 0

  name     = local.coalesce_job_name
  state    = "ENABLED"
  priority = 10
  tags     = var.tags

  compute_environment_order {
    order               = 1
    compute_environment = aws_batch_compute_environment.coalesce[0].arn
  }
}
