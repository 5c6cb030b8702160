variable "reviews_listener_arn" {
  type        = string
  description = "ARN of the load balancer listener behind backend reviews (private integration)"
}

variable "reviews_vpc_link_id" {
  type        = string
  description = "VPC link id through which API Gateway reaches backend reviews"
}
