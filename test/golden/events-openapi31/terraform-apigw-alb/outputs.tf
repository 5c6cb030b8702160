output "beta_invoke_url" {
  description = "Invoke URL of stage beta"
  value       = aws_apigatewayv2_stage.beta.invoke_url
}

output "http_api_endpoint" {
  description = "Default endpoint of the HTTP API"
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "http_api_id" {
  description = "Id of the HTTP API"
  value       = aws_apigatewayv2_api.this.id
}

output "load_balancer_arn" {
  description = "ARN of the load balancer"
  value       = aws_lb.this.arn
}

output "load_balancer_dns_name" {
  description = "DNS name of the load balancer"
  value       = aws_lb.this.dns_name
}

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

output "v3_invoke_url" {
  description = "Invoke URL of stage v3"
  value       = aws_apigatewayv2_stage.v3.invoke_url
}
