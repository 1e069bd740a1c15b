terraform {
  # Cross-variable references are not needed; preconditions (1.2) and optional() (1.3) are.
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Written to the attributes 5.100 and 6.x share, so the module validates against either: the compute
      # environment gets a generated name (its name argument was renamed in 6.0), and the region is read from
      # aws_region's "name" (deprecated in 6.x in favour of "region", which 5.x lacks; a warning only).
      version = ">= 5.100.0, < 7.0.0"
    }
  }
}
