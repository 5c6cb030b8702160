output "target_group_arn_api" {
  description = "Target group of backend api"
  value       = aws_lb_target_group.api.arn
}

output "target_group_arn_files" {
  description = "Target group of backend files"
  value       = aws_lb_target_group.files.arn
}
