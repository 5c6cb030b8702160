variable "domain_certificate_arn" {
  type        = string
  description = "ACM certificate (in this Region) for the custom domain name(s) the split APIs answer on"
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups of the load balancer"
}

variable "subnet_ids" {
  type        = list(string)
  description = "Subnets of the load balancer (at least two Availability Zones)"
}

variable "vpc_id" {
  type        = string
  description = "VPC of the target groups"
}
