# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_apigatewayv2_api" "this" {
  name             = "Warehouse Inventory"
  protocol_type    = "HTTP"
  fail_on_warnings = true
  body             = file("${path.module}/openapi-http.json")
}

resource "aws_apigatewayv2_stage" "live" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "live"
  auto_deploy = true
  stage_variables = {
    stockHost = "stock.internal:8080"
  }

  default_route_settings {
    throttling_rate_limit  = 200
    throttling_burst_limit = 400
  }
}

resource "aws_apigatewayv2_stage" "staging" {
  api_id      = aws_apigatewayv2_api.this.id
  name        = "staging"
  auto_deploy = true
  stage_variables = {
    region    = "us-west-2"
    stockHost = "stock.internal:8080"
  }
}

resource "aws_lambda_permission" "apigw_authorizer_token_auth" {
  statement_id  = "AllowApiGateway-AuthorizerTokenAuth"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:inventory-auth"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/authorizers/*"
}

resource "aws_lambda_permission" "apigw_lambda_inventory_writer" {
  statement_id  = "AllowApiGateway-LambdaInventoryWriter"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:inventory-writer"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.this.execution_arn}/*"
}
