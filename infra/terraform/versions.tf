terraform {
  # Cross-variable references are not needed; preconditions (1.2) and optional() (1.3) are.
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.x names: name_prefix on aws_batch_compute_environment, region on the aws_region data source.
      version = ">= 6.0.0, < 7.0.0"
    }
  }
}
