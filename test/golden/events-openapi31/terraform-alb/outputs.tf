output "target_group_arn_legacy" {
  description = "Target group of backend legacy"
  value       = aws_lb_target_group.legacy.arn
}
