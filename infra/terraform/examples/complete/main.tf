# A complete call of the module, as a platform team would write it, and the values it hands to Helm and to the
# KafkaReconciliation template. Validated in CI like the module itself.

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.100.0, < 7.0.0"
    }
  }
}

provider "aws" {
  region = "eu-west-2"
}

module "kafka_recon" {
  source = "../.."

  name              = "kafka-recon"
  oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"

  service_account_namespace = "kafka-recon"
  service_account_name      = "kafka-recon"

  manifest_bucket        = "example-manifest-bucket"
  import_manifest_prefix = "business-data/manifest/streaming"
  export_manifest_prefix = "business-data/manifest/export/incremental"
  output_prefix          = "business-data/manifest/kafka-recon"
  kms_key_arn            = "arn:aws:kms:eu-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

  glue_worker_type       = "G.2X"
  glue_number_of_workers = 20

  coalescer_image          = "123456789012.dkr.ecr.eu-west-2.amazonaws.com/kafka-recon:0.1.0"
  batch_platform           = "FARGATE"
  batch_subnet_ids         = ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
  batch_security_group_ids = ["sg-0a1b2c3d4e5f60003"]

  tags = {
    application = "kafka-recon"
  }
}

output "helm_values" {
  description = "Pass to helm install with -f (after terraform output -json helm_values > values-aws.json)."
  value = {
    serviceAccount = {
      annotations = {
        "eks.amazonaws.com/role-arn" = module.kafka_recon.operator_role_arn
      }
    }
  }
}

output "kafka_reconciliation_spec" {
  description = "The AWS fields of a KafkaReconciliation spec (engine aws), ready for the nightly template."
  value = {
    engine = "aws"
    manifests = {
      importLocation = module.kafka_recon.import_manifest_location
      exportLocation = module.kafka_recon.export_manifest_location
    }
    output = {
      location = module.kafka_recon.output_location
    }
    coalesce = {
      jobQueue      = module.kafka_recon.batch_job_queue_arn
      jobDefinition = module.kafka_recon.batch_job_definition_name
    }
    transform = {
      glueJobName = module.kafka_recon.glue_job_name
    }
    query = {
      workgroup      = module.kafka_recon.athena_workgroup
      database       = module.kafka_recon.glue_database_name
      outputLocation = module.kafka_recon.athena_output_location
    }
  }
}
