terraform {
  required_version = ">= 1.5.0"

  required_providers {
    # 6.19.0 is the first release with listener-rule transform blocks and regex_values conditions.
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.19.0, < 7.0.0"
    }
  }
}
