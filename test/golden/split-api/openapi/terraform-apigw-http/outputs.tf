output "http_api_endpoint_v1_customers" {
  description = "Default endpoint of the HTTP API at /v1/customers"
  value       = aws_apigatewayv2_api.v1_customers.api_endpoint
}

output "http_api_endpoint_v1_invoices" {
  description = "Default endpoint of the HTTP API at /v1/invoices"
  value       = aws_apigatewayv2_api.v1_invoices.api_endpoint
}

output "http_api_endpoint_v1_payouts" {
  description = "Default endpoint of the HTTP API at /v1/payouts"
  value       = aws_apigatewayv2_api.v1_payouts.api_endpoint
}

output "http_api_endpoint_v1_status" {
  description = "Default endpoint of the HTTP API at /v1/status"
  value       = aws_apigatewayv2_api.v1_status.api_endpoint
}

output "http_api_id_v1_customers" {
  description = "Id of the HTTP API at /v1/customers"
  value       = aws_apigatewayv2_api.v1_customers.id
}

output "http_api_id_v1_invoices" {
  description = "Id of the HTTP API at /v1/invoices"
  value       = aws_apigatewayv2_api.v1_invoices.id
}

output "http_api_id_v1_payouts" {
  description = "Id of the HTTP API at /v1/payouts"
  value       = aws_apigatewayv2_api.v1_payouts.id
}

output "http_api_id_v1_status" {
  description = "Id of the HTTP API at /v1/status"
  value       = aws_apigatewayv2_api.v1_status.id
}

output "prod_domain_target" {
  description = "Point DNS for stage prod's domain name here (an alias or CNAME)"
  value       = aws_apigatewayv2_domain_name.prod.domain_name_configuration[0].target_domain_name
}

output "prod_v1_customers_invoke_url" {
  description = "Invoke URL of stage prod of the API at /v1/customers"
  value       = aws_apigatewayv2_stage.prod_v1_customers.invoke_url
}

output "prod_v1_invoices_invoke_url" {
  description = "Invoke URL of stage prod of the API at /v1/invoices"
  value       = aws_apigatewayv2_stage.prod_v1_invoices.invoke_url
}

output "prod_v1_payouts_invoke_url" {
  description = "Invoke URL of stage prod of the API at /v1/payouts"
  value       = aws_apigatewayv2_stage.prod_v1_payouts.invoke_url
}

output "prod_v1_status_invoke_url" {
  description = "Invoke URL of stage prod of the API at /v1/status"
  value       = aws_apigatewayv2_stage.prod_v1_status.invoke_url
}
