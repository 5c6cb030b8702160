output "http_api_endpoint" {
  description = "Default endpoint of the HTTP API"
  value       = aws_apigatewayv2_api.this.api_endpoint
}

output "http_api_id" {
  description = "Id of the HTTP API"
  value       = aws_apigatewayv2_api.this.id
}

output "prod_invoke_url" {
  description = "Invoke URL of stage prod"
  value       = aws_apigatewayv2_stage.prod.invoke_url
}
