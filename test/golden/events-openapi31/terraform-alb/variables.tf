variable "listener_arn" {
  type        = string
  description = "ARN of the ALB listener the rules are added to"
}

variable "load_balancer_arn" {
  type        = string
  description = "ARN of the load balancer the WAF rate limits protect"
}
