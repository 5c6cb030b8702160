# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_api_gateway_rest_api" "v1_customers" {
  name              = "Split API /v1/customers"
  description       = "More operations than one API Gateway API may hold (300 REST resources, 300 HTTP routes): gateplan splits it by path prefix into several APIs under one custom domain."
  body              = file("${path.module}/openapi-rest-v1-customers.json")
  put_rest_api_mode = "overwrite"
  fail_on_warnings  = true

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# A deployment is immutable: a new one is created whenever the document changes.
resource "aws_api_gateway_deployment" "v1_customers" {
  rest_api_id = aws_api_gateway_rest_api.v1_customers.id
  description = "gateplan document 5482536f6b"

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.v1_customers.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod_v1_customers" {
  rest_api_id   = aws_api_gateway_rest_api.v1_customers.id
  deployment_id = aws_api_gateway_deployment.v1_customers.id
  stage_name    = "prod"
  variables = {
    apiHost = "api.internal"
  }
}

# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_api_gateway_rest_api" "v1_invoices" {
  name              = "Split API /v1/invoices"
  description       = "More operations than one API Gateway API may hold (300 REST resources, 300 HTTP routes): gateplan splits it by path prefix into several APIs under one custom domain."
  body              = file("${path.module}/openapi-rest-v1-invoices.json")
  put_rest_api_mode = "overwrite"
  fail_on_warnings  = true

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# A deployment is immutable: a new one is created whenever the document changes.
resource "aws_api_gateway_deployment" "v1_invoices" {
  rest_api_id = aws_api_gateway_rest_api.v1_invoices.id
  description = "gateplan document 390cc2f2fc"

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.v1_invoices.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod_v1_invoices" {
  rest_api_id   = aws_api_gateway_rest_api.v1_invoices.id
  deployment_id = aws_api_gateway_deployment.v1_invoices.id
  stage_name    = "prod"
  variables = {
    apiHost = "api.internal"
  }
}

# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_api_gateway_rest_api" "v1_payouts" {
  name              = "Split API /v1/payouts"
  description       = "More operations than one API Gateway API may hold (300 REST resources, 300 HTTP routes): gateplan splits it by path prefix into several APIs under one custom domain."
  body              = file("${path.module}/openapi-rest-v1-payouts.json")
  put_rest_api_mode = "overwrite"
  fail_on_warnings  = true

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# A deployment is immutable: a new one is created whenever the document changes.
resource "aws_api_gateway_deployment" "v1_payouts" {
  rest_api_id = aws_api_gateway_rest_api.v1_payouts.id
  description = "gateplan document e787063f37"

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.v1_payouts.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod_v1_payouts" {
  rest_api_id   = aws_api_gateway_rest_api.v1_payouts.id
  deployment_id = aws_api_gateway_deployment.v1_payouts.id
  stage_name    = "prod"
  variables = {
    apiHost = "api.internal"
  }
}

# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_api_gateway_rest_api" "v1_status" {
  name              = "Split API /v1/status"
  description       = "More operations than one API Gateway API may hold (300 REST resources, 300 HTTP routes): gateplan splits it by path prefix into several APIs under one custom domain."
  body              = file("${path.module}/openapi-rest-v1-status.json")
  put_rest_api_mode = "overwrite"
  fail_on_warnings  = true

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# A deployment is immutable: a new one is created whenever the document changes.
resource "aws_api_gateway_deployment" "v1_status" {
  rest_api_id = aws_api_gateway_rest_api.v1_status.id
  description = "gateplan document 4b4cd5e956"

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.v1_status.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod_v1_status" {
  rest_api_id   = aws_api_gateway_rest_api.v1_status.id
  deployment_id = aws_api_gateway_deployment.v1_status.id
  stage_name    = "prod"
  variables = {
    apiHost = "api.internal"
  }
}

# The split APIs answer on one regional custom domain name per stage; each API is mapped at its
# base path (multi-level mappings need a regional domain name with TLS 1.2).

resource "aws_api_gateway_domain_name" "prod" {
  domain_name              = "api.example.com"
  regional_certificate_arn = var.domain_certificate_arn
  security_policy          = "TLS_1_2"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_apigatewayv2_api_mapping" "prod_v1_customers" {
  api_id          = aws_api_gateway_rest_api.v1_customers.id
  stage           = aws_api_gateway_stage.prod_v1_customers.stage_name
  domain_name     = aws_api_gateway_domain_name.prod.domain_name
  api_mapping_key = "v1/customers"
}

resource "aws_apigatewayv2_api_mapping" "prod_v1_invoices" {
  api_id          = aws_api_gateway_rest_api.v1_invoices.id
  stage           = aws_api_gateway_stage.prod_v1_invoices.stage_name
  domain_name     = aws_api_gateway_domain_name.prod.domain_name
  api_mapping_key = "v1/invoices"
}

resource "aws_apigatewayv2_api_mapping" "prod_v1_payouts" {
  api_id          = aws_api_gateway_rest_api.v1_payouts.id
  stage           = aws_api_gateway_stage.prod_v1_payouts.stage_name
  domain_name     = aws_api_gateway_domain_name.prod.domain_name
  api_mapping_key = "v1/payouts"
}

resource "aws_apigatewayv2_api_mapping" "prod_v1_status" {
  api_id          = aws_api_gateway_rest_api.v1_status.id
  stage           = aws_api_gateway_stage.prod_v1_status.stage_name
  domain_name     = aws_api_gateway_domain_name.prod.domain_name
  api_mapping_key = "v1/status"
}
