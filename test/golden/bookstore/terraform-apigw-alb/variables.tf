variable "certificate_arn" {
  type        = string
  description = "ACM certificate ARN for the HTTPS listener"
}

variable "security_group_ids" {
  type        = list(string)
  description = "Security groups of the load balancer"
}

variable "ssl_policy" {
  type        = string
  description = "TLS policy of the HTTPS listeners"
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
}

variable "subnet_ids" {
  type        = list(string)
  description = "Subnets of the load balancer (at least two Availability Zones)"
}

variable "vpc_id" {
  type        = string
  description = "VPC of the target groups"
}
