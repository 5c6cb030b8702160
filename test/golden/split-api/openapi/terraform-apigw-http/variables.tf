variable "domain_certificate_arn" {
  type        = string
  description = "ACM certificate (in this Region) for the custom domain name(s) the split APIs answer on"
}
