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

output "prod_invoke_url" {
  description = "Invoke URL of stage prod"
  value       = aws_apigatewayv2_stage.prod.invoke_url
}

output "target_group_arn_payments" {
  description = "Target group of backend payments"
  value       = aws_lb_target_group.payments.arn
}
