output "prod_invoke_url" {
  description = "Invoke URL of stage prod"
  value       = aws_api_gateway_stage.prod.invoke_url
}

output "rest_api_id" {
  description = "Id of the REST API"
  value       = aws_api_gateway_rest_api.this.id
}
