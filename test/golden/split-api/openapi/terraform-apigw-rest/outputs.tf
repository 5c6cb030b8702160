output "prod_domain_target" {
  description = "Point DNS for stage prod's domain name here (an alias or CNAME)"
  value       = aws_api_gateway_domain_name.prod.regional_domain_name
}

output "prod_v1_customers_invoke_url" {
  description = "Invoke URL of stage prod of the API at /v1/customers"
  value       = aws_api_gateway_stage.prod_v1_customers.invoke_url
}

output "prod_v1_invoices_invoke_url" {
  description = "Invoke URL of stage prod of the API at /v1/invoices"
  value       = aws_api_gateway_stage.prod_v1_invoices.invoke_url
}

output "prod_v1_payouts_invoke_url" {
  description = "Invoke URL of stage prod of the API at /v1/payouts"
  value       = aws_api_gateway_stage.prod_v1_payouts.invoke_url
}

output "prod_v1_status_invoke_url" {
  description = "Invoke URL of stage prod of the API at /v1/status"
  value       = aws_api_gateway_stage.prod_v1_status.invoke_url
}

output "rest_api_id_v1_customers" {
  description = "Id of the REST API at /v1/customers"
  value       = aws_api_gateway_rest_api.v1_customers.id
}

output "rest_api_id_v1_invoices" {
  description = "Id of the REST API at /v1/invoices"
  value       = aws_api_gateway_rest_api.v1_invoices.id
}

output "rest_api_id_v1_payouts" {
  description = "Id of the REST API at /v1/payouts"
  value       = aws_api_gateway_rest_api.v1_payouts.id
}

output "rest_api_id_v1_status" {
  description = "Id of the REST API at /v1/status"
  value       = aws_api_gateway_rest_api.v1_status.id
}
