# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "this" {
  name             = "Payments"
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = file("${path.module}/openapi-http.json")
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "prod"
  auto_deploy = true
  stage_variables = {
    paymentsHost = "api.payments.example.com"
  }
}
