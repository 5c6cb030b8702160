output "dev_invoke_url" {
  description = "Invoke URL of stage dev"
  value       = aws_api_gateway_stage.dev.invoke_url
}

output "prod_invoke_url" {
  description = "Invoke URL of stage prod"
  value       = aws_api_gateway_stage.prod.invoke_url
}

output "rest_api_id" {
  description = "Id of the REST API"
  value       = aws_api_gateway_rest_api.this.id
}

output "usage_plan_dev_api_key_id" {
  description = "Id of the API key of usage plan Bookstore API dev"
  value       = aws_api_gateway_api_key.usage_plan_dev.id
}

output "usage_plan_prod_api_key_id" {
  description = "Id of the API key of usage plan Bookstore API prod"
  value       = aws_api_gateway_api_key.usage_plan_prod.id
}
