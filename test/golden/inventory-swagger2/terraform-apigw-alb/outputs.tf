output "http_api_endpoint" {
  description = "Default endpoint of the HTTP API"
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "http_api_id" {
  description = "Id of the HTTP API"
  value       = aws_apigatewayv2_api.this.id
}

output "live_invoke_url" {
  description = "Invoke URL of stage live"
  value       = aws_apigatewayv2_stage.live.invoke_url
}

output "load_balancer_arn" {
  description = "ARN of the load balancer"
  value       = aws_lb.this.arn
}

output "load_balancer_dns_name" {
  description = "DNS name of the load balancer"
  value       = aws_lb.this.dns_name
}

output "staging_invoke_url" {
  description = "Invoke URL of stage staging"
  value       = aws_apigatewayv2_stage.staging.invoke_url
}

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
