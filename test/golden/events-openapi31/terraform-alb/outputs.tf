output "target_group_arn_ingest" {
  description = "Target group of backend ingest"
  value       = aws_lb_target_group.ingest.arn
}

output "target_group_arn_legacy" {
  description = "Target group of backend legacy"
  value       = aws_lb_target_group.legacy.arn
}

output "target_group_arn_query" {
  description = "Target group of backend query"
  value       = aws_lb_target_group.query.arn
}
