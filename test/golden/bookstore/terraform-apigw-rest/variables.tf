variable "reviews_vpc_link_id" {
  type        = string
  description = "VPC link id through which API Gateway reaches backend reviews"
}
