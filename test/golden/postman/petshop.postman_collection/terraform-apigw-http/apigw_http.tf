# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "this" {
  name             = "Pet Shop"
  description      = "A Postman export as teams have them: folders, :path variables, {{baseUrl}}, bearer auth."
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = file("${path.module}/openapi-http.json")
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "prod"
  auto_deploy = true
  stage_variables = {
    ordersFunction = "petshop-orders"
    petsHost       = "pets.internal:8080"
  }

  default_route_settings {
    throttling_rate_limit  = 100
    throttling_burst_limit = 200
  }
}

resource "aws_lambda_permission" "apigw_orders" {
  statement_id  = "AllowApiGateway-Orders"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:eu-west-1:123456789012:function:petshop-orders"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*"
}
