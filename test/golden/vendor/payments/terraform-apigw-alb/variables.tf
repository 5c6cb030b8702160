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
