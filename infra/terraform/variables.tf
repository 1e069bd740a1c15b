# ---------------------------------------------------------------------------------------------------------------------
# Naming and tagging
# ---------------------------------------------------------------------------------------------------------------------

variable "name" {
  description = "Base name of every resource this module creates (IAM roles, Glue job, Athena workgroup, Batch queue)."
  type        = string
  default     = "kafka-recon"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,38}[a-z0-9]$", var.name))
    error_message = "name must be 3 to 40 lower-case letters, digits or '-', starting with a letter and not ending with '-' (it prefixes IAM role names, which are limited to 64 characters)."
  }
}

variable "tags" {
  description = "Tags added to every resource that supports tags."
  type        = map(string)
  default     = {}
}

# ---------------------------------------------------------------------------------------------------------------------
# The operator's Kubernetes identity (IRSA)
# ---------------------------------------------------------------------------------------------------------------------

variable "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider (EKS: module output oidc_provider_arn), e.g. arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-2.amazonaws.com/id/ABCDEF."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-zA-Z-]*:iam::[0-9]{12}:oidc-provider/[^/].+$", var.oidc_provider_arn))
    error_message = "oidc_provider_arn must look like arn:aws:iam::<12-digit account>:oidc-provider/<issuer host and path>."
  }
}

variable "service_account_namespace" {
  description = "Namespace of the operator's ServiceAccount (the Helm release namespace)."
  type        = string
  default     = "kafka-recon"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", var.service_account_namespace))
    error_message = "service_account_namespace must be a DNS-1123 label (lower-case letters, digits, '-', at most 63 characters)."
  }
}

variable "service_account_name" {
  description = "Name of the operator's ServiceAccount (Helm value serviceAccount.name)."
  type        = string
  default     = "kafka-recon"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", var.service_account_name))
    error_message = "service_account_name must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Data locations
# ---------------------------------------------------------------------------------------------------------------------

variable "manifest_bucket" {
  description = "S3 bucket holding the import (K2HB) and export (HTME) manifests."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.manifest_bucket))
    error_message = "manifest_bucket must be a bucket name (3 to 63 lower-case letters, digits, '.' or '-'), without s3://."
  }
}

variable "import_manifest_prefix" {
  description = "Key prefix (no leading or trailing '/') of the import manifests, read recursively: the common parent of all K2HB streams, e.g. business-data/manifest/streaming."
  type        = string

  validation {
    condition     = can(regex("^[^/](.*[^/])?$", var.import_manifest_prefix))
    error_message = "import_manifest_prefix must not be empty and must not start or end with '/'."
  }
}

variable "export_manifest_prefix" {
  description = "Key prefix (no leading or trailing '/') of the export manifests, e.g. business-data/manifest/export/incremental."
  type        = string

  validation {
    condition     = can(regex("^[^/](.*[^/])?$", var.export_manifest_prefix))
    error_message = "export_manifest_prefix must not be empty and must not start or end with '/'."
  }
}

variable "output_bucket" {
  description = "S3 bucket for result tables, reports, Athena results and the Glue script; null means manifest_bucket."
  type        = string
  default     = null

  validation {
    condition     = var.output_bucket == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.output_bucket))
    error_message = "output_bucket must be null or a bucket name without s3://."
  }
}

variable "output_prefix" {
  description = "Key prefix (no leading or trailing '/') under which each run writes its tables and reports (spec.output.location)."
  type        = string
  default     = "business-data/manifest/kafka-recon"

  validation {
    condition     = can(regex("^[^/](.*[^/])?$", var.output_prefix))
    error_message = "output_prefix must not be empty and must not start or end with '/'."
  }
}

variable "artifact_bucket" {
  description = "S3 bucket the Glue script and SQL files are uploaded to; null means the output bucket."
  type        = string
  default     = null

  validation {
    condition     = var.artifact_bucket == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.artifact_bucket))
    error_message = "artifact_bucket must be null or a bucket name without s3://."
  }
}

variable "artifact_prefix" {
  description = "Key prefix (no leading or trailing '/') for the Glue script and SQL files; must lie outside output_prefix so the operator cannot rewrite the code Glue runs."
  type        = string
  default     = "kafka-recon/artifacts"

  validation {
    condition     = can(regex("^[^/](.*[^/])?$", var.artifact_prefix))
    error_message = "artifact_prefix must not be empty and must not start or end with '/'."
  }
}

variable "kms_key_arn" {
  description = "KMS key encrypting the buckets; when set, every role may decrypt and generate data keys with it (through S3 only)."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-zA-Z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.kms_key_arn))
    error_message = "kms_key_arn must be null or a key ARN such as arn:aws:kms:eu-west-2:123456789012:key/<id> (not an alias)."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Glue (transform phase)
