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

output "v3_invoke_url" {
  description = "Invoke URL of stage v3"
  value       = aws_apigatewayv2_stage.v3.invoke_url
}
