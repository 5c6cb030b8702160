output "target_group_arn_http_reports_example_com" {
  description = "Target group of backend http-reports-example-com"
  value       = aws_lb_target_group.http_reports_example_com.arn
}

output "target_group_arn_lambda_inventory_writer" {
  description = "Target group of backend lambda-inventory-writer"
  value       = aws_lb_target_group.lambda_inventory_writer.arn
}

output "target_group_arn_stock" {
  description = "Target group of backend stock"
  value       = aws_lb_target_group.stock.arn
}
