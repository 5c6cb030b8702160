output "beta_invoke_url" {
  description = "Invoke URL of stage beta"
  value       = aws_api_gateway_stage.beta.invoke_url
}

output "rest_api_id" {
  description = "Id of the REST API"
  value       = aws_api_gateway_rest_api.this.id
}

output "v3_invoke_url" {
  description = "Invoke URL of stage v3"
  value       = aws_api_gateway_stage.v3.invoke_url
}