# ---------------------------------------------------------------------------------------------------------------------

variable "glue_script_path" {
  description = "Local path of the Glue ETL script; null means glue/kafka_recon_etl.py next to this module."
  type        = string
  default     = null
}

variable "sql_transform_dir" {
  description = "Local folder whose *.sql files are uploaded next to the Glue script and named to it by --sql_dir; null means the repository's src/Operator/Sql/transform."
  type        = string
  default     = null
}

variable "glue_version" {
  description = "Glue version of the ETL job."
  type        = string
  default     = "4.0"

  validation {
    condition     = contains(["4.0", "5.0"], var.glue_version)
    error_message = "glue_version must be \"4.0\" or \"5.0\" (the script needs Spark 3.3 or later)."
  }
}

variable "glue_worker_type" {
  description = "Glue worker type."
  type        = string
  default     = "G.1X"

  validation {
    condition     = contains(["G.1X", "G.2X", "G.4X", "G.8X"], var.glue_worker_type)
    error_message = "glue_worker_type must be one of G.1X, G.2X, G.4X, G.8X."
  }
}

variable "glue_number_of_workers" {
  description = "Most Glue workers per run (auto scaling uses fewer when the window is small). The default, 4 x G.1X (one driver, three executors: 12 vCPU, 48 GiB), holds one day's window of about 100 million manifest lines (~15 GB of text) with both cached sides in memory and spills the rest to the workers' 64 GB disks; the legacy 149 G.2X read the whole history every night. Raise it with the size of one window, not with the history."
  type        = number
  default     = 4

  validation {
    condition     = var.glue_number_of_workers >= 2 && var.glue_number_of_workers <= 299 && floor(var.glue_number_of_workers) == var.glue_number_of_workers
    error_message = "glue_number_of_workers must be a whole number from 2 to 299."
  }
}

variable "glue_timeout_minutes" {
  description = "Glue's own run timeout; keep it at or above spec.timeouts.transform so the operator's timeout decides first."
  type        = number
  default     = 240

  validation {
    condition     = var.glue_timeout_minutes >= 10 && var.glue_timeout_minutes <= 2880
    error_message = "glue_timeout_minutes must be between 10 and 2880 (48 hours)."
  }
}

variable "glue_max_concurrent_runs" {
  description = "Most simultaneous runs of the Glue job (one per reconciliation window that runs at the same time)."
  type        = number
  default     = 2

  validation {
    condition     = var.glue_max_concurrent_runs >= 1 && var.glue_max_concurrent_runs <= 50
    error_message = "glue_max_concurrent_runs must be between 1 and 50."
  }
}

variable "glue_database_name" {
  description = "Glue catalog database for the result tables (spec.query.database); null means the module name with '-' replaced by '_'."
  type        = string
  default     = null

  validation {
    condition     = var.glue_database_name == null || can(regex("^[a-z_][a-z0-9_]{0,254}$", var.glue_database_name))
    error_message = "glue_database_name must match ^[a-z_][a-z0-9_]{0,254}$, the pattern the KafkaReconciliation CRD enforces on spec.query.database."
  }
}

# ---------------------------------------------------------------------------------------------------------------------
# Athena (query phase)
# ---------------------------------------------------------------------------------------------------------------------

variable "athena_bytes_scanned_cutoff" {
  description = "Athena cancels any query of the workgroup that scans more than this many bytes (minimum 10 MB). The queries read one run's Parquet result tables: kilobytes on a quiet night, about 30 bytes per differing record otherwise, so 1 GiB leaves room for tens of millions of differences and stops a query that reads what it should not."
  type        = number
  default     = 1073741824 # 1 GiB

  validation {
    condition     = var.athena_bytes_scanned_cutoff >= 10485760
    error_message = "athena_bytes_scanned_cutoff must be at least 10485760 bytes (10 MB), Athena's minimum."
  }
}

variable "athena_force_destroy" {
  description = "Allow terraform destroy to delete the workgroup together with its saved queries and history."
  type        = bool
  default     = false
}

# ---------------------------------------------------------------------------------------------------------------------
# AWS Batch (coalesce phase)
# ---------------------------------------------------------------------------------------------------------------------

variable "coalescer_image" {
  description = "Container image running kafka-recon (the same image as the operator), e.g. 123456789012.dkr.ecr.eu-west-2.amazonaws.com/kafka-recon:1.2.3."
  type        = string

  validation {
    condition     = length(trimspace(var.coalescer_image)) > 0 && !can(regex("\\s", var.coalescer_image))
    error_message = "coalescer_image must be a non-empty image reference without spaces."
  }
}

