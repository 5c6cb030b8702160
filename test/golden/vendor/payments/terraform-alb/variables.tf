variable "listener_arn" {
  type        = string
  description = "ARN of the ALB listener the rules are added to"
}

variable "vpc_id" {
  type        = string
  description = "VPC of the target groups"
}
