# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_api_gateway_rest_api" "this" {
  name              = "Payments"
  body              = file("${path.module}/openapi-rest.json")
  put_rest_api_mode = "overwrite"
  fail_on_warnings  = true

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# A deployment is immutable: a new one is created whenever the document changes.
resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  description = "gateplan document 5487beb83f"

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.this.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = "prod"
  variables = {
    paymentsHost = "api.payments.example.com"
  }
}
