# fail_on_warnings: a route API Gateway would drop on import fails the apply instead.
resource "aws_api_gateway_rest_api" "this" {
  name              = "Warehouse Inventory"
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
  description = "gateplan document 5b6c70aefc"

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.this.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "live" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = "live"
  variables = {
    stockHost = "stock.internal:8080"
  }
}

resource "aws_api_gateway_stage" "staging" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = "staging"
  variables = {
    region    = "us-west-2"
    stockHost = "stock.internal:8080"
  }
}

resource "aws_api_gateway_method_settings" "live_all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.live.stage_name
  method_path = "*/*"

  settings {
    throttling_rate_limit  = 200
    throttling_burst_limit = 400
  }
}

resource "aws_lambda_permission" "apigw_authorizer_token_auth" {
  statement_id  = "AllowApiGateway-AuthorizerTokenAuth"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:inventory-auth"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/authorizers/*"
}

resource "aws_lambda_permission" "apigw_lambda_inventory_writer" {
  statement_id  = "AllowApiGateway-LambdaInventoryWriter"
  action        = "lambda:InvokeFunction"
  function_name = "arn:aws:lambda:us-east-1:123456789012:function:inventory-writer"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*"
}