variable "batch_platform" {
  description = "Where coalescer jobs run: FARGATE (no instances to manage) or EC2."
  type        = string
  default     = "FARGATE"

  validation {
    condition     = contains(["FARGATE", "EC2"], var.batch_platform)
    error_message = "batch_platform must be FARGATE or EC2."
  }
}

variable "coalescer_vcpu" {
  description = "vCPUs per coalescer job (Fargate accepts 0.25, 0.5, 1, 2, 4, 8, 16)."
  type        = number
  default     = 2

  validation {
    condition     = var.coalescer_vcpu >= 0.25 && var.coalescer_vcpu <= 96
    error_message = "coalescer_vcpu must be between 0.25 and 96."
  }
}

variable "coalescer_memory_mib" {
  description = "Memory per coalescer job in MiB (on Fargate it must be a valid pairing with coalescer_vcpu)."
  type        = number
  default     = 8192

  validation {
    condition     = var.coalescer_memory_mib >= 512 && floor(var.coalescer_memory_mib) == var.coalescer_memory_mib
    error_message = "coalescer_memory_mib must be a whole number of MiB, at least 512."
  }
}

variable "coalescer_ephemeral_storage_gib" {
  description = "Fargate only: task storage in GiB for the coalescer's temporary files."
  type        = number
  default     = 50

  validation {
    condition     = var.coalescer_ephemeral_storage_gib >= 21 && var.coalescer_ephemeral_storage_gib <= 200
    error_message = "coalescer_ephemeral_storage_gib must be between 21 and 200 (Fargate's limits)."
  }
}

variable "coalesce_timeout_seconds" {
  description = "Batch kills a coalescer attempt after this many seconds; keep it below spec.timeouts.coalesce."
  type        = number
  default     = 5400

  validation {
    condition     = var.coalesce_timeout_seconds >= 60
    error_message = "coalesce_timeout_seconds must be at least 60 (Batch's minimum)."
  }
}

variable "coalesce_retry_attempts" {
  description = "Batch attempts per coalescer job for infrastructure failures (host or Spot loss); the operator retries the phase on top."
  type        = number
  default     = 2

  validation {
    condition     = var.coalesce_retry_attempts >= 1 && var.coalesce_retry_attempts <= 10
    error_message = "coalesce_retry_attempts must be between 1 and 10."
  }
}

variable "batch_job_queue_arn" {
  description = "Existing Batch job queue for coalescer jobs; null creates a queue and a compute environment (then batch_subnet_ids and batch_security_group_ids are required)."
  type        = string
  default     = null

  validation {
    condition     = var.batch_job_queue_arn == null || can(regex("^arn:aws[a-zA-Z-]*:batch:[a-z0-9-]+:[0-9]{12}:job-queue/.+$", var.batch_job_queue_arn))
    error_message = "batch_job_queue_arn must be null or a job queue ARN such as arn:aws:batch:eu-west-2:123456789012:job-queue/name."
  }
}

variable "batch_subnet_ids" {
  description = "Private subnets for the created compute environment (needs a route to S3 and the image registry)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for s in var.batch_subnet_ids : can(regex("^subnet-[0-9a-f]+$", s))])
    error_message = "batch_subnet_ids must be subnet ids such as subnet-0abc1234."
  }
}

variable "batch_security_group_ids" {
  description = "Security groups for the created compute environment (egress to S3 and the registry suffices)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for s in var.batch_security_group_ids : can(regex("^sg-[0-9a-f]+$", s))])
    error_message = "batch_security_group_ids must be security group ids such as sg-0abc1234."
  }
}

variable "batch_max_vcpus" {
  description = "Upper bound of the created compute environment, i.e. coalescer_vcpu times the partitions coalesced at once."
  type        = number
  default     = 64

  validation {
    condition     = var.batch_max_vcpus >= 1 && var.batch_max_vcpus <= 10000
    error_message = "batch_max_vcpus must be between 1 and 10000."
  }
}

variable "batch_ec2_instance_types" {
  description = "EC2 only: instance types of the created compute environment ('optimal' lets Batch choose)."
  type        = list(string)
  default     = ["optimal"]

  validation {
    condition     = length(var.batch_ec2_instance_types) > 0
    error_message = "batch_ec2_instance_types needs at least one entry, e.g. [\"optimal\"]."
  }
}

variable "batch_assign_public_ip" {
  description = "Fargate only: give coalescer tasks a public IP (only for subnets without a NAT gateway or VPC endpoints)."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "Retention of the coalescer jobs' CloudWatch log group."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}
