# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "v1_customers" {
  name             = "Split API /v1/customers"
  description      = "More operations than one API Gateway API may hold (300 REST resources, 300 HTTP routes): gateplan splits it by path prefix into several APIs under one custom domain."
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = templatefile("${path.module}/openapi-http-v1-customers.json", { AlbListenerArn = aws_lb_listener.main.arn, AlbVpcLinkId = aws_apigatewayv2_vpc_link.this.id })
}

resource "aws_apigatewayv2_vpc_link" "this" {
  name               = "Split API"
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
}

resource "aws_apigatewayv2_stage" "prod_v1_customers" {
  api_id      = aws_apigatewayv2_api.v1_customers.id
  name        = "prod"
  auto_deploy = true
}

# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "v1_invoices" {
  name             = "Split API /v1/invoices"
  description      = "More operations than one API Gateway API may hold (300 REST resources, 300 HTTP routes): gateplan splits it by path prefix into several APIs under one custom domain."
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = templatefile("${path.module}/openapi-http-v1-invoices.json", { AlbListenerArn = aws_lb_listener.main.arn, AlbVpcLinkId = aws_apigatewayv2_vpc_link.this.id })
}

resource "aws_apigatewayv2_stage" "prod_v1_invoices" {
  api_id      = aws_apigatewayv2_api.v1_invoices.id
  name        = "prod"
  auto_deploy = true
}

# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "v1_payouts" {
  name             = "Split API /v1/payouts"
  description      = "More operations than one API Gateway API may hold (300 REST resources, 300 HTTP routes): gateplan splits it by path prefix into several APIs under one custom domain."
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = templatefile("${path.module}/openapi-http-v1-payouts.json", { AlbListenerArn = aws_lb_listener.main.arn, AlbVpcLinkId = aws_apigatewayv2_vpc_link.this.id })
}

resource "aws_apigatewayv2_stage" "prod_v1_payouts" {
  api_id      = aws_apigatewayv2_api.v1_payouts.id
  name        = "prod"
  auto_deploy = true
}

# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "v1_status" {
  name             = "Split API /v1/status"
  description      = "More operations than one API Gateway API may hold (300 REST resources, 300 HTTP routes): gateplan splits it by path prefix into several APIs under one custom domain."
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = templatefile("${path.module}/openapi-http-v1-status.json", { AlbListenerArn = aws_lb_listener.main.arn, AlbVpcLinkId = aws_apigatewayv2_vpc_link.this.id })
}

resource "aws_apigatewayv2_stage" "prod_v1_status" {
  api_id      = aws_apigatewayv2_api.v1_status.id
  name        = "prod"
  auto_deploy = true
}

# The split APIs answer on one regional custom domain name per stage; each API is mapped at its
# base path (multi-level mappings need a regional domain name with TLS 1.2).

resource "aws_apigatewayv2_domain_name" "prod" {
  domain_name = "api.example.com"

  domain_name_configuration {
    certificate_arn = var.domain_certificate_arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "prod_v1_customers" {
  api_id          = aws_apigatewayv2_api.v1_customers.id
  stage           = aws_apigatewayv2_stage.prod_v1_customers.name
  domain_name     = aws_apigatewayv2_domain_name.prod.domain_name
  api_mapping_key = "v1/customers"
}

resource "aws_apigatewayv2_api_mapping" "prod_v1_invoices" {
  api_id          = aws_apigatewayv2_api.v1_invoices.id
  stage           = aws_apigatewayv2_stage.prod_v1_invoices.name
  domain_name     = aws_apigatewayv2_domain_name.prod.domain_name
  api_mapping_key = "v1/invoices"
}

resource "aws_apigatewayv2_api_mapping" "prod_v1_payouts" {
  api_id          = aws_apigatewayv2_api.v1_payouts.id
  stage           = aws_apigatewayv2_stage.prod_v1_payouts.name
  domain_name     = aws_apigatewayv2_domain_name.prod.domain_name
  api_mapping_key = "v1/payouts"
}

resource "aws_apigatewayv2_api_mapping" "prod_v1_status" {
  api_id          = aws_apigatewayv2_api.v1_status.id
  stage           = aws_apigatewayv2_stage.prod_v1_status.name
  domain_name     = aws_apigatewayv2_domain_name.prod.domain_name
  api_mapping_key = "v1/status"
}
