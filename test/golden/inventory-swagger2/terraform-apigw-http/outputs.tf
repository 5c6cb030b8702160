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

output "staging_invoke_url" {
  description = "Invoke URL of stage staging"
  value       = aws_apigatewayv2_stage.staging.invoke_url
}
