output "live_invoke_url" {
  description = "Invoke URL of stage live"
  value       = aws_api_gateway_stage.live.invoke_url
}

output "rest_api_id" {
  description = "Id of the REST API"
  value       = aws_api_gateway_rest_api.this.id
}

output "staging_invoke_url" {
  description = "Invoke URL of stage staging"
  value       = aws_api_gateway_stage.staging.invoke_url
}
